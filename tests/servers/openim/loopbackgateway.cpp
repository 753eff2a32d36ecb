#include "loopbackgateway.h"

#include "framestall.h"

#include "loopbackjwt.h"
#include "openim/openimframe.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

namespace ct::loopback {

LoopbackGateway::LoopbackGateway(LoopbackStore *store, QByteArray secret, QObject *parent)
    : QTcpServer(parent), m_store(store), m_secret(std::move(secret)),
      m_ws(new QWebSocketServer(QStringLiteral("openim-loopback"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_ws, &QWebSocketServer::newConnection, this, &LoopbackGateway::onWebSocket);
}

LoopbackGateway::~LoopbackGateway()
{
    for (auto it = m_sessions.keyBegin(); it != m_sessions.keyEnd(); ++it)
        (*it)->disconnect(this);
}

void LoopbackGateway::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    ++m_accepted;
    if (m_stall == Stall::Silent)
        return; // the socket stays open, unanswered, until the client gives up
    if (m_stall == Stall::Trickle) {
        auto *drip = new QTimer(socket);
        auto sent = std::make_shared<int>(0);
        connect(drip, &QTimer::timeout, socket, [socket, sent] {
            static const QByteArray answer = QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n");
            socket->write(answer.mid(*sent % answer.size(), 1)); // never reaches the blank line
            ++*sent;
        });
        drip->start(100);
        return;
    }
    // Peek (never read) the request head, then decide: HTTP answer or WebSocket upgrade.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHeadPeeked(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void LoopbackGateway::onHeadPeeked(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(16384);
    const int end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return; // not complete yet
    socket->disconnect(this);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QUrlQuery query(QUrl(QString::fromLatin1(requestLine.value(1))).query());
    if (m_refusalsOverHttp || query.queryItemValue(QStringLiteral("isMsgResp")) != QStringLiteral("true")) {
        HandshakeRecord record;
        const int code = checkHandshake(query, record);
        if (code != 0) {
            // Without isMsgResp a refused handshake is an HTTP 200 with the error JSON.
            record.upgraded = false;
            m_handshakes << record;
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("errCode"), code},
                                                              {QStringLiteral("errMsg"),
                                                               QStringLiteral("handshake refused")},
                                                              {QStringLiteral("errDlt"), QString()}})
                                        .toJson(QJsonDocument::Compact);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
            emit handshakeDone(code);
            return;
        }
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->setParent(nullptr);
    if (m_stall == Stall::TrickleAfterAnswer)
        m_rawByPeerPort.insert(socket->peerPort(), socket);
    m_ws->handleConnection(socket);
}

int LoopbackGateway::checkHandshake(const QUrlQuery &query, HandshakeRecord &record)
{
    record.query = query;
    record.sendID = query.queryItemValue(QStringLiteral("sendID"));
    bool platformOk = false;
    record.platformID = query.queryItemValue(QStringLiteral("platformID")).toInt(&platformOk);
    const QString token = query.queryItemValue(QStringLiteral("token"));
    auto fail = [&record](int code) {
        record.errCode = code;
        return code;
    };
    // 1. arguments
    if (token.isEmpty() || record.sendID.isEmpty() || !platformOk
        || query.queryItemValue(QStringLiteral("operationID")).isEmpty())
        return fail(1602);
    const QString background = query.queryItemValue(QStringLiteral("isBackground"));
    if (background != QStringLiteral("true") && background != QStringLiteral("false"))
        return fail(500);
    // 2. the JWT itself
    const JwtCheck jwt = verifyJwt(token, m_secret, QDateTime::currentSecsSinceEpoch());
    if (jwt.error != TokenOk)
        return fail(jwt.error);
    // 3. claims equal to the arguments
    if (jwt.userID != record.sendID || jwt.platformID != record.platformID)
        return fail(TokenInvalid);
    // 4. the server's record of the token
    return fail(m_store->tokenState(token));
}

