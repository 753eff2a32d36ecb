#pragma once
// A Gotify-compatible server on 127.0.0.1 (port 0) for tests and the demo: REST and /stream on
// one port, v2 or v3 behaviour, and test controls (post, drop streams, revoke, health, log).
// Wire facts: docs/protocols.md "Gotify" (read from gotify/server's public sources).
#include "gotifystore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

class QWebSocket;
class QTimer;

namespace ct::testserver {

class GotifyHttp;
class StreamGate;

// One request as the server saw it (for tests asserting what a client sent).
struct GotifyRequestRecord
{
    QByteArray method;
    QString path;
    QString query; // raw query string, "" when none
    QList<QPair<QByteArray, QByteArray>> headers;
    bool isStream = false;
    int status = 0;
    qint64 receivedAtMs = 0; // QDateTime::currentMSecsSinceEpoch() when the head was read
};

// What a route answers.
struct GotifyReply
{
    int status = 200;
    QByteArray body; // JSON text, may be empty
    QByteArray mimeType = QByteArrayLiteral("application/json");
};

class GotifyServer : public QObject
{
    Q_OBJECT
public:
    enum class Mode { V2, V3 };
    explicit GotifyServer(Mode mode = Mode::V2, QObject *parent = nullptr);
    ~GotifyServer() override;

    // Listens on 127.0.0.1:port (0 = any free port). Returns false when it cannot.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:<port>, https://… once setTls() was called
    // Serves HTTPS and WSS (same port, same routes) with this certificate and key (see TestPki).
    void setTls(const QSslConfiguration &configuration);
    Mode mode() const { return m_store.isV3() ? Mode::V3 : Mode::V2; }
    QString version() const;

    // The seeded application and client (created by the constructor).
    QString appToken() const;
    QString clientToken() const;
    qint64 appId() const { return m_seedAppId; }
    qint64 clientId() const { return m_seedClientId; }

    // ---- test controls ----
    // Posts as application appid (0 = the seeded one) and pushes it to every open stream.
    qint64 postMessage(const QString &message, const QString &title = {}, int priority = 5,
                       const QJsonObject &extras = {}, qint64 appid = 0);
    // Stores n messages without pushing them (missed while nobody listened). Returns the last id.
    qint64 storeMissedMessages(int n, qint64 appid = 0);
    qint64 lastMessageId() const;
    qsizetype messageCount() const { return m_store.messageCount(); }
    // Sends these text frames to every open stream as they are (benchmarks; nothing is stored).
    void pushRawFrames(const QStringList &frames);
    // Sends each payload as one text frame, byte for byte, on every open stream's TCP socket
    // (under the WebSocket layer, which sends only valid UTF-8): text that is not UTF-8.
    void pushRawTextPayloads(const QList<QByteArray> &payloads);
    // From now on each new stream, once upgraded, gets a frame that never ends, a byte every
    // `intervalMs` (framestall.h): bytes flow, but no message or pong reaches the client. 0: off.
    void setTrickleStreams(int intervalMs) { m_trickleMs = intervalMs; }
    int bytesTrickled() const { return m_trickled; }
    // While held, what postMessage() pushes is kept, in order, and sent to every open stream
    // at holdPushes(false): a stream slower than the REST answers (a client on a loaded machine
    // that reads a catch-up's answer before frames sent earlier).
    void holdPushes(bool hold);
    // Drops every stream TCP connection without a close frame (the client sees 1006).
    void dropStreams();
    // Removes the application or client holding this token; its streams drop without a close frame.
    bool revokeToken(const QString &token);
    QString addClient(const QString &name);      // returns the new client token
    QString addApplication(const QString &name); // returns the new app token
    void setHealthy(bool healthy) { m_healthy = healthy; }
    void setElevated(bool elevated) { m_elevated = elevated; } // v3: deletes allowed
    void setPingIntervalMs(int ms);
    // As the real server: each stream pinged on its own ticker from the time it connected, so
    // the pings of many streams are spread over the period. Default: one timer pings all at once.
    void setPingEachStream(bool each);
    // With each stream on its own ticker: its first ping after a random part of the period, as
    // on a server that has run for days, whose clients (re)connected at any time. Without it,
    // streams that connect within a second are pinged within that second for ever.
    void setPingPhaseRandom(bool random) { m_pingPhaseRandom = random; }
    int streamCount() const { return int(m_streams.size()); }
    QList<GotifyRequestRecord> requestLog() const { return m_log; }
    // GET /message requests answered after the first stream request came (a catch-up page each;
    // a first connect's look at the newest messages before it opens its stream is not one). A message
    // posted after one was answered is not in it: after the stream is registered (streamCount)
    // and a client's catch-up answered, a new message reaches that client through its stream only.
    int messageListsAnswered() const;
    void clearRequestLog() { m_log.clear(); }
    GotifyStore &store() { return m_store; }

    // Used by GotifyHttp / StreamGate.
    GotifyReply handle(const QByteArray &method, const QUrl &url,
                       const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);
    // For a /stream upgrade: the client id when the token is a client token, else 0.
    qint64 streamClientFor(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers);
    void logRequest(GotifyRequestRecord record);
    static QByteArray errorBody(int status, const QString &description);

Q_SIGNALS:
    void streamConnected();
    void streamDisconnected();
    void messagePosted(qint64 id);

private:
    struct Stream
    {
        QWebSocket *socket = nullptr;
        qint64 clientId = 0;
        bool awaitingPong = false;
        QPointer<QTcpSocket> raw; // the connection under the socket (for pushRawTextPayloads)
    };
    struct Auth
    {
        GotifyApp *app = nullptr;
        GotifyClient *client = nullptr;
        bool tokenGiven = false;
    };
    Auth authenticate(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers);
    void acceptWebSockets();
    void broadcast(const GotifyMessage &m);
    void pingStreams();
    void pingStream(qsizetype index);
    void dropStreamsOf(qint64 clientId);

    GotifyReply routeMessages(const QByteArray &method, const QStringList &parts, const QUrl &url,
                              const Auth &auth, const QByteArray &body);
    GotifyReply routeApplications(const QByteArray &method, const QStringList &parts, const QUrl &url,
                                  const Auth &auth, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers);
    GotifyReply routeClients(const QByteArray &method, const QStringList &parts, const Auth &auth,
                             const QByteArray &body);
    GotifyReply pagedMessages(qint64 appid, const QUrl &url);
    GotifyReply uploadImage(GotifyApp &app, const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QByteArray &body);

    GotifyStore m_store;
    std::unique_ptr<GotifyHttp> m_http;
    StreamGate *m_gate = nullptr;
    QTimer *m_pingTimer = nullptr;
    bool m_pingEachStream = false;
    bool m_pingPhaseRandom = false;
    int m_trickleMs = 0;
    int m_trickled = 0;
    quint16 m_port = 0;
    qint64 m_seedAppId = 0;
    qint64 m_seedClientId = 0;
    bool m_healthy = true;
    bool m_elevated = false;
    QList<Stream> m_streams;
    bool m_holdPushes = false;
    QStringList m_heldFrames;
    QList<GotifyRequestRecord> m_log;
};

} // namespace ct::testserver
