// A refused handshake answered over plain HTTP without upgrade (docs/protocols.md "Connect":
// without isMsgResp, and what some gateways and proxies do). The WebSocket client keeps the
// answer's status and body; the {"errCode":…} JSON in it is mapped like the first text frame.
// The request URL carries the token (the gateway needs it in the query): it is never logged.
#include "logging/logging.h"
#include "openimconnection.h"
#include "openimevents.h"

namespace ct {

void OpenImConnection::onRefusedUpgrade(const QString &reason)
{
    // The body is read whatever the status: the vendor answers 200, a proxy may not.
    const auto answer = m_socket.httpStatus() != 0 ? openim::decodeHandshake(m_socket.httpBody()) : std::nullopt;
    if (!answer || answer->errCode == 0) {
        scheduleReconnect(reason);
        return;
    }
    const QString event = openim::eventForErrorCode(answer->errCode);
    qCWarning(lcOpenIm) << address().toString() << "handshake refused over HTTP:" << answer->errCode << event;
    if (openim::isTokenEvent(event)) {
        onHandshakeAnswer(answer->errCode, answer->errMsg);
        return;
    }
    // Not a token problem (1601 too many connections, 1602 bad arguments, …): retry later.
    scheduleReconnect(QStringLiteral("%1 (%2): %3").arg(event).arg(answer->errCode).arg(answer->errMsg));
}

} // namespace ct