void LoopbackGateway::onWebSocket()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        socket->setParent(this);
        if (m_stall == Stall::UpgradeWithoutAnswer) {
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue; // upgraded, then silence: no handshake answer, no pong
        }
        HandshakeRecord record;
        const QUrlQuery query(socket->requestUrl().query());
        const int code = checkHandshake(query, record);
        record.upgraded = true;
        m_handshakes << record;
        const bool msgResp = query.queryItemValue(QStringLiteral("isMsgResp")) == QStringLiteral("true");
        if (code != 0) {
            if (msgResp) {
                socket->sendTextMessage(QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("errCode"), code},
                                              {QStringLiteral("errMsg"), QStringLiteral("handshake refused")},
                                              {QStringLiteral("errDlt"), QString()}})
                        .toJson(QJsonDocument::Compact)));
                socket->flush();
            }
            socket->abort(); // TCP dropped, no close frame
            socket->deleteLater();
            emit handshakeDone(code);
            continue;
        }
        // Default login policy: a new connection on the same (user, platform) kicks the older one.
        const QString token = query.queryItemValue(QStringLiteral("token"));
        const QList<QWebSocket *> older = m_sessions.keys();
        for (QWebSocket *old : older) {
            const Session &s = m_sessions[old];
            if (s.userID == record.sendID && s.platformID == record.platformID) {
                reply(old, openim::KickOnline, QString(), QString(), 0, QString(), nullptr);
                old->flush();
                closeSession(old);
            }
        }
        Session session;
        session.userID = record.sendID;
        session.platformID = record.platformID;
        session.token = token;
        session.gzip = query.queryItemValue(QStringLiteral("compression")) == QStringLiteral("gzip");
        session.deadline = new QTimer(socket);
        session.deadline->setSingleShot(true);
        session.deadline->start(m_readDeadlineMs);
        connect(session.deadline, &QTimer::timeout, this, [this, socket] { closeSession(socket); });
        m_sessions.insert(socket, session);
        socket->setMaxAllowedIncomingMessageSize(51200);
        socket->setMaxAllowedIncomingFrameSize(51200);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onText(socket, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray &frame) { onBinary(socket, frame); });
        connect(socket, &QWebSocket::pong, this, [this, socket] {
            if (m_sessions.contains(socket))
                m_sessions[socket].deadline->start(m_readDeadlineMs);
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { closeSession(socket); });
        if (!m_frameBeforeAnswer.isEmpty())
            socket->sendBinaryMessage(m_frameBeforeAnswer);
        if (msgResp)
            socket->sendTextMessage(QStringLiteral("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}"));
        if (QTcpSocket *raw = m_rawByPeerPort.take(socket->peerPort()))
            ct::testserver::trickleEndlessFrame(raw, m_trickleIntervalMs, [this] { ++m_trickled; });
        emit handshakeDone(0);
        emit sessionOpened(record.sendID, record.platformID);
    }
}

void LoopbackGateway::closeSession(QWebSocket *socket)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    const QString userID = it->userID;
    m_sessions.erase(it);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    emit sessionClosed(userID);
}

void LoopbackGateway::onText(QWebSocket *socket, const QString &text)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    it->deadline->start(m_readDeadlineMs);
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    if (o.value(QStringLiteral("type")).toString() == QStringLiteral("ping")) {
        ++m_pings;
        socket->sendTextMessage(QStringLiteral("{\"type\":\"pong\",\"body\":null}"));
        return;
    }
    closeSession(socket); // any other text frame closes the connection
}

