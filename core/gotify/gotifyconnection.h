#pragma once
// The live connection of one Gotify account (docs/architecture.md "Account states"):
// a WebSocketClient to <serverUrl>/stream with the client token in the X-Gotify-Key header,
// reconnects with Backoff (inbound.reconnectDelayMs..maxReconnectDelayMs, jitter, at most
// maxReconnectAttempts, then Failed), a liveness check on the server's own pings (the server
// pings every 45 s, docs/protocols.md "Stream": a link silent for longer gets one ping of ours,
// and is dead when that brings nothing back either), a wake-from-suspend check, and a catch-up
// after every (re)connect. One ping right after the connect measures the latency. Decoded
// messages go to the InboundPipeline, which de-duplicates, keys, stores and delivers them.
// A 401 before the upgrade is terminal: Failed, "the client token was refused", no retry loop.
// While the pipeline is paused (the history has failed writes for so long that too many messages
// wait in memory) the stream is closed; it reopens, and catches up, once the history recovers.
// The catch-up cursor is this process's own: the history's at the first connect, then the
// newest id handed to the pipeline — never one another process stored while this one was away.
// Sends go through its GotifySend, over the same REST queue as the catch-up (GotifyApi).
#include "accounts/accountconnection.h"
#include "accounts/sendrequest.h"
#include "config/configmodel.h"
#include "gotifyendpoint.h"
#include "gotifyerror.h"
#include "inbound/inboundmessage.h"
#include "net/backoff.h"

#include <QElapsedTimer>
#include <QTimer>

class QNetworkAccessManager;

namespace ct {

class GotifyApi;
class HeartbeatClock;
class GotifyCatchup;
class GotifySend;
class HistoryStore;
class InboundPipeline;
class SocketHub;
class WebSocketClient;

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
    // GotifySend::send: returns a request id reported by sendFinished(), whose result carries
    // the sent message for the history.
    int send(const SendRequest &request);
    // The process's shared network manager for the REST calls (catch-up, sends); before start().
    void setNetwork(QNetworkAccessManager *network);
    // Checks the link on the process's shared clock instead of its own timer; before start().
    void setHeartbeatClock(HeartbeatClock *clock);
    // Reads and writes the upgraded ws:// stream on the process's shared hub; before start().
    void setSocketHub(SocketHub *hub);
    int reconnectAttempts() const { return m_backoff.attempts(); }
    // For tests and tuning: how often the link is checked (default 15 s, or the shared clock's
    // period) and how long the server may stay silent before it gets a ping (default 50 s: its
    // 45 s ping period and a margin). A ping that brings nothing back by the next check: dead.
    void setLivenessTiming(int checkMs, int quietMs);
    // How long the TCP + TLS + WebSocket handshake may take in all (default 20 s): a server that
    // accepts and never answers, or trickles its answer, ends in Backoff, not Connecting forever.
    void setHandshakeTimeoutMs(int ms) { m_handshakeTimer.setInterval(ms); }
    // Frames and messages past this size close the stream (a hostile server cannot make this
    // process hold 16 MiB frames); the account reconnects with backoff.
    static constexpr qint64 kMaxFrameBytes = 4 << 20;

Q_SIGNALS:
    void catchUpFinished(int messages, int pages);
    void sendFinished(int requestId, const ct::SendResult &result);

private:
    void open();
    void openStream(); // open()'s second half, after a first connect's prepared catch-up
    void onConnected();
    void onDropped(quint64 attempt);
    void scheduleRetry(const QString &reason);
    void checkLiveness(qint64 periodMs);
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
    GotifySend *m_send;
    WebSocketClient *m_socket;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_livenessTimer; // without a shared clock
    QTimer m_handshakeTimer;
    QTimer m_batchTimer; // coalesces a burst of frames into one pipeline batch (one transaction)
    QList<InboundMessage> m_streamBatch;
    QElapsedTimer m_sinceTick;
    quint64 m_framesAtProbe = 0; // the socket's frame count when our last ping went out
    HeartbeatClock *m_clock = nullptr;
    qint64 m_quietMs;
    bool m_probing = false; // a ping went out because the server was silent
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
    QStringList m_sslErrors;        // of the current attempt's handshake
    bool m_sslHostMismatch = false; // one of them: the certificate names other hosts
};

} // namespace ct
