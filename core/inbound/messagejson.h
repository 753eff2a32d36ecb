#pragma once
// One message as a JSON line in the `watch --json` format of docs/architecture.md "Command line"
// ("type":"message"), used by `history --json` (and available to the watch printer). Keys in a
// fixed order. Gotify messages carry title and priority; OpenIM messages seq, conversation and
// contentType.
#include "inboundmessage.h"

#include <QByteArray>
#include <QString>

namespace ct {

// withDirection: adds "direction":"in"|"out" (history); withFiltered adds "filtered":true when set.
QByteArray messageJsonLine(const InboundMessage &message, bool withDirection = true);
// One readable line: "2026-11-22 10:00:00 gotify/ops [session] peer: title — text".
QString messageTextLine(const InboundMessage &message);

} // namespace ct
