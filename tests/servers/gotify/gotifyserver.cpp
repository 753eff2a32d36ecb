#include "gotifyserver.h"

#include "framestall.h"
#include "gotifyhttp.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <algorithm>
#include <utility>

namespace ct::testserver {

namespace {
QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 500:
        return QStringLiteral("Internal Server Error");
    default:
        return QStringLiteral("Error");
    }
}

QString tokenFrom(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    // Same order as the real server: query, X-Gotify-Key, Authorization: Bearer.
    const QString fromQuery = QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (!fromQuery.isEmpty())
        return fromQuery;
    QString bearer;
    for (const auto &h : headers) {
        if (h.first.compare("X-Gotify-Key", Qt::CaseInsensitive) == 0 && !h.second.isEmpty())
            return QString::fromUtf8(h.second);
        if (h.first.compare("Authorization", Qt::CaseInsensitive) == 0
            && h.second.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            bearer = QString::fromUtf8(h.second.mid(7));
    }
    return bearer;
}
} // namespace

GotifyServer::GotifyServer(Mode mode, QObject *parent)
    : QObject(parent), m_store(mode == Mode::V3), m_http(std::make_unique<GotifyHttp>(this)),
      m_gate(new StreamGate(this, this)), m_pingTimer(new QTimer(this))
{
    m_seedAppId = m_store.addApp(QStringLiteral("channeltray-demo"), QStringLiteral("seeded application"), 5).id;
    m_seedClientId = m_store.addClient(QStringLiteral("channeltray")).id;
    connect(m_http.get(), &QAbstractHttpServer::newWebSocketConnection, this, &GotifyServer::acceptWebSockets);
    m_pingTimer->setInterval(45000);
    connect(m_pingTimer, &QTimer::timeout, this, &GotifyServer::pingStreams);
    m_pingTimer->start();
}

GotifyServer::~GotifyServer()
{
    for (const Stream &s : std::as_const(m_streams)) {
        s.socket->disconnect(this);
        s.socket->abort();
        s.socket->deleteLater();
    }
}

bool GotifyServer::listen(quint16 port)
{
    if (!m_gate->listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_gate->serverPort();
    m_http->bind(m_gate);
    return true;
}

QUrl GotifyServer::url() const
{
    const QString scheme = m_gate->isTls() ? QStringLiteral("https") : QStringLiteral("http");
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port));
}

void GotifyServer::setTls(const QSslConfiguration &configuration)
{
    m_gate->setTls(configuration);
}

QString GotifyServer::version() const
{
    return m_store.isV3() ? QStringLiteral("3.0.0") : QStringLiteral("2.9.0");
}

QString GotifyServer::appToken() const
{
    return const_cast<GotifyStore &>(m_store).app(m_seedAppId)
               ? const_cast<GotifyStore &>(m_store).app(m_seedAppId)->token
               : QString();
}

QString GotifyServer::clientToken() const
{
    auto *c = const_cast<GotifyStore &>(m_store).client(m_seedClientId);
    return c ? c->token : QString();
}

qint64 GotifyServer::postMessage(const QString &message, const QString &title, int priority,
                                 const QJsonObject &extras, qint64 appid)
{
    GotifyApp *app = m_store.app(appid ? appid : m_seedAppId);
    if (!app)
        return 0;
    const GotifyMessage &m = m_store.addMessage(app->id, message, title.trimmed().isEmpty() ? app->name : title,
                                                priority, extras);
    broadcast(m);
    return m.id;
}

qint64 GotifyServer::storeMissedMessages(int n, qint64 appid)
{
    GotifyApp *app = m_store.app(appid ? appid : m_seedAppId);
    if (!app)
        return 0;
    qint64 last = 0;
    for (int i = 0; i < n; ++i)
        last = m_store.addMessage(app->id, QStringLiteral("missed %1").arg(i + 1), app->name, 5, {}).id;
    return last;
}

qint64 GotifyServer::lastMessageId() const
{
    const auto page = m_store.page(0, 1, 0);
    return page.isEmpty() ? 0 : page.first()->id;
}

void GotifyServer::pushRawFrames(const QStringList &frames)
{
    for (const QString &frame : frames)
        for (const Stream &s : std::as_const(m_streams))
            s.socket->sendTextMessage(frame);
}

