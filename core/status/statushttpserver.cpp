#include "statushttpserver.h"

#include "logging/logging.h"

#include <QTcpSocket>
#include <QTimer>

namespace ct {

struct StatusHttpServer::Connection
{
    QTcpSocket *socket = nullptr;
    QTimer *deadline = nullptr;
    HttpRequestParser parser;
    bool dispatched = false;
    quint64 id = 0;
};

namespace {

// Compares without an early exit, so the time taken says nothing about how much matched.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const qsizetype n = qMax(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>((i < a.size() ? a[i] : 0) ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

QByteArray errorJson(const QString &message)
{
    return QByteArrayLiteral("{\"ok\":false,\"error\":\"") + message.toUtf8().replace('"', "'") + "\"}";
}

} // namespace

StatusHttpServer::StatusHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &StatusHttpServer::acceptPending);
}

StatusHttpServer::~StatusHttpServer()
{
    close();
}

bool StatusHttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    if (!m_server.listen(address, port)) {
        if (error)
            *error = m_server.errorString();
        return false;
    }
    return true;
}

void StatusHttpServer::close()
{
    m_server.close();
    const auto open = m_connections.values();
    for (Connection *c : open)
        drop(c);
}

void StatusHttpServer::acceptPending()
{
    while (m_server.hasPendingConnections() && int(m_connections.size()) < m_limits.maxConnections) {
        QTcpSocket *socket = m_server.nextPendingConnection();
        if (!socket)
            break;
        auto *c = new Connection;
        c->socket = socket;
        // Qt stops reading from the kernel once this much is buffered: bytes a client sends
        // after (or instead of) a bounded head cost no memory here.
        socket->setReadBufferSize(HttpRequestParser::kMaxHead + 1);
        c->deadline = new QTimer(socket);
        c->deadline->setSingleShot(true);
        connect(c->deadline, &QTimer::timeout, this, [this, c] {
            if (!c->dispatched) {
                // The head did not arrive in time: say so if the client still listens (send()
                // arms the write deadline; its expiry drops the connection below).
                c->dispatched = true;
                send(c,
                     {408, "application/json", errorJson(QStringLiteral("request head not received in time")), {}},
                     {});
                return;
            }
            drop(c);
        });
        c->deadline->start(m_limits.headTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] { drop(c); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, c](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                drop(c);
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [c] {
            if (c->dispatched && c->socket->bytesToWrite() == 0
                && c->socket->state() == QAbstractSocket::ConnectedState)
                c->socket->disconnectFromHost();
        });
        m_connections.insert(socket, c);
        m_peak = qMax(m_peak, int(m_connections.size()));
        // A connection that waited in the pending queue may have sent its bytes, or even
        // closed, before it was taken: those signals went unheard.
        if (socket->bytesAvailable() > 0)
            onReadyRead(c);
        if (m_connections.contains(socket) && socket->state() != QAbstractSocket::ConnectedState)
            drop(c);
    }
    if (int(m_connections.size()) >= m_limits.maxConnections)
        m_server.pauseAccepting();
}

void StatusHttpServer::onReadyRead(Connection *c)
{
    if (c->dispatched)
        return; // one request per connection; the rest stays unread
    const QByteArray bytes = c->socket->read(HttpRequestParser::kMaxHead + 1);
    switch (c->parser.feed(bytes)) {
    case HttpRequestParser::Result::Incomplete:
        return;
    case HttpRequestParser::Result::Error:
        c->dispatched = true;
        send(c, {c->parser.errorStatus(), "application/json", errorJson(c->parser.errorText()), {}}, {});
        return;
    case HttpRequestParser::Result::Complete:
        dispatch(c);
        return;
    }
}

bool StatusHttpServer::authorised(const HttpRequestHead &head) const
{
    if (m_token.isEmpty())
        return true;
    const QByteArray value = head.header("authorization");
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || value.left(space).toLower() != "bearer")
        return false;
    return sameSecret(value.mid(space + 1).trimmed(), m_token);
}

bool StatusHttpServer::hostAccepted(const HttpRequestHead &head) const
{
    if (!m_token.isEmpty() || head.version == "HTTP/1.0")
        return true;
    QString host = QString::fromLatin1(head.header("host"));
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        host = close < 0 ? QString() : host.mid(1, close - 1);
    } else if (const qsizetype colon = host.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = host.left(colon);
    }
    return host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0 || !QHostAddress(host).isNull();
}

void StatusHttpServer::dispatch(Connection *c)
{
    c->dispatched = true;
    c->deadline->stop();
    const HttpRequestHead &head = c->parser.head();
    const QString path = head.path();
    if (!hostAccepted(head)) {
        send(c,
             {400,
              "application/json",
              errorJson(QStringLiteral("the Host header must name an IP address or localhost")),
              {}},
             path);
        return;
    }
    if (!authorised(head)) {
        send(c,
             {401,
              "application/json",
              errorJson(QStringLiteral("a valid bearer token is required")),
              {{"WWW-Authenticate", "Bearer realm=\"channeltray\""}}},
             path);
        return;
    }
    if (head.method != "GET") {
        send(c, {405, "application/json", errorJson(QStringLiteral("only GET is allowed")), {{"Allow", "GET"}}},
             path);
        return;
    }
    if (!m_handler) {
        send(c, {404, "application/json", errorJson(QStringLiteral("no such resource")), {}}, path);
        return;
    }
    QPointer<QTcpSocket> socket = c->socket;
    m_handler(head, [this, socket, path](const HttpReply &reply) {
        if (!socket)
            return;
        if (Connection *live = m_connections.value(socket))
            send(live, reply, path);
    });
}

void StatusHttpServer::send(Connection *c, const HttpReply &reply, const QString &path)
{
    if (c->socket->state() != QAbstractSocket::ConnectedState) {
        drop(c);
        return;
    }
    c->socket->write(httpResponse(reply.status, reply.contentType, reply.body, reply.headers));
    c->deadline->start(m_limits.writeTimeoutMs);
    Q_EMIT answered(reply.status, path);
}

void StatusHttpServer::drop(Connection *c)
{
    if (!m_connections.remove(c->socket))
        return;
    c->socket->disconnect(this);
    c->deadline->disconnect(this);
    c->deadline->stop();
    c->socket->abort();
    c->socket->deleteLater();
    delete c;
    if (m_server.isListening()) {
        m_server.resumeAccepting();
        if (m_server.hasPendingConnections())
            QMetaObject::invokeMethod(this, &StatusHttpServer::acceptPending, Qt::QueuedConnection);
    }
    Q_EMIT connectionClosed();
}

} // namespace ct
