// Sends (docs/protocols.md "Requests", 1003; openimsend.h).
#include "openimsend.h"

#include "logging/logging.h"
#include "openimcontent.h"
#include "openimmessages.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

namespace ct {

namespace {
QString newClientMsgID(const QString &userID)
{
    // 32 hex chars like the vendor SDKs: md5 of user, time and randomness.
    const QByteArray seed = userID.toUtf8() + QByteArray::number(QDateTime::currentMSecsSinceEpoch())
                            + QByteArray::number(QRandomGenerator::global()->generate64());
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex());
}
SendResult failure(int errCode, const QString &error)
{
    SendResult r;
    r.errCode = errCode;
    r.error = error;
    return r;
}
} // namespace

OpenImSend::OpenImSend(OpenImGateway &gateway, const AccountAddress &account, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_account(account)
{
    qRegisterMetaType<ct::SendResult>();
}

int OpenImSend::send(const SendRequest &toSend)
{
    const int id = ++m_ids;
    const QString &target = toSend.recipient;
    const QString &value = toSend.kind == SendRequest::Kind::Text ? toSend.text : toSend.url;
    auto refuse = [this, id](const SendResult &result) {
        QTimer::singleShot(0, this, [this, id, result] { Q_EMIT finished(id, result); });
    };
    auto finish = [this, id](const SendResult &result) { Q_EMIT finished(id, result); };
    const bool toUser = target.startsWith(QStringLiteral("user:"));
    const bool toGroup = target.startsWith(QStringLiteral("group:"));
    const QString peer = target.mid(target.indexOf(QLatin1Char(':')) + 1);
    if ((!toUser && !toGroup) || peer.isEmpty()) {
        refuse(failure(-3, tr("target must be user:<id> or group:<id>")));
        return id;
    }
    if (!m_gateway.ready()) {
        refuse(failure(-2, tr("not connected")));
        return id;
    }
    const QString userID = m_gateway.userID();
    openim::MsgData msg;
    msg.sendID = userID;
    if (toUser)
        msg.recvID = peer;
    else
        msg.groupID = peer;
    const QString clientMsgID = newClientMsgID(userID);
    msg.clientMsgID = clientMsgID;
    msg.senderPlatformID = m_gateway.platformID();
    msg.sessionType = toUser ? 1 : 3;
    msg.msgFrom = 100;
    switch (toSend.kind) {
    case SendRequest::Kind::Text:
        msg.contentType = openim::Text;
        msg.content = openim::textContent(value);
        break;
    case SendRequest::Kind::Picture:
        msg.contentType = openim::Picture;
        msg.content = openim::pictureContent(value, toSend.localFile);
        break;
    case SendRequest::Kind::Video:
        msg.contentType = openim::Video;
        msg.content = openim::videoContent(value, toSend.localFile);
        break;
    case SendRequest::Kind::File:
        msg.contentType = openim::File;
        msg.content = openim::fileContent(value, toSend.localFile);
        break;
    }
    msg.createTime = QDateTime::currentMSecsSinceEpoch();
    msg.status = 1;
    msg.options = {{QStringLiteral("history"), true}, {QStringLiteral("persistent"), true}};
    m_gateway.request(
        openim::SendMsg, openim::encode(msg),
        [this, finish, msg, clientMsgID](const openim::Response *response, const QString &error) {
            SendResult result;
            result.clientId = clientMsgID;
            if (!response) {
                result.errCode = error == OpenImGateway::timedOut() ? -1 : -2;
                result.error = error;
                return finish(result);
            }
            if (response->errCode != 0) {
                result.errCode = response->errCode;
                result.error = response->errMsg;
                return finish(result);
            }
            QString why;
            const auto resp = openim::decode<openim::SendMsgResp>(response->data, &why);
            if (!resp) {
                qCWarning(lcOpenIm) << m_account.toString() << "undecodable send answer:" << why;
                result.errCode = -4;
                result.error = tr("undecodable send answer");
                return finish(result);
            }
            result.ok = true;
            result.serverId = resp->serverMsgID;
            if (resp->sendTime > 0)
                result.time = QDateTime::fromMSecsSinceEpoch(resp->sendTime, Qt::UTC);
            {
                const QString userID = m_gateway.userID();
                openim::MsgData stored = msg;
                stored.serverMsgID = resp->serverMsgID;
                stored.sendTime = resp->sendTime;
                stored.status = 2;
                const QString conversationID = stored.sessionType == 3
                                                   ? QStringLiteral("sg_") + stored.groupID
                                                   : (userID < stored.recvID
                                                          ? QStringLiteral("si_%1_%2").arg(userID, stored.recvID)
                                                          : QStringLiteral("si_%1_%2").arg(stored.recvID, userID));
                result.sent = openim::toInbound(stored, conversationID, m_account, userID, false,
                                                InboundMessage::Via::Stream);
                result.sent.direction = InboundMessage::Direction::Out;
            }
            finish(result);
        });
    return id;
}

} // namespace ct