void GotifyServer::pushRawTextPayloads(const QList<QByteArray> &payloads)
{
    for (const QByteArray &payload : payloads) {
        // RFC 6455 section 5.2: FIN + text, unmasked (a server's frame), the length in 7, 16 or 64 bits.
        QByteArray frame(1, char(0x81));
        const quint64 n = quint64(payload.size());
        if (n < 126) {
            frame.append(char(n));
        } else if (n < 65536) {
            frame.append(char(126));
            frame.append(char(n >> 8)).append(char(n & 0xff));
        } else {
            frame.append(char(127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.append(char((n >> shift) & 0xff));
        }
        frame.append(payload);
        for (const Stream &s : std::as_const(m_streams))
            if (s.raw)
                s.raw->write(frame);
    }
}

void GotifyServer::dropStreams()
{
    const auto streams = m_streams;
    m_streams.clear();
    for (const Stream &s : streams) {
        s.socket->disconnect(this);
        s.socket->abort(); // no close frame
        s.socket->deleteLater();
        Q_EMIT streamDisconnected();
    }
}

void GotifyServer::dropStreamsOf(qint64 clientId)
{
    for (qsizetype i = m_streams.size() - 1; i >= 0; --i) {
        if (m_streams.at(i).clientId != clientId)
            continue;
        QWebSocket *socket = m_streams.takeAt(i).socket;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        Q_EMIT streamDisconnected();
    }
}

bool GotifyServer::revokeToken(const QString &token)
{
    if (GotifyClient *c = m_store.clientByToken(token)) {
        const qint64 id = c->id;
        m_store.removeClient(id);
        dropStreamsOf(id);
        return true;
    }
    if (GotifyApp *a = m_store.appByToken(token)) {
        m_store.removeApp(a->id);
        return true;
    }
    return false;
}

QString GotifyServer::addClient(const QString &name)
{
    return m_store.addClient(name).token;
}

QString GotifyServer::addApplication(const QString &name)
{
    return m_store.addApp(name).token;
}

void GotifyServer::setPingIntervalMs(int ms)
{
    m_pingTimer->start(ms);
}

void GotifyServer::setPingEachStream(bool each)
{
    m_pingEachStream = each;
    if (each)
        m_pingTimer->stop();
}

int GotifyServer::messageListsAnswered() const
{
    const auto firstStream = std::find_if(m_log.cbegin(), m_log.cend(),
                                          [](const GotifyRequestRecord &r) { return r.isStream; });
    return int(std::count_if(firstStream, m_log.cend(), [](const GotifyRequestRecord &r) {
        return r.method == "GET" && r.path == QLatin1String("/message") && r.status != 0;
    }));
}

void GotifyServer::logRequest(GotifyRequestRecord record)
{
    if (record.receivedAtMs == 0)
        record.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_log.append(std::move(record));
}

QByteArray GotifyServer::errorBody(int status, const QString &description)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), reasonPhrase(status)},
                                     {QStringLiteral("errorCode"), status},
                                     {QStringLiteral("errorDescription"), description}})
        .toJson(QJsonDocument::Compact);
}

GotifyServer::Auth GotifyServer::authenticate(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    Auth auth;
    const QString token = tokenFrom(url, headers);
    auth.tokenGiven = !token.isEmpty();
    auth.client = m_store.clientByToken(token);
    auth.app = auth.client ? nullptr : m_store.appByToken(token);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auth.client)
        auth.client->lastUsed = now;
    if (auth.app)
        auth.app->lastUsed = now;
    return auth;
}

qint64 GotifyServer::streamClientFor(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const Auth auth = authenticate(url, headers);
    return auth.client ? auth.client->id : 0;
}

void GotifyServer::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        QWebSocket *socket = m_http->nextPendingWebSocketConnection().release();
        const qint64 clientId = m_gate->takeClientFor(socket->peerPort());
        QTcpSocket *raw = m_gate->takeRawFor(socket->peerPort());
        if (clientId == 0) { // not authenticated by the gate (should not happen)
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        m_streams.append({socket, clientId, false, raw});
        connect(socket, &QWebSocket::textMessageReceived, this, [socket](const QString &text) {
            if (text.toUtf8().size() > 64) // the real server's read limit
                socket->close(QWebSocketProtocol::CloseCodeTooMuchData);
        });
        connect(socket, &QWebSocket::pong, this, [this, socket] {
            for (Stream &s : m_streams)
                if (s.socket == socket)
                    s.awaitingPong = false;
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_streams.removeIf([socket](const Stream &s) { return s.socket == socket; });
            socket->deleteLater();
            Q_EMIT streamDisconnected();
        });
        if (m_pingEachStream) {
            auto *ticker = new QTimer(socket);
            const int period = m_pingTimer->interval();
            connect(ticker, &QTimer::timeout, this, [this, socket, ticker, period] {
                ticker->setInterval(period); // after a random first phase
                for (qsizetype i = 0; i < m_streams.size(); ++i)
                    if (m_streams.at(i).socket == socket)
                        return pingStream(i);
            });
            ticker->start(m_pingPhaseRandom ? 1 + int(QRandomGenerator::global()->bounded(period)) : period);
        }
        if (m_trickleMs > 0 && raw)
            trickleEndlessFrame(raw, m_trickleMs, [this] { ++m_trickled; });
        Q_EMIT streamConnected();
    }
}

void GotifyServer::broadcast(const GotifyMessage &m)
{
    const QString frame = QString::fromUtf8(
        QJsonDocument(GotifyStore::messageJson(m)).toJson(QJsonDocument::Compact));
    if (m_holdPushes)
        m_heldFrames << frame;
    else
        for (const Stream &s : std::as_const(m_streams))
            s.socket->sendTextMessage(frame);
    Q_EMIT messagePosted(m.id);
}

void GotifyServer::holdPushes(bool hold)
{
    m_holdPushes = hold;
    if (hold)
        return;
    for (const QString &frame : std::exchange(m_heldFrames, {}))
        for (const Stream &s : std::as_const(m_streams))
            s.socket->sendTextMessage(frame);
}

void GotifyServer::pingStreams()
{
    for (qsizetype i = m_streams.size() - 1; i >= 0; --i)
        pingStream(i);
}

void GotifyServer::pingStream(qsizetype i)
{
    // A stream that did not answer the previous ping in time is dropped (no close frame).
    if (m_streams.at(i).awaitingPong) {
        QWebSocket *socket = m_streams.takeAt(i).socket;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        Q_EMIT streamDisconnected();
        return;
    }
    m_streams[i].awaitingPong = true;
    m_streams.at(i).socket->ping();
}

} // namespace ct::testserver
