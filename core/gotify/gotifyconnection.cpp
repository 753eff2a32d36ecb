#include "gotifyconnection.h"

#include "gotifyapi.h"
#include "gotifycatchup.h"
#include "gotifydecoder.h"
#include "gotifysend.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "logging/logging.h"
#include "net/heartbeatclock.h"
#include "net/redact.h"

#include "websocket/websocketclient.h"

#include <QSslError>

#include <algorithm>
#include <utility>

namespace ct {

namespace {
constexpr int kDefaultCheckMs = 15000;
// gotify/server pings every 45 s (config PingPeriodSeconds); 5 s more before ours.
constexpr int kDefaultQuietMs = 45000 + 5000;
constexpr int kDefaultHandshakeTimeoutMs = 20000;
constexpr int kSuspendFactor = 3;            // a tick this many periods late means the machine slept
constexpr int kBatchDelayMs = 2;             // a burst is handed over every 2 ms…
constexpr int kMaxBatch = 500;               // …or every 500 frames, whichever comes first
constexpr int kMaxHeldDuringCatchup = 20000; // stream frames kept while a catch-up runs
} // namespace

GotifyConnection::GotifyConnection(const GotifyEndpoint &endpoint, const InboundSettings &inbound,
                                   InboundPipeline *pipeline, HistoryStore *history, QObject *parent)
    : AccountConnection(endpoint.address, parent), m_endpoint(endpoint), m_inbound(inbound), m_pipeline(pipeline),
      m_history(history), m_api(new GotifyApi(endpoint, this)),
      m_catchup(new GotifyCatchup(*m_api, endpoint.address, this)),
      m_send(new GotifySend(*m_api, endpoint.address, this)), m_socket(new WebSocketClient(this)),
      m_backoff(inbound.reconnectDelayMs, inbound.maxReconnectDelayMs, inbound.maxReconnectAttempts, 0.2),
      m_quietMs(kDefaultQuietMs)
{
    // Timers and connections are made once, here; reconnects reuse them.
    m_retryTimer.setSingleShot(true);
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kBatchDelayMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &GotifyConnection::flushStreamBatch);
    connect(m_send, &GotifySend::finished, this, &GotifyConnection::sendFinished);
    m_livenessTimer.setInterval(kDefaultCheckMs);
    m_handshakeTimer.setSingleShot(true);
    m_handshakeTimer.setInterval(kDefaultHandshakeTimeoutMs);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcGotify) << address().toString() << "no WebSocket handshake in time";
        m_lastSocketError = tr("the server did not complete the connection within %1 s")
                                .arg(m_handshakeTimer.interval() / 1000.0);
        m_socket->abort();
        onDropped(m_attempt);
    });
    m_socket->setMaxIncomingMessageBytes(kMaxFrameBytes);
    connect(&m_retryTimer, &QTimer::timeout, this, &GotifyConnection::open);
    connect(&m_livenessTimer, &QTimer::timeout, this, [this] { checkLiveness(m_livenessTimer.interval()); });
    connect(m_socket, &WebSocketClient::connected, this, &GotifyConnection::onConnected);
    connect(m_socket, &WebSocketClient::disconnected, this, [this] {
        const quint64 attempt = m_attempt;
        QTimer::singleShot(0, this, [this, attempt] { onDropped(attempt); });
    });
    connect(m_socket, &WebSocketClient::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        m_lastSocketError = m_socket->errorString();
        if (error == QAbstractSocket::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
            // Not trusted: say which certificate problem and point at the account's caCertFile.
            const QString why = m_sslErrors.isEmpty() ? m_lastSocketError : m_sslErrors.join(QStringLiteral("; "));
            m_lastSocketError = GotifyError{GotifyError::Kind::Tls, 0,
                                            m_sslHostMismatch ? QString(GotifyError::kTlsHostMismatch) : QString(),
                                            why}
                                    .message();
        }
        if (m_socket->httpStatus() == 401) // a bad or revoked client token (JSON body)
            m_authRefused = true;
        const quint64 attempt = m_attempt;
        QTimer::singleShot(0, this, [this, attempt] { onDropped(attempt); });
    });
    connect(m_socket, &WebSocketClient::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            m_sslErrors << e.errorString(); // never ignored: the handshake fails after this
            m_sslHostMismatch = m_sslHostMismatch || e.error() == QSslError::HostNameMismatch;
        }
    });
    connect(m_socket, &WebSocketClient::textMessageReceived, this, &GotifyConnection::onTextFrame);
    connect(m_socket, &WebSocketClient::pong, this,
            [this](quint64 elapsedMs, const QByteArray &) { setLatencyMs(int(elapsedMs)); });
    connect(m_catchup, &GotifyCatchup::finished, this, [this](const QList<InboundMessage> &messages, int pages) {
        // The stream frames held meanwhile go with the caught-up ones, in id order: on a first
        // connect whose newest messages could not be read before the stream opened, the catch-up
        // takes only the newest page, so a held frame can be older than it (the tray printed
        // 31..50 before 1..30 when 50 arrived during that first page). Frames read after this
        // are of listed messages or newer ones, except in that case (gotifycatchup.h).
        QList<InboundMessage> all = messages;
        if (!m_streamBatch.isEmpty()) {
            m_batchTimer.stop();
            all.append(std::exchange(m_streamBatch, {}));
            std::stable_sort(all.begin(), all.end(), [](const InboundMessage &a, const InboundMessage &b) {
                return a.id.toLongLong() < b.id.toLongLong();
            });
        }
        for (const InboundMessage &m : std::as_const(all))
            m_lastSeenId = qMax(m_lastSeenId, m.id.toLongLong());
        if (m_pipeline && !all.isEmpty())
            m_pipeline->submitBatch(std::move(all));
        Q_EMIT catchUpFinished(int(messages.size()), pages);
    });
    connect(m_catchup, &GotifyCatchup::prepared, this, &GotifyConnection::openStream);
    if (m_pipeline)
        connect(m_pipeline, &InboundPipeline::pausedChanged, this, &GotifyConnection::onPipelinePaused);
    connect(m_catchup, &GotifyCatchup::failed, this, [this](const GotifyError &e) {
        qCWarning(lcGotify) << address().toString() << "catch-up failed:" << e.message();
        // The gap stays unfetched: storing the newer stream frames would move the cursor past
        // it. Drop them (the server keeps them) and reconnect: the next catch-up brings all.
        m_streamBatch = {}; // frees it (clear() keeps the capacity)
        m_lastSocketError = tr("catch-up failed: %1").arg(e.message());
        m_socket->abort();
        onDropped(m_attempt);
    });
}

