#include "openimconnection.h"

#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "logging/logging.h"
#include "net/heartbeatclock.h"
#include "net/jwtclaims.h"
#include "net/redact.h"
#include "openimcatchup.h"
#include "openimevents.h"

#include <QUrlQuery>
#include <QUuid>

namespace ct {

namespace {
constexpr int kDefaultHandshakeTimeoutMs = 20000;
constexpr int kFrameMiB = int(OpenImConnection::kMaxFrameBytes >> 20);
} // namespace

OpenImConnection::OpenImConnection(const OpenImAccountConfig &config, const QString &token,
                                   InboundPipeline *pipeline, HistoryStore *history, QObject *parent)
    : AccountConnection(config.address(), parent), m_config(config), m_pipeline(pipeline), m_history(history),
      m_backoff(config.inbound.reconnectDelayMs, config.inbound.maxReconnectDelayMs,
                config.inbound.maxReconnectAttempts, 0.2),
      m_gzip(config.compression == QStringLiteral("gzip")), m_catchup(new OpenImCatchup(
                                                                *this, config.address(), history,
                                                                [this](QList<InboundMessage> batch) {
                                                                    if (m_pipeline)
                                                                        m_pipeline->submitBatch(std::move(batch));
                                                                },
                                                                this)),
      m_send(new OpenImSend(*this, config.address(), this))
{
    setToken(token);
    m_clock.start();
    m_heartbeat.setInterval(int(kHeartbeatPeriod.count())); // inside the server's 30 s read deadline
    m_retry.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    m_handshakeTimer.setInterval(kDefaultHandshakeTimeoutMs);
    m_requestSweep.setInterval(100);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcOpenIm) << address().toString() << "no handshake answer in time";
        abortWith(tr("the server did not complete the connection within %1 s")
                      .arg(m_handshakeTimer.interval() / 1000.0));
    });
    m_socket.setMaxIncomingMessageBytes(kMaxFrameBytes);
    connect(&m_heartbeat, &QTimer::timeout, this, &OpenImConnection::onHeartbeat);
    connect(&m_retry, &QTimer::timeout, this, &OpenImConnection::openSocket);
    connect(&m_requestSweep, &QTimer::timeout, this, &OpenImConnection::sweepRequests);
    connect(&m_socket, &WebSocketClient::connected, this, &OpenImConnection::onConnected);
    connect(&m_socket, &WebSocketClient::disconnected, this, &OpenImConnection::onDisconnected);
    connect(&m_socket, &WebSocketClient::textMessageReceived, this, &OpenImConnection::onText);
    connect(&m_socket, &WebSocketClient::binaryMessageReceived, this, &OpenImConnection::onBinary);
    if (m_pipeline)
        connect(m_pipeline, &InboundPipeline::pausedChanged, this, &OpenImConnection::onPipelinePaused);
    connect(m_catchup, &OpenImCatchup::finished, this, &OpenImConnection::catchUpFinished);
    connect(m_catchup, &OpenImCatchup::decoded, this, &OpenImConnection::messagesDecoded);
    connect(m_catchup, &OpenImCatchup::failed, this, [this] {
        m_socket.abort(); // reconnect: the next catch-up asks again
    });
    connect(m_send, &OpenImSend::finished, this, &OpenImConnection::sendFinished);
}

OpenImConnection::~OpenImConnection()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void OpenImConnection::setToken(const QString &token, const QString &userID)
{
    m_token = token;
    m_userID = userID.isEmpty() ? m_config.userID : userID;
    m_platformID = m_config.platformID.value_or(0);
    if (const auto claims = JwtClaims::parse(token)) {
        if (m_userID.isEmpty())
            m_userID = claims->userID;
        if (!m_config.platformID)
            m_platformID = claims->platformID.value_or(0);
        setTokenExpiresAt(claims->expiresAt);
    }
    if (m_pipeline)
        m_pipeline->setAccountUserId(address(), m_userID);
    m_noReconnect = false;
}

void OpenImConnection::start()
{
    if (!m_config.enabled) {
        setState(AccountState::Disabled);
        return;
    }
    if (state() == AccountState::Connected || state() == AccountState::Connecting)
        return;
    m_stopping = false;
    openSocket();
}

void OpenImConnection::stop(bool disable)
{
    m_stopping = true;
    m_retry.stop();
    m_handshakeTimer.stop();
    m_heartbeat.stop();
    m_socket.close();
    failAllPending(tr("connection stopped"));
    m_catchup->cancel();
    setState(disable ? AccountState::Disabled : AccountState::Failed, tr("stopped"));
}

void OpenImConnection::reconnectNow()
{
    m_retry.stop();
    m_backoff.reset();
    m_stopping = false;
    m_noReconnect = false;
    m_socket.abort();
    openSocket();
}

