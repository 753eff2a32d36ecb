// Sends (docs/protocols.md "Requests", 1003: the request data is a bare MsgData). The result
// carries the message as sent; whoever asked for the send stores it (storeSentMessage).
#include "openimconnection.h"

#include "logging/logging.h"
#include "msg.pb.h"
#include "openimcontent.h"
#include "sdkws.pb.h"

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

int OpenImConnection::send(const SendRequest &toSend)
{
    const int id = ++m_sendIds;
    const QString &target = toSend.recipient;
    const QString &value = toSend.kind == SendRequest::Kind::Text ? toSend.text : toSend.url;
    // A refusal before anything was sent is reported from the event loop, never from inside
    // send(); the server's answer is reported at once, so whoever stores the sent message does
    // so before the server's echo of it (a push to the sender) is read.
    auto refuse = [this, id](const SendResult &result) {
        QTimer::singleShot(0, this, [this, id, result] { emit sendFinished(id, result); });
    };
    auto finish = [this, id](const SendResult &result) { emit sendFinished(id, result); };
    const bool toUser = target.startsWith(QStringLiteral("user:"));
    const bool toGroup = target.startsWith(QStringLiteral("group:"));
    const QString peer = target.mid(target.indexOf(QLatin1Char(':')) + 1);
    if ((!toUser && !toGroup) || peer.isEmpty()) {
        refuse(failure(-3, tr("target must be user:<id> or group:<id>")));
        return id;
    }
    if (!m_handshakeDone) {
        refuse(failure(-2, tr("not connected")));
        return id;
    }
    ::openim::sdkws::MsgData msg;
    msg.set_sendid(m_userID.toStdString());
    if (toUser)
        msg.set_recvid(peer.toStdString());
    else
        msg.set_groupid(peer.toStdString());
    const QString clientMsgID = newClientMsgID(m_userID);
    msg.set_clientmsgid(clientMsgID.toStdString());
    msg.set_senderplatformid(m_platformID);
    msg.set_sessiontype(toUser ? 1 : 3);
    msg.set_msgfrom(100);
    QByteArray content;
    switch (toSend.kind) {
    case SendRequest::Kind::Text:
        msg.set_contenttype(openim::Text);
        content = openim::textContent(value);
        break;
    case SendRequest::Kind::Picture:
        msg.set_contenttype(openim::Picture);
        content = openim::pictureContent(value, toSend.localFile);
        break;
    case SendRequest::Kind::Video:
        msg.set_contenttype(openim::Video);
        content = openim::videoContent(value, toSend.localFile);
        break;
    case SendRequest::Kind::File:
        msg.set_contenttype(openim::File);
        content = openim::fileContent(value, toSend.localFile);
        break;
    }
    msg.set_content(content.toStdString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    msg.set_createtime(now);
    msg.set_status(1);
    (*msg.mutable_options())["history"] = true;
    (*msg.mutable_options())["persistent"] = true;
    const std::string bytes = msg.SerializeAsString();
    request(
        openim::SendMsg, QByteArray(bytes.data(), int(bytes.size())),
        [this, finish, msg, clientMsgID](const openim::Response *response, const QString &error) {
            SendResult result;
            result.clientId = clientMsgID;
            if (!response) {
                result.errCode = error == tr("request timed out") ? -1 : -2;
                result.error = error;
                return finish(result);
            }
            if (response->errCode != 0) {
                result.errCode = response->errCode;
                result.error = response->errMsg;
                return finish(result);
            }
            ::openim::msg::SendMsgResp resp;
            if (!resp.ParseFromArray(response->data.constData(), response->data.size())) {
                result.errCode = -4;
                result.error = tr("undecodable send answer");
                return finish(result);
            }
            result.ok = true;
            result.serverId = QString::fromStdString(resp.servermsgid());
            if (resp.sendtime() > 0)
                result.time = QDateTime::fromMSecsSinceEpoch(resp.sendtime(), Qt::UTC);
            {
                ::openim::sdkws::MsgData stored = msg;
                stored.set_servermsgid(resp.servermsgid());
                stored.set_sendtime(resp.sendtime());
                stored.set_status(2);
                const QString conversationID =
                    stored.sessiontype() == 3
                        ? QStringLiteral("sg_") + QString::fromStdString(stored.groupid())
                        : (m_userID < QString::fromStdString(stored.recvid())
                               ? QStringLiteral("si_%1_%2").arg(m_userID, QString::fromStdString(stored.recvid()))
                               : QStringLiteral("si_%1_%2")
                                     .arg(QString::fromStdString(stored.recvid()), m_userID));
                result.sent = openim::toInbound(stored, conversationID, address(), m_userID, false,
                                                InboundMessage::Via::Stream);
                result.sent.direction = InboundMessage::Direction::Out;
            }
            finish(result);
        });
    return id;
}

} // namespace ct
