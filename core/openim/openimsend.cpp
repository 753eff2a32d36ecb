// Sends (docs/protocols.md "Requests", 1003; openimsend.h).
#include "openimsend.h"

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
    ::openim::sdkws::MsgData msg;
    msg.set_sendid(userID.toStdString());
    if (toUser)
        msg.set_recvid(peer.toStdString());
    else
        msg.set_groupid(peer.toStdString());
    const QString clientMsgID = newClientMsgID(userID);
    msg.set_clientmsgid(clientMsgID.toStdString());
    msg.set_senderplatformid(m_gateway.platformID());
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
    m_gateway.request(
        openim::SendMsg, QByteArray(bytes.data(), int(bytes.size())),
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
                const QString userID = m_gateway.userID();
                ::openim::sdkws::MsgData stored = msg;
                stored.set_servermsgid(resp.servermsgid());
                stored.set_sendtime(resp.sendtime());
                stored.set_status(2);
                const QString conversationID =
                    stored.sessiontype() == 3
                        ? QStringLiteral("sg_") + QString::fromStdString(stored.groupid())
                        : (userID < QString::fromStdString(stored.recvid())
                               ? QStringLiteral("si_%1_%2").arg(userID, QString::fromStdString(stored.recvid()))
                               : QStringLiteral("si_%1_%2").arg(QString::fromStdString(stored.recvid()), userID));
                result.sent = openim::toInbound(stored, conversationID, m_account, userID, false,
                                                InboundMessage::Via::Stream);
                result.sent.direction = InboundMessage::Direction::Out;
            }
            finish(result);
        });
    return id;
}

} // namespace ct