void OpenImConnection::openSocket()
{
    if (m_noReconnect || m_stopping)
        return;
    if (m_token.isEmpty() || m_userID.isEmpty()) {
        setState(AccountState::NeedsLogin, tr("no token or no userID"));
        return;
    }
    if (m_pipeline && m_pipeline->isPaused()) {
        onPipelinePaused(true);
        return;
    }
    QUrl url(m_config.wsAddr);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("sendID"), m_userID);
    q.addQueryItem(QStringLiteral("token"), m_token);
    q.addQueryItem(QStringLiteral("platformID"), QString::number(m_platformID));
    q.addQueryItem(QStringLiteral("operationID"), QUuid::createUuid().toString(QUuid::Id128));
    q.addQueryItem(QStringLiteral("isBackground"), QStringLiteral("false"));
    q.addQueryItem(QStringLiteral("isMsgResp"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("sdkType"), QStringLiteral("js"));
    if (m_gzip)
        q.addQueryItem(QStringLiteral("compression"), QStringLiteral("gzip"));
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    url.setQuery(q);
    qCDebug(lcOpenIm) << "connecting" << address().toString() << redactUrl(url);
    m_handshakeDone = false;
    m_upgraded = false;
    m_awaitingPong = false;
    setState(AccountState::Connecting);
    m_socket.abort();
    m_handshakeTimer.start();
    m_socket.open(url); // the gateway reads the token from the query only (docs/protocols.md "Connect")
}

void OpenImConnection::onConnected()
{
    // The first text frame decides (isMsgResp=true).
    m_upgraded = true;
    if (!m_beats)
        m_heartbeat.start();
}

void OpenImConnection::onDisconnected()
{
    m_handshakeTimer.stop();
    m_heartbeat.stop();
    failAllPending(tr("connection lost"));
    m_catchup->cancel();
    if (m_stopping || m_noReconnect)
        return;
    const QString reason = m_socket.errorString();
    if (!m_upgraded) {
        // No upgrade: the answer may be a plain HTTP refusal carrying the errCode JSON.
        onRefusedUpgrade(tr("connect failed: %1").arg(reason));
        return;
    }
    if (m_socket.closeCode() == WebSocketCloseCode::TooBig)
        scheduleReconnect(tr("the server sent a frame over %1 MiB").arg(kFrameMiB));
    else
        scheduleReconnect(m_handshakeDone ? tr("connection lost") : tr("connect failed: %1").arg(reason));
}

void OpenImConnection::abortWith(const QString &reason)
{
    m_handshakeTimer.stop();
    m_heartbeat.stop();
    m_stopping = true; // onDisconnected: no retry of its own
    m_socket.abort();
    m_stopping = false;
    failAllPending(reason);
    m_catchup->cancel();
    scheduleReconnect(reason);
}

void OpenImConnection::scheduleReconnect(const QString &reason)
{
    setLastError(reason);
    const auto delay = m_backoff.next();
    if (!delay) {
        setState(AccountState::Failed, reason);
        return;
    }
    m_retry.start(*delay);
    setState(AccountState::Backoff, reason, QDateTime::currentDateTimeUtc().addMSecs(*delay));
}

void OpenImConnection::onPipelinePaused(bool paused)
{
    if (m_stopping || m_noReconnect)
        return;
    if (paused) {
        m_storagePaused = true;
        m_retry.stop();
        m_handshakeTimer.stop();
        m_heartbeat.stop();
        m_stopping = true; // onDisconnected: no reconnect of its own
        m_socket.abort();
        m_stopping = false;
        failAllPending(tr("paused"));
        m_catchup->cancel();
        setState(AccountState::Backoff,
                 tr("paused: the history does not take writes (%1)").arg(m_pipeline->storageError()));
    } else if (m_storagePaused) {
        m_storagePaused = false;
        m_backoff.reset();
        openSocket();
    }
}

void OpenImConnection::onText(const QString &text)
{
    if (m_handshakeDone && openim::isPong(text)) { // once per beat per account: no JSON parse
        m_awaitingPong = false;
        setLatencyMs(int(m_pingSent.elapsed()));
        return;
    }
    const QByteArray bytes = text.toUtf8();
    if (!m_handshakeDone) {
        const auto hs = openim::decodeHandshake(bytes);
        if (!hs) {
            qCWarning(lcOpenIm) << address().toString() << "first frame is not a handshake answer; dropped";
            return;
        }
        onHandshakeAnswer(hs->errCode, hs->errMsg);
        return;
    }
    qCDebug(lcOpenIm) << address().toString() << "ignored a text frame of" << bytes.size() << "bytes";
}

void OpenImConnection::onHandshakeAnswer(int errCode, const QString &errMsg)
{
    m_handshakeTimer.stop();
    if (errCode == 0) {
        m_handshakeDone = true;
        m_backoff.reset();
        setLastError({});
        setState(AccountState::Connected);
        qCInfo(lcOpenIm) << address().toString() << "connected as" << m_userID << "platform" << m_platformID;
        m_catchup->start();
        return;
    }
    const QString event = openim::eventForErrorCode(errCode);
    qCWarning(lcOpenIm) << address().toString() << "handshake refused:" << errCode << event;
    if (openim::isTokenEvent(event)) {
        m_noReconnect = true;
        setLastError(QStringLiteral("%1 (%2): %3").arg(event).arg(errCode).arg(errMsg));
        setState(AccountState::NeedsLogin, event);
        m_socket.abort();
        emit tokenProblem(event, errCode);
        return;
    }
    m_socket.abort(); // onDisconnected schedules the retry
}