GotifyConnection::~GotifyConnection()
{
    m_running = false;
    m_socket->disconnect(this);
    m_socket->abort();
}

void GotifyConnection::setNetwork(QNetworkAccessManager *network)
{
    m_api->setNetwork(network);
}

int GotifyConnection::send(const SendRequest &request)
{
    return m_send->send(request);
}

void GotifyConnection::setHeartbeatClock(HeartbeatClock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (m_clock)
        connect(m_clock, &HeartbeatClock::beat, this, [this] {
            if (!m_livenessTimer.isActive() && state() == AccountState::Connected)
                checkLiveness(m_clock->period().count());
        });
}

void GotifyConnection::setSocketHub(SocketHub *hub)
{
    m_socket->setSocketHub(hub);
}

void GotifyConnection::setLivenessTiming(int checkMs, int quietMs)
{
    m_livenessTimer.setInterval(checkMs);
    m_quietMs = quietMs;
}

void GotifyConnection::start()
{
    if (!m_inbound.enabled) {
        setState(AccountState::Disabled, m_inbound.enabledExplicit
                                             ? tr("inbound is switched off for this account")
                                             : tr("send only: no clientToken, so nothing is received"));
        return;
    }
    if (m_running && (state() == AccountState::Connected || state() == AccountState::Connecting))
        return;
    m_running = true;
    m_authRefused = false;
    m_backoff.reset();
    open();
}

void GotifyConnection::stop(bool disable)
{
    m_running = false;
    ++m_attempt; // late signals of the current socket are ignored
    m_retryTimer.stop();
    m_livenessTimer.stop();
    m_handshakeTimer.stop();
    endStreamBatch();
    m_catchup->cancel();
    m_socket->abort();
    setState(AccountState::Disabled, disable ? tr("switched off") : tr("stopped"));
}

