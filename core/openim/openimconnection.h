#pragma once
// One OpenIM account's live gateway connection (docs/protocols.md "OpenIM"): handshake, JSON
// envelope + protobuf frames, msgIncr-matched requests with timeouts, heartbeat, kick and token
// errors. Pushes go through its OpenImCatchup (which runs after every (re)connect) into the
// inbound pipeline; sends through its OpenImSend. Both use it as their OpenImGateway.
// While the pipeline is paused (the history fails and too many messages wait) the socket is
// closed; it reconnects, and catches up, once the history takes writes again.
#include "accounts/accountconnection.h"
#include "accounts/sendrequest.h"
#include "config/configmodel.h"
#include "net/backoff.h"
#include "openimframe.h"
#include "openimgateway.h"
#include "openimsend.h"
#include "websocket/websocketclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace ct {

class HeartbeatClock;
class OpenImCatchup;

class InboundPipeline;
class HistoryStore;

class OpenImConnection : public AccountConnection, private OpenImGateway
{
    Q_OBJECT
public:
    // `pipeline` and `history` may be null (probe, tests); the token is never logged.
    OpenImConnection(const OpenImAccountConfig &config, const QString &token, InboundPipeline *pipeline,
                     HistoryStore *history, QObject *parent = nullptr);
    ~OpenImConnection() override;

    void start() override;
    void stop(bool disable = false) override;
    void reconnectNow() override;
    // e.g. after a refresh; reconnects when it was needed. `userID` (a refresh hook's answer)
    // wins over the config's userID and the token's claims.
    void setToken(const QString &token, const QString &userID = {});
    // Pings on the process's shared clock instead of a timer of its own (same period); before start().
    void setHeartbeatClock(HeartbeatClock *clock);
    // Reads and writes the upgraded ws:// stream on the process's shared hub; before start().
    void setSocketHub(SocketHub *hub) { m_socket.setSocketHub(hub); }

    QString userID() const override { return m_userID; }
    int platformID() const override { return m_platformID; }
    void setHeartbeatIntervalMs(int ms) { m_heartbeat.setInterval(ms); }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    // From opening the socket to the handshake answer (a server that accepts and never answers,
    // or trickles its upgrade, ends in Backoff after this long); default 20 s.
    void setHandshakeTimeoutMs(int ms) { m_handshakeTimer.setInterval(ms); }
    // A frame, or a gzip frame once inflated, larger than this closes the connection (a catch-up
    // page of 100 messages is far below it).
    static constexpr qint64 kMaxFrameBytes = 8 << 20;
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }

    // OpenImSend::send: returns a request id reported by sendFinished(), whose result carries
    // the sent message for the history.
    int send(const SendRequest &request) { return m_send->send(request); }

    // OpenImCatchup: highest seq seen per conversation (durable history merged with this session's).
    QHash<QString, qint64> knownMaxSeqs() const;
    bool catchUpIdle() const;

Q_SIGNALS:
    // A token problem by the vendor's event names (OnUserTokenExpired, OnUserTokenInvalid,
    // OnKickedOffline); the refresh component hooks in here.
    void tokenProblem(const QString &event, int errCode);
    void sendFinished(int requestId, const ct::SendResult &result);
    // The catch-up ran dry; `messages`: how many it pulled since the previous one finished.
    void catchUpFinished(int messages);
    void messagesDecoded(int count); // after each push or pulled page went to the pipeline

private:
    struct Pending
    {
        Callback callback;
        qint64 deadline = 0;
    };

    void openSocket();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onBinary(const QByteArray &frame);
    void onHandshakeAnswer(int errCode, const QString &errMsg);
    // A handshake the server answered over plain HTTP (no upgrade): the {"errCode":…} JSON of
    // the answer's body is mapped like the first text frame (openimhandshake.cpp).
    void onRefusedUpgrade(const QString &reason);
    void scheduleReconnect(const QString &reason);
    // Drops the connection for a reason of ours (no handshake in time, a compression bomb) and
    // retries after the backoff.
    void abortWith(const QString &reason);
    void onPipelinePaused(bool paused);
    void onHeartbeat();
    void sweepRequests();
    // OpenImGateway, for m_catchup and m_send
    bool ready() const override { return m_handshakeDone; }
    void request(int reqId, const QByteArray &data, Callback callback) override;
    void failAllPending(const QString &error);
    void handlePush(const QByteArray &data);

    OpenImAccountConfig m_config;
    QString m_token;
    QString m_userID;
    int m_platformID = 0;
    QPointer<InboundPipeline> m_pipeline;
    QPointer<HistoryStore> m_history;
    WebSocketClient m_socket;
    QTimer m_heartbeat;
    HeartbeatClock *m_beats = nullptr; // when set, m_heartbeat stays idle
    QTimer m_retry;
    QTimer m_handshakeTimer;
    QTimer m_requestSweep;
    Backoff m_backoff; // from the account's inbound reconnect settings
    QElapsedTimer m_clock;
    QElapsedTimer m_pingSent;
    bool m_awaitingPong = false;
    bool m_handshakeDone = false;
    bool m_upgraded = false; // the WebSocket upgrade completed for this attempt
    bool m_stopping = false;
    bool m_noReconnect = false;
    bool m_gzip = false;
    int m_requestTimeoutMs = 15000;
    quint64 m_msgIncr = 0;
    QHash<QString, Pending> m_requests;
    bool m_storagePaused = false;
    OpenImCatchup *m_catchup; // children, made once in the constructor
    OpenImSend *m_send;
};

} // namespace ct
