#include "sentmessage.h"

#include "historystore.h"
#include "sessionkeyresolver.h"

namespace ct {

bool storeSentMessage(HistoryStore &history, const Config &config, InboundMessage message)
{
    if (!history.isOpen() || message.id.isEmpty())
        return false;
    message.direction = InboundMessage::Direction::Out;
    message.sessionKey = SessionKeyResolver(config).keyFor(message);
    return history.storeOutgoing(message); // false too when the stream stored it first
}

} // namespace ct