void GotifyConnection::reconnectNow()
{
    m_running = true;
    m_authRefused = false;
    m_backoff.reset();
    ++m_attempt;
    m_socket->abort();
    open();
}

void GotifyConnection::open()
{
    if (!m_running)
        return;
    m_retryTimer.stop();
    if (m_endpoint.clientToken.isEmpty()) {
        setState(AccountState::Failed, tr("no client token for this account"));
        return;
    }
    if (m_pipeline && m_pipeline->isPaused()) {
        onPipelinePaused(true);
        return;
    }
    const quint64 attempt = ++m_attempt;
    Q_UNUSED(attempt);
    m_lastSocketError.clear();
    m_authRefused = false;
    // Where this process stands: the history's cursor at the first connect (captured before any
    // new stream message is stored), then the newest id it handed to the pipeline (which keeps
    // every message until it is stored). Not the history's cursor of later connects: another
    // process on the same history may have moved it past messages this one never received.
    if (!m_startCursorRead && m_history && m_history->isOpen()) {
        m_startCursor = m_history->gotifyLastId(address());
        m_startCursorRead = true;
    }
    m_catchupFrom = qMax(m_startCursor, m_lastSeenId);
    setState(AccountState::Connecting, m_endpoint.serverUrl.host());
    if (m_catchupFrom == 0 && !m_catchup->isPrepared()) {
        // A first connect: the newest messages before the stream opens, so that the catch-up
        // after it takes every later one (gotifycatchup.h; docs/protocols.md "Stream"). Then
        // openStream(), also when they could not be read: the stream's handshake says why.
        m_catchup->prepareFirstConnect();
        return;
    }
    openStream();
}

void GotifyConnection::openStream()
{
    if (!m_running)
        return;
    const QUrl url = m_endpoint.streamUrl();
    m_sslErrors.clear();
    m_sslHostMismatch = false;
    if (url.scheme() == QLatin1String("wss")) {
        QString caError;
        m_socket->setSslConfiguration(m_endpoint.sslConfiguration(&caError)); // verification on, always
        if (!caError.isEmpty()) {
            // Retrying cannot help until the configuration changes (which restarts the account).
            const QString detail = GotifyError{GotifyError::Kind::Tls, 0, {}, caError}.message();
            setLastError(detail);
            m_running = false;
            setState(AccountState::Failed, detail);
            return;
        }
    }
    qCDebug(lcGotify) << address().toString() << "connecting" << redactUrl(url);
    m_handshakeTimer.start();
    m_socket->open(url, {{"X-Gotify-Key", m_endpoint.clientToken.toUtf8()}}); // header only, never the URL
}

void GotifyConnection::onConnected()
{
    m_handshakeTimer.stop();
    m_handledAttempt = 0;
    m_backoff.reset();
    setLastError({});
    setState(AccountState::Connected);
    m_sinceTick.start();
    m_probing = false;
    m_socket->ping(); // once, for the latency; the server's pings keep the link alive from here
    if (!m_clock)
        m_livenessTimer.start();
    m_catchup->start(m_catchupFrom);
}

void GotifyConnection::onDropped(quint64 attempt)
{
    if (attempt != m_attempt || m_handledAttempt == attempt || !m_running)
        return; // stale, already handled, or stopped on purpose
    m_handledAttempt = attempt;
    m_handshakeTimer.stop();
    endStreamBatch();
    m_livenessTimer.stop();
    m_catchup->cancel();
    if (m_authRefused) {
        const QString detail = tr("the client token was refused (HTTP 401 on /stream)");
        setLastError(detail);
        m_running = false;
        setState(AccountState::Failed, detail);
        return;
    }
    if (m_reconnectAtOnce) {
        m_reconnectAtOnce = false;
        m_backoff.reset();
        QTimer::singleShot(0, this, &GotifyConnection::open);
        return;
    }
    scheduleRetry(m_lastSocketError.isEmpty() ? tr("connection lost") : m_lastSocketError);
}

