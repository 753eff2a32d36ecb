// Sends (docs/protocols.md "Requests", 1003: the request data is a bare MsgData) and their history
// rows.
#include "openimconnection.h"

#include "inbound/historystore.h"
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
} // namespace

int OpenImConnection::send(const QString &target, Kind kind, const QString &value, const QString &localFile)
{
    const int id = ++m_sendIds;
    auto finish = [this, id](OpenImSendResult result) {
        QTimer::singleShot(0, this, [this, id, result] { emit sendFinished(id, result); });
    };
    const bool toUser = target.startsWith(QStringLiteral("user:"));
    const bool toGroup = target.startsWith(QStringLiteral("group:"));
    const QString peer = target.mid(target.indexOf(QLatin1Char(':')) + 1);
    if ((!toUser && !toGroup) || peer.isEmpty()) {
        finish({false, {}, {}, 0, -3, tr("target must be user:<id> or group:<id>")});
        return id;
    }
    if (!m_handshakeDone) {
        finish({false, {}, {}, 0, -2, tr("not connected")});
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
    switch (kind) {
    case Kind::Text:
        msg.set_contenttype(openim::Text);
        content = openim::textContent(value);
        break;
    case Kind::Picture:
        msg.set_contenttype(openim::Picture);
        content = openim::pictureContent(value, localFile);
        break;
    case Kind::Video:
        msg.set_contenttype(openim::Video);
        content = openim::videoContent(value, localFile);
        break;
    case Kind::File:
        msg.set_contenttype(openim::File);
        content = openim::fileContent(value, localFile);
        break;
    }
    msg.set_content(content.toStdString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    msg.set_createtime(now);
    msg.set_status(1);
    (*msg.mutable_options())["history"] = true;
    (*msg.mutable_options())["persistent"] = true;
    const std::string bytes = msg.SerializeAsString();
    request(openim::SendMsg, QByteArray(bytes.data(), int(bytes.size())),
            [this, finish, msg, clientMsgID](const openim::Response *response, const QString &error) {
                OpenImSendResult result;
                result.clientMsgID = clientMsgID;
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
                result.serverMsgID = QString::fromStdString(resp.servermsgid());
                result.sendTime = resp.sendtime();
                if (m_history) {
                    ::openim::sdkws::MsgData stored = msg;
                    stored.set_servermsgid(resp.servermsgid());
                    stored.set_sendtime(resp.sendtime());
                    stored.set_status(2);
                    const QString conversationID = stored.sessiontype() == 3
                        ? QStringLiteral("sg_") + QString::fromStdString(stored.groupid())
                        : (m_userID < QString::fromStdString(stored.recvid())
                               ? QStringLiteral("si_%1_%2").arg(m_userID, QString::fromStdString(stored.recvid()))
                               : QStringLiteral("si_%1_%2").arg(QString::fromStdString(stored.recvid()), m_userID));
                    InboundMessage out = openim::toInbound(stored, conversationID, address(), m_userID, false,
                                                           InboundMessage::Via::Stream);
                    out.direction = InboundMessage::Direction::Out;
                    if (!m_history->storeOutgoing(out))
                        qCWarning(lcOpenIm) << address().toString() << "sent message not stored in history";
                }
                finish(result);
            });
    return id;
}

} // namespace ct
