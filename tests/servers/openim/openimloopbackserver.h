#pragma once
// A loopback OpenIM server for tests and the demo: message gateway + REST on two ports of
// 127.0.0.1 (both port 0), with the controls tests need. See docs/protocols.md "OpenIM".
#include "loopbackgateway.h"
#include "loopbackrest.h"
#include "loopbackstore.h"

#include <QObject>

namespace ct::loopback {

class OpenImLoopbackServer : public QObject
{
    Q_OBJECT
public:
    explicit OpenImLoopbackServer(QObject *parent = nullptr, QByteArray secret = QByteArrayLiteral("openIM123"));

    bool start();
    QString wsAddr() const;  // ws://127.0.0.1:<port>
    QString apiAddr() const; // http://127.0.0.1:<port>
    quint16 wsPort() const { return m_wsPort; }
    quint16 apiPort() const { return m_apiPort; }

    LoopbackStore &store() { return m_store; }
    LoopbackGateway &gateway() { return *m_gateway; }
    LoopbackRest &rest() { return *m_rest; }

    // --- controls ---
    void addUser(const QString &userID, const QString &nickname = {});
    void addGroup(const QString &groupID, const QStringList &members, const QString &name = {});
    // A registered HS256 token; lifetimeSecs may be negative (already expired).
    QString mintToken(const QString &userID, int platformID, qint64 lifetimeSecs = 90LL * 24 * 3600);
    // A token signed with another secret (1502), an unregistered one (1507), not yet valid (1504),
    // unknown algorithm (1505), or malformed text (1503).
    QString mintBadToken(const QString &userID, int platformID, int errCode);
    void expireTokens(const QString &userID) { m_store.setTokensState(userID, -1, 1501); }
    void invalidateTokens(const QString &userID, int errCode = 1502)
    {
        m_store.setTokensState(userID, -1, errCode);
    }
    void setReadDeadlineMs(int ms) { m_gateway->setReadDeadlineMs(ms); }
    void setAnswerRefusalsOverHttp(bool on) { m_gateway->setAnswerRefusalsOverHttp(on); }

    // Store a message (seq assigned) and push it to the online participants.
    ::openim::sdkws::MsgData deliverDirect(const QString &from, const QString &to, const QString &text,
                                           int contentType = 101, const QByteArray &content = {});
    ::openim::sdkws::MsgData deliverGroup(const QString &from, const QString &groupID, const QString &text,
                                          const QStringList &atUserIDs = {});
    // Store without pushing (the user was offline, or the push got lost).
    ::openim::sdkws::MsgData storeDirectSilently(const QString &from, const QString &to, const QString &text);
    ::openim::sdkws::MsgData storeGroupSilently(const QString &from, const QString &groupID, const QString &text);

    int dropTcp(const QString &userID) { return m_gateway->dropTcp(userID); }
    int kick(const QString &userID) { return m_gateway->kick(userID); }
    int sendGarbage(const QString &userID)
    {
        return m_gateway->sendRawBinary(userID, QByteArrayLiteral("\x01not json"));
    }
    int onlineCount(const QString &userID) const { return m_gateway->onlineCount(userID); }
    const QList<HandshakeRecord> &handshakes() const { return m_gateway->handshakes(); }
    const std::vector<::openim::sdkws::MsgData> &receivedMsgs() const { return m_gateway->received(); }

private:
    ::openim::sdkws::MsgData makeMessage(const QString &from, const QString &to, const QString &group,
                                         int contentType, const QByteArray &content);
    ::openim::sdkws::MsgData deliver(::openim::sdkws::MsgData msg, bool pushIt);

    QByteArray m_secret;
    LoopbackStore m_store;
    LoopbackGateway *m_gateway;
    LoopbackRest *m_rest;
    quint16 m_wsPort = 0;
    quint16 m_apiPort = 0;
    quint64 m_counter = 0;
};

} // namespace ct::loopback
