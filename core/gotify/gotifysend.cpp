// Sends (docs/protocols.md "Message"; gotifysend.h).
#include "gotifysend.h"

#include "gotifyapi.h"
#include "gotifydecoder.h"

#include <QPointer>

namespace ct {

SendResult gotifySendResult(const GotifyResult &result, const AccountAddress &account)
{
    SendResult out;
    out.errCode = result.httpStatus;
    if (!result.ok()) {
        out.error = result.error.message();
        return out;
    }
    const QJsonObject message = result.value.toObject();
    out.ok = true;
    out.answer = message;
    out.serverId = QString::number(message.value(QStringLiteral("id")).toInteger());
    out.time = QDateTime::fromString(message.value(QStringLiteral("date")).toString(), Qt::ISODateWithMs);
    if (std::optional<InboundMessage> sent = decodeGotifyMessage(message, account, InboundMessage::Via::Stream)) {
        out.sent = *sent;
        out.sent.direction = InboundMessage::Direction::Out;
    }
    return out;
}

GotifySend::GotifySend(GotifyApi &api, const AccountAddress &account, QObject *parent)
    : QObject(parent), m_api(api), m_account(account)
{
    qRegisterMetaType<ct::SendResult>();
}

int GotifySend::send(const SendRequest &request)
{
    const int id = ++m_ids;
    // The REST queue starts every request from the event loop (SerialQueue), so the answer,
    // even one refused before anything is sent, never comes from inside this call.
    const QPointer<GotifySend> self(this);
    m_api.sendMessage(request, [self, id](const GotifyResult &answer) {
        if (self)
            Q_EMIT self->finished(id, gotifySendResult(answer, self->m_account));
    });
    return id;
}

} // namespace ct
