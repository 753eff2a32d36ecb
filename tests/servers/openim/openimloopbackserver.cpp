#include "openimloopbackserver.h"

#include "loopbackjwt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ct::loopback {

OpenImLoopbackServer::OpenImLoopbackServer(QObject *parent, QByteArray secret)
    : QObject(parent), m_secret(std::move(secret)), m_gateway(new LoopbackGateway(&m_store, m_secret, this)),
      m_rest(new LoopbackRest(
          &m_store, m_secret,
          [this](::openim::sdkws::MsgData &msg) {
              msg = deliver(msg, true);
              return QString::fromStdString(msg.servermsgid());
          },
          this))
{
    m_store.addUser(QStringLiteral("imAdmin"), QStringLiteral("imAdmin"));
}

bool OpenImLoopbackServer::start()
{
    if (!m_gateway->listen(QHostAddress::LocalHost, 0))
        return false;
    m_wsPort = m_gateway->serverPort();
    m_apiPort = m_rest->listen();
    return m_apiPort != 0;
}

QString OpenImLoopbackServer::wsAddr() const
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort);
}

QString OpenImLoopbackServer::apiAddr() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_apiPort);
}

void OpenImLoopbackServer::addUser(const QString &userID, const QString &nickname)
{
    m_store.addUser(userID, nickname.isEmpty() ? userID : nickname);
}

void OpenImLoopbackServer::addGroup(const QString &groupID, const QStringList &members, const QString &name)
{
    m_store.addGroup(groupID, name.isEmpty() ? groupID : name, members);
}

QString OpenImLoopbackServer::mintToken(const QString &userID, int platformID, qint64 lifetimeSecs)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString token = signJwt(QJsonObject{{QStringLiteral("UserID"), userID},
                                              {QStringLiteral("PlatformID"), platformID},
                                              {QStringLiteral("exp"), now + lifetimeSecs},
                                              {QStringLiteral("nbf"), now - 1},
                                              {QStringLiteral("iat"), now}},
                                  m_secret);
    m_store.registerToken(token, userID, platformID);
    return token;
}

QString OpenImLoopbackServer::mintBadToken(const QString &userID, int platformID, int errCode)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{QStringLiteral("UserID"), userID},
                       {QStringLiteral("PlatformID"), platformID},
                       {QStringLiteral("exp"), now + 3600},
                       {QStringLiteral("iat"), now}};
    switch (errCode) {
    case 1501:
        claims.insert(QStringLiteral("exp"), now - 10);
        return signJwt(claims, m_secret);
    case 1502:
        return signJwt(claims, QByteArrayLiteral("not-the-secret"));
    case 1503:
        return QStringLiteral("this-is-not-a-jwt");
    case 1504:
        claims.insert(QStringLiteral("nbf"), now + 3600);
        return signJwt(claims, m_secret);
    case 1505:
        return signJwt(claims, m_secret, QByteArrayLiteral("none"));
    case 1506: {
        const QString token = mintToken(userID, platformID);
        m_store.setTokensState(userID, platformID, 1506);
        return token;
    }
    default: // 1507: well signed, never issued
        return signJwt(claims, m_secret);
    }
}

::openim::sdkws::MsgData OpenImLoopbackServer::makeMessage(const QString &from, const QString &to,
                                                           const QString &group, int contentType,
                                                           const QByteArray &content)
{
    ::openim::sdkws::MsgData msg;
    msg.set_sendid(from.toStdString());
    msg.set_recvid(to.toStdString());
    msg.set_groupid(group.toStdString());
    msg.set_clientmsgid(QUuid::createUuid().toString(QUuid::Id128).toStdString());
    msg.set_senderplatformid(5);
    const LoopbackUser *u = m_store.user(from);
    msg.set_sendernickname((u ? u->nickname : from).toStdString());
    msg.set_sessiontype(group.isEmpty() ? 1 : 3);
    msg.set_msgfrom(100);
    msg.set_contenttype(contentType);
    msg.set_content(content.toStdString());
    (*msg.mutable_options())["history"] = true;
    ++m_counter;
    return msg;
}

::openim::sdkws::MsgData OpenImLoopbackServer::deliver(::openim::sdkws::MsgData msg, bool pushIt)
{
    const QString conversationID = m_store.store(msg);
    if (pushIt)
        m_gateway->push(conversationID, msg);
    return msg;
}

static QByteArray textContent(const QString &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("content"), text}}).toJson(QJsonDocument::Compact);
}

::openim::sdkws::MsgData OpenImLoopbackServer::deliverDirect(const QString &from, const QString &to,
                                                             const QString &text, int contentType,
                                                             const QByteArray &content)
{
    return deliver(makeMessage(from, to, {}, contentType, content.isEmpty() ? textContent(text) : content), true);
}

::openim::sdkws::MsgData OpenImLoopbackServer::deliverGroup(const QString &from, const QString &groupID,
                                                            const QString &text, const QStringList &atUserIDs)
{
    QByteArray content = textContent(text);
    int type = 101;
    if (!atUserIDs.isEmpty()) {
        type = 106;
        content = QJsonDocument(QJsonObject{{QStringLiteral("text"), text},
                                            {QStringLiteral("atUserList"), QJsonArray::fromStringList(atUserIDs)}})
                      .toJson(QJsonDocument::Compact);
    }
    auto msg = makeMessage(from, {}, groupID, type, content);
    for (const QString &id : atUserIDs)
        msg.add_atuseridlist(id.toStdString());
    return deliver(msg, true);
}

::openim::sdkws::MsgData OpenImLoopbackServer::storeDirectSilently(const QString &from, const QString &to,
                                                                   const QString &text)
{
    return deliver(makeMessage(from, to, {}, 101, textContent(text)), false);
}

::openim::sdkws::MsgData OpenImLoopbackServer::storeGroupSilently(const QString &from, const QString &groupID,
                                                                  const QString &text)
{
    return deliver(makeMessage(from, {}, groupID, 101, textContent(text)), false);
}

} // namespace ct::loopback
