#pragma once
// The loopback OpenIM message gateway (docs/protocols.md "Connect", "Frames", "Heartbeat",
// "Requests"): a QTcpServer that reads the upgrade request itself so that a refused
// handshake without isMsgResp can be answered as plain HTTP 200, and hands every other
// connection to a QWebSocketServer.
#include "loopbackstore.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>
#include <vector>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace ct::loopback {

struct HandshakeRecord
{
    QUrlQuery query; // every argument as received (the token included: tests only)
    QString sendID;
    int platformID = -1;
    int errCode = 0;
    bool upgraded = false; // false: answered as HTTP without upgrade
};

class LoopbackGateway : public QTcpServer
{
    Q_OBJECT
public:
    LoopbackGateway(LoopbackStore *store, QByteArray secret, QObject *parent = nullptr);
    ~LoopbackGateway() override;

    // Hostile handshakes, for the fault tests: accept the TCP connection and never answer;
    // trickle the 101 answer a byte every 100 ms, never finished; complete the upgrade and
    // never send the handshake answer (nor a pong); or send the handshake answer and then
    // trickle a frame that never ends, a byte every trickleIntervalMs (framestall.h): the
    // session looks open here, but nothing it sends (pongs, pushes) reaches the client whole.
    enum class Stall { None, Silent, Trickle, UpgradeWithoutAnswer, TrickleAfterAnswer };
    void setStall(Stall stall) { m_stall = stall; }
    void setTrickleIntervalMs(int ms) { m_trickleIntervalMs = ms; }
    int connectionsAccepted() const { return m_accepted; }
    int bytesTrickled() const { return m_trickled; }
    // A binary frame sent after the upgrade and before the handshake answer (a wrong order).
    void setFrameBeforeAnswer(const QByteArray &frame) { m_frameBeforeAnswer = frame; }

    void setReadDeadlineMs(int ms) { m_readDeadlineMs = ms; }
    // Answer every refused handshake as plain HTTP 200 + error JSON without upgrade, even with
    // isMsgResp=true (as a server without isMsgResp support, or a gateway in front, does).
    void setAnswerRefusalsOverHttp(bool on) { m_refusalsOverHttp = on; }
    int readDeadlineMs() const { return m_readDeadlineMs; }

    // Sends a 2001 push of msg to every online session of the conversation's participants,
    // except `except`.
    void push(const QString &conversationID, const ::openim::sdkws::MsgData &msg, QWebSocket *except = nullptr);
    int dropTcp(const QString &userID);                                // abort without close frame; returns count
    int kick(const QString &userID);                                   // 2002 then close; tokens marked kicked
    int sendRawBinary(const QString &userID, const QByteArray &frame); // e.g. garbage
    int sendRawText(const QString &userID, const QString &frame);      // a wrong wire type
    int onlineCount(const QString &userID) const;
    QList<int> onlinePlatforms(const QString &userID) const;

    const QList<HandshakeRecord> &handshakes() const { return m_handshakes; }
    const std::vector<::openim::sdkws::MsgData> &received() const { return m_received; }
    int pingsReceived() const { return m_pings; }

Q_SIGNALS:
    void handshakeDone(int errCode);
    void sessionOpened(const QString &userID, int platformID);
    void sessionClosed(const QString &userID);
    void messageReceived(const QString &conversationID);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Session
    {
        QString userID;
        int platformID = 0;
        QString token;
        bool gzip = false;
        QTimer *deadline = nullptr;
    };

    int checkHandshake(const QUrlQuery &query, HandshakeRecord &record);
    void onHeadPeeked(QTcpSocket *socket);
    void onWebSocket();
    void onText(QWebSocket *socket, const QString &text);
    void onBinary(QWebSocket *socket, const QByteArray &frame);
    void handleRequest(QWebSocket *socket, Session &session, int reqId, const QString &msgIncr,
                       const QString &operationID, const QByteArray &data);
    void reply(QWebSocket *socket, int reqId, const QString &msgIncr, const QString &operationID, int errCode,
               const QString &errMsg, const QByteArray *data);
    void closeSession(QWebSocket *socket);
    int sendRaw(const QString &userID, const std::function<void(QWebSocket *)> &send);

    LoopbackStore *m_store;
    QByteArray m_secret;
    QWebSocketServer *m_ws;
    QHash<QWebSocket *, Session> m_sessions;
    QList<HandshakeRecord> m_handshakes;
    std::vector<::openim::sdkws::MsgData> m_received;
    int m_readDeadlineMs = 30000;
    int m_pings = 0;
    bool m_refusalsOverHttp = false;
    Stall m_stall = Stall::None;
    QByteArray m_frameBeforeAnswer;
    int m_accepted = 0;
    int m_trickleIntervalMs = 1000;
    int m_trickled = 0;
    QHash<quint16, QPointer<QTcpSocket>> m_rawByPeerPort; // TrickleAfterAnswer: the socket under the upgrade
};

} // namespace ct::loopback