void OpenImConnection::setHeartbeatClock(HeartbeatClock *clock)
{
    if (m_beats)
        disconnect(m_beats, nullptr, this, nullptr);
    m_beats = clock;
    if (m_beats)
        connect(m_beats, &HeartbeatClock::beat, this, [this] {
            if (m_upgraded && !m_stopping && m_socket.state() == QAbstractSocket::ConnectedState)
                onHeartbeat();
        });
}

void OpenImConnection::onHeartbeat()
{
    if (m_awaitingPong) {
        // Bytes may still arrive (a server trickling a frame that never ends): only a pong counts.
        qCWarning(lcOpenIm) << address().toString() << "no pong: dead link, reconnecting";
        abortWith(tr("no answer to ping (dead link)"));
        return;
    }
    m_awaitingPong = true;
    m_pingSent.start();
    m_socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
}

void OpenImConnection::request(int reqId, const QByteArray &data, Callback callback)
{
    if (!m_handshakeDone) {
        callback(nullptr, tr("not connected"));
        return;
    }
    openim::Request r;
    r.reqIdentifier = reqId;
    r.sendID = m_userID;
    r.operationID = QUuid::createUuid().toString(QUuid::Id128);
    r.msgIncr = QString::number(++m_msgIncr);
    r.data = data;
    m_requests.insert(r.msgIncr, {std::move(callback), m_clock.elapsed() + m_requestTimeoutMs});
    const QByteArray json = openim::encodeRequest(r);
    m_socket.sendBinaryMessage(m_gzip ? openim::gzipCompress(json) : json);
    if (!m_requestSweep.isActive())
        m_requestSweep.start();
}

void OpenImConnection::sweepRequests()
{
    const qint64 now = m_clock.elapsed();
    QList<Callback> expired;
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        if (it->deadline <= now) {
            expired << it->callback;
            it = m_requests.erase(it);
        } else {
            ++it;
        }
    }
    if (m_requests.isEmpty())
        m_requestSweep.stop();
    for (const auto &cb : expired)
        cb(nullptr, timedOut());
}

void OpenImConnection::failAllPending(const QString &error)
{
    const auto pending = std::exchange(m_requests, {});
    m_requestSweep.stop();
    for (const auto &p : pending)
        p.callback(nullptr, error);
}

void OpenImConnection::onBinary(const QByteArray &frame)
{
    if (!m_handshakeDone) {
        // Binary before the handshake answer breaks the protocol; a push it held comes with
        // the catch-up after the handshake.
        qCWarning(lcOpenIm) << address().toString() << "dropped a binary frame before the handshake answer";
        return;
    }
    QByteArray json = frame;
    if (m_gzip) {
        bool bomb = false;
        const auto plain = openim::gzipDecompress(frame, int(kMaxFrameBytes), &bomb);
        if (bomb) {
            qCWarning(lcOpenIm) << address().toString() << "a gzip frame of" << frame.size()
                                << "bytes inflates past the frame limit; reconnecting";
            abortWith(tr("the server sent a compressed frame that inflates past %1 MiB").arg(kFrameMiB));
            return;
        }
        if (!plain) {
            qCWarning(lcOpenIm) << address().toString() << "dropped a frame that is not gzip (" << frame.size()
                                << "bytes)";
            return;
        }
        json = *plain;
    }
    const auto response = openim::decodeResponse(json);
    if (!response) {
        qCWarning(lcOpenIm) << address().toString() << "dropped an undecodable frame (" << frame.size()
                            << "bytes)";
        return;
    }
    if (response->reqIdentifier == openim::PushMsg) {
        handlePush(response->data);
        return;
    }
    if (response->reqIdentifier == openim::KickOnline) {
        const QString event = QStringLiteral("OnKickedOffline");
        qCWarning(lcOpenIm) << address().toString() << "kicked offline by the server";
        m_noReconnect = true;
        setLastError(event);
        setState(AccountState::NeedsLogin, event);
        m_socket.abort();
        emit tokenProblem(event, openim::KickOnline);
        return;
    }
    auto it = m_requests.find(response->msgIncr);
    if (it == m_requests.end()) {
        qCDebug(lcOpenIm) << address().toString() << "answer for no pending request" << response->reqIdentifier;
        return;
    }
    const Callback cb = it->callback;
    m_requests.erase(it);
    cb(&*response, {});
}

void OpenImConnection::handlePush(const QByteArray &data)
{
    QString why;
    const auto push = openim::decode<openim::PushMessages>(data, &why);
    if (!push) {
        qCWarning(lcOpenIm) << address().toString() << "dropped an undecodable push (" << data.size()
                            << "bytes):" << why;
        return;
    }
    m_catchup->takePush(*push);
}

QHash<QString, qint64> OpenImConnection::knownMaxSeqs() const
{
    return m_catchup->knownMaxSeqs();
}

bool OpenImConnection::catchUpIdle() const
{
    return m_catchup->isIdle();
}

} // namespace ct