void LoopbackGateway::onBinary(QWebSocket *socket, const QByteArray &frame)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    it->deadline->start(m_readDeadlineMs);
    QByteArray json = frame;
    if (it->gzip) {
        auto plain = openim::gzipDecompress(frame);
        if (!plain) {
            closeSession(socket);
            return;
        }
        json = *plain;
    }
    QJsonParseError error{};
    const QJsonObject o = QJsonDocument::fromJson(json, &error).object();
    const QJsonValue data = o.value(QStringLiteral("data"));
    auto raw = QByteArray::fromBase64Encoding(data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (error.error != QJsonParseError::NoError || !o.value(QStringLiteral("reqIdentifier")).isDouble()
        || !o.value(QStringLiteral("msgIncr")).isString() || !(data.isString() || data.isNull()) || !raw
        || o.value(QStringLiteral("sendID")).toString() != it->userID) {
        closeSession(socket); // undecodable frame or wrong sendID
        return;
    }
    handleRequest(socket, *it, o.value(QStringLiteral("reqIdentifier")).toInt(),
                  o.value(QStringLiteral("msgIncr")).toString(), o.value(QStringLiteral("operationID")).toString(),
                  *raw);
}

void LoopbackGateway::reply(QWebSocket *socket, int reqId, const QString &msgIncr, const QString &operationID,
                            int errCode, const QString &errMsg, const QByteArray *data)
{
    auto it = m_sessions.constFind(socket);
    if (it == m_sessions.constEnd())
        return;
    QJsonObject o{
        {QStringLiteral("reqIdentifier"), reqId},
        {QStringLiteral("msgIncr"), msgIncr},
        {QStringLiteral("operationID"), operationID},
        {QStringLiteral("errCode"), errCode},
        {QStringLiteral("errMsg"), errMsg},
        {QStringLiteral("data"), data ? QJsonValue(QString::fromLatin1(data->toBase64())) : QJsonValue()}};
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    socket->sendBinaryMessage(it->gzip ? openim::gzipCompress(json) : json);
}

void LoopbackGateway::push(const QString &conversationID, const ::openim::sdkws::MsgData &msg, QWebSocket *except)
{
    ::openim::sdkws::PushMessages push;
    const bool notification = conversationID.startsWith(QStringLiteral("n_"));
    auto &map = notification ? *push.mutable_notificationmsgs() : *push.mutable_msgs();
    *map[conversationID.toStdString()].add_msgs() = msg;
    const std::string bytes = push.SerializeAsString();
    const QByteArray data(bytes.data(), int(bytes.size()));
    const QStringList participants = m_store->participants(conversationID);
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it)
        if (it.key() != except && participants.contains(it->userID))
            reply(it.key(), openim::PushMsg, QString(), QStringLiteral("push"), 0, QString(), &data);
}

int LoopbackGateway::dropTcp(const QString &userID)
{
    int n = 0;
    for (QWebSocket *socket : m_sessions.keys())
        if (m_sessions[socket].userID == userID) {
            closeSession(socket);
            ++n;
        }
    return n;
}

int LoopbackGateway::kick(const QString &userID)
{
    int n = 0;
    for (QWebSocket *socket : m_sessions.keys()) {
        const Session &s = m_sessions[socket];
        if (s.userID != userID)
            continue;
        m_store->setTokensState(userID, s.platformID, TokenKicked);
        reply(socket, openim::KickOnline, QString(), QStringLiteral("kick"), 0, QString(), nullptr);
        socket->flush();
        closeSession(socket);
        ++n;
    }
    return n;
}

int LoopbackGateway::sendRaw(const QString &userID, const std::function<void(QWebSocket *)> &send)
{
    int n = 0;
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it)
        if (it->userID == userID) {
            send(it.key());
            ++n;
        }
    return n;
}

int LoopbackGateway::sendRawBinary(const QString &userID, const QByteArray &frame)
{
    return sendRaw(userID, [&](QWebSocket *s) { s->sendBinaryMessage(frame); });
}

int LoopbackGateway::sendRawText(const QString &userID, const QString &frame)
{
    return sendRaw(userID, [&](QWebSocket *s) { s->sendTextMessage(frame); });
}

int LoopbackGateway::onlineCount(const QString &userID) const
{
    return int(onlinePlatforms(userID).size());
}

QList<int> LoopbackGateway::onlinePlatforms(const QString &userID) const
{
    QList<int> out;
    for (const Session &s : m_sessions)
        if (s.userID == userID)
            out << s.platformID;
    return out;
}

} // namespace ct::loopback