void GotifyConnection::scheduleRetry(const QString &reason)
{
    setLastError(reason);
    const std::optional<int> delay = m_backoff.next();
    if (!delay) {
        m_running = false;
        setState(AccountState::Failed,
                 tr("gave up after %1 reconnect attempts: %2").arg(m_backoff.maxAttempts()).arg(reason));
        return;
    }
    setState(AccountState::Backoff, reason, QDateTime::currentDateTimeUtc().addMSecs(*delay));
    m_retryTimer.start(*delay);
}

void GotifyConnection::onPipelinePaused(bool paused)
{
    if (!m_running)
        return;
    if (paused) {
        ++m_attempt; // the closed socket's late signals are stale
        m_retryTimer.stop();
        m_handshakeTimer.stop();
        m_livenessTimer.stop();
        endStreamBatch();
        m_catchup->cancel();
        m_socket->abort();
        m_storagePaused = true;
        setState(AccountState::Backoff,
                 tr("paused: the history does not take writes (%1)").arg(m_pipeline->storageError()));
    } else if (m_storagePaused) {
        m_storagePaused = false;
        m_backoff.reset();
        open();
    }
}

void GotifyConnection::checkLiveness(qint64 periodMs)
{
    const qint64 elapsed = m_sinceTick.restart();
    if (elapsed > qint64(kSuspendFactor) * periodMs) {
        // The machine slept: the link is almost surely dead; reconnect at once.
        qCInfo(lcGotify) << address().toString() << "check" << elapsed << "ms late: reconnecting";
        m_reconnectAtOnce = true;
        m_lastSocketError = tr("woke from suspend");
        m_socket->abort();
        onDropped(m_attempt);
        return;
    }
    const qint64 silentMs = m_socket->msSinceReceived();
    if (m_probing && m_socket->framesReceived() == m_framesAtProbe) { // nothing at all since our ping
        qCInfo(lcGotify) << address().toString() << "silent for" << silentMs << "ms, no pong: dead link";
        m_lastSocketError = tr("no answer to ping (dead link)");
        m_socket->abort();
        onDropped(m_attempt);
        return;
    }
    m_probing = silentMs >= m_quietMs;
    if (m_probing) { // no server ping for longer than its period: is anyone there?
        m_framesAtProbe = m_socket->framesReceived();
        m_socket->ping();
    }
}

void GotifyConnection::onTextFrame(const QString &frame)
{
    // Decoded straight into the batch's next slot.
    InboundMessage &m = m_streamBatch.emplaceBack();
    if (!decodeGotifyFrame(frame, address(), m)) {
        m_streamBatch.removeLast();
        qCDebug(lcGotify) << address().toString() << "ignored a frame that is not a message";
        return;
    }
    if (m_catchup->isRunning()) {
        // Held until the catch-up's older messages are handed over first (see flushStreamBatch).
        if (m_streamBatch.size() > kMaxHeldDuringCatchup) {
            m_streamBatch = {};
            m_lastSocketError = tr("too many messages during the catch-up; fetching them again");
            m_socket->abort();
            onDropped(m_attempt);
        }
        return;
    }
    if (m_streamBatch.size() >= kMaxBatch)
        flushStreamBatch();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void GotifyConnection::flushStreamBatch()
{
    m_batchTimer.stop();
    // Never ahead of a running catch-up: a stored stream message moves the history's cursor,
    // and a process killed before the catch-up's older messages are stored would never fetch
    // them again. The catch-up's end hands both over, oldest first.
    if (m_catchup->isRunning())
        return;
    QList<InboundMessage> batch;
    batch.swap(m_streamBatch);
    for (const InboundMessage &m : std::as_const(batch))
        m_lastSeenId = qMax(m_lastSeenId, m.id.toLongLong()); // handed to the pipeline: kept
    if (m_pipeline && !batch.isEmpty())
        m_pipeline->submitBatch(std::move(batch));
}

void GotifyConnection::endStreamBatch()
{
    // With a catch-up still running the held frames are dropped, not stored: the next catch-up
    // (from m_lastSeenId, below them) fetches them with the rest.
    if (m_catchup->isRunning())
        m_streamBatch = {};
    else
        flushStreamBatch();
}

} // namespace ct
