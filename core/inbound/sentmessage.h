#pragma once
// Sent messages are history too. Every send, from the tray or from `channeltray send`, of either
// channel, is stored through here, once: with the session key a received message of the same
// conversation gets, as outgoing and read.
#include "config/configmodel.h"
#include "inboundmessage.h"

namespace ct {

class HistoryStore;

// False when the store is closed, the message has no id, it is there already (a Gotify stream
// can deliver the sent message first), or it could not be written (the reason is logged).
bool storeSentMessage(HistoryStore &history, const Config &config, InboundMessage message);

} // namespace ct
