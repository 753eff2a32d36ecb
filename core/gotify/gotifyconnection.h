#pragma once
// The live connection of one Gotify account (docs/architecture.md "Account states"):
// a QWebSocket to <serverUrl>/stream with the client token in the X-Gotify-Key header,
// reconnects with Backoff (inbound.reconnectDelayMs..maxReconnectDelayMs, jitter, at most
// maxReconnectAttempts, then Failed), its own ping() with a pong deadline (a missing pong is a
// dead link), a wake-from-suspend check, and a catch-up after every (re)connect. Decoded
// messages go to the InboundPipeline, which de-duplicates, keys, stores and delivers them.
// A 401 before the upgrade is terminal: Failed, "the client token was refused", no retry loop.
// While the pipeline is paused (the history has failed writes for so long that too many messages
// wait in memory) the stream is closed; it reopens, and catches up, once the history recovers.
// The catch-up cursor is this process's own: the history's at the first connect, then the
// newest id handed to the pipeline — never one another process stored while this one was away.
#include "accounts/accountconnection.h"
#include "config/configmodel.h"
#include "gotifyendpoint.h"
#include "gotifyerror.h"
#include "inbound/inboundmessage.h"
#include "net/backoff.h"

#include <QElapsedTimer>
#include <QTimer>

class QNetworkAccessManager;
class QWebSocket;

namespace ct {

class GotifyApi;
class HeartbeatClock;
class GotifyCatchup;
class HistoryStore;
class InboundPipeline;

class GotifyConnection : public AccountConnection
{
    Q_OBJECT
public:
    // `history` gives the durable last id for catch-up; without it the last id seen in this
    // process is used. `pipeline` receives every decoded message. Neither is owned.
    GotifyConnection(const GotifyEndpoint &endpoint, const InboundSettings &inbound, InboundPipeline *pipeline,
                     HistoryStore *history, QObject *parent = nullptr);
    ~GotifyConnection() override;

    void start() override;
    void stop(bool disable = false) override;
    void reconnectNow() override;

    GotifyApi &api() { return *m_api; }
    // The process's shared network manager for the REST calls (catch-up, sends); before start().
    void setNetwork(QNetworkAccessManager *network);
    // Pings on the process's shared clock instead of its own timer (a missing pong is then
    // noticed at the next beat); before start().
    void setHeartbeatClock(HeartbeatClock *clock);
    int reconnectAttempts() const { return m_backoff.attempts(); }
    // For tests and tuning: ping period (default 15 s) and how long a pong may take (10 s).
    void setPingTiming(int intervalMs, int pongTimeoutMs);
    // How long the TCP + TLS + WebSocket handshake may take in all (default 20 s): a server that
    // accepts and never answers, or trickles its answer, ends in Backoff, not Connecting forever.
    void setHandshakeTimeoutMs(int ms) { m_handshakeTimer.setInterval(ms); }
    // Frames and messages past this size close the stream (a hostile server cannot make this
    // process hold 16 MiB frames); the account reconnects with backoff.
    static constexpr qint64 kMaxFrameBytes = 4 << 20;

Q_SIGNALS:
    void catchUpFinished(int messages, int pages);

private:
    void open();
    void onConnected();
    void onDropped(quint64 attempt);
    void scheduleRetry(const QString &reason);
    void onPingTick();
    void onTextFrame(const QString &frame);
    void flushStreamBatch();
    void endStreamBatch(); // the connection ends: hand the batch over, or drop it mid-catch-up
    void onPipelinePaused(bool paused);

    GotifyEndpoint m_endpoint;
    InboundSettings m_inbound;
    InboundPipeline *m_pipeline;
    HistoryStore *m_history;
    GotifyApi *m_api;
    GotifyCatchup *m_catchup;
    QWebSocket *m_socket;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_handshakeTimer;
    QTimer m_batchTimer; // coalesces a burst of frames into one pipeline batch (one transaction)
    QList<InboundMessage> m_streamBatch;
    QElapsedTimer m_sinceTick;
    QElapsedTimer m_pingSent;
    HeartbeatClock *m_clock = nullptr;
    bool m_awaitingPong = false; // on the shared clock: a ping went out, no pong yet
    quint64 m_attempt = 0;
    quint64 m_handledAttempt = 0;
    qint64 m_lastSeenId = 0;
    qint64 m_catchupFrom = 0;
    qint64 m_startCursor = 0; // the history's cursor when this connection first opened
    bool m_startCursorRead = false;
    bool m_storagePaused = false;
    bool m_running = false;
    bool m_authRefused = false;
    bool m_reconnectAtOnce = false;
    QString m_lastSocketError;
    QStringList m_sslErrors; // of the current attempt's handshake
};

} // namespace ct
