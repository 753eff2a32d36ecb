#include "gotifyhttp.h"

#include "gotifyserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

namespace ct::testserver {

namespace {
constexpr qsizetype kMaxHead = 16 * 1024;

struct Head
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool upgrade = false;
};

Head parseHead(const QByteArray &raw)
{
    Head h;
    const QList<QByteArray> lines = raw.left(raw.indexOf("\r\n\r\n")).split('\n');
    if (lines.isEmpty())
        return h;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    h.method = first.value(0);
    h.url = QUrl(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(first.value(1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        h.headers.append({key, value});
        if (key.compare("upgrade", Qt::CaseInsensitive) == 0
            && value.compare("websocket", Qt::CaseInsensitive) == 0)
            h.upgrade = true;
    }
    return h;
}

} // namespace

StreamGate::StreamGate(GotifyServer *server, QObject *parent) : QTcpServer(parent), m_server(server) {}

void StreamGate::setTls(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    m_tls = true;
}

void StreamGate::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_ssl);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        // A client that refuses the certificate aborts the handshake: the socket just closes.
        connect(ssl, &QAbstractSocket::errorOccurred, ssl, [ssl](QAbstractSocket::SocketError) {
            if (!ssl->isEncrypted())
                ssl->abort();
        });
        ssl->startServerEncryption(); // readyRead() then carries decrypted bytes
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void StreamGate::inspect(QTcpSocket *socket)
{
    const QByteArray peeked = socket->peek(kMaxHead);
    if (!peeked.contains("\r\n\r\n") && peeked.size() < kMaxHead)
        return; // wait for the whole head
    socket->disconnect(this);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);

    const Head head = parseHead(peeked);
    if (head.upgrade && head.url.path() == QLatin1String("/stream")) {
        GotifyRequestRecord rec{
            head.method, head.url.path(), head.url.query(QUrl::FullyEncoded), head.headers, true, 101};
        const qint64 clientId = m_server->streamClientFor(head.url, head.headers);
        if (clientId == 0) {
            rec.status = 401;
            m_server->logRequest(rec);
            const QByteArray body = GotifyServer::errorBody(
                401,
                QStringLiteral("you need to provide a valid access token or user credentials to access this api"));
            socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json; charset=utf-8\r\n"
                          "Content-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            return;
        }
        m_server->logRequest(rec);
        m_pending.insert(socket->peerPort(), clientId);
        m_raw.insert(socket->peerPort(), socket);
    }
    socket->setParent(nullptr);
    addPendingConnection(socket);
    Q_EMIT newConnection();
    Q_EMIT socket->readyRead(); // the head is already buffered
}

GotifyHttp::GotifyHttp(GotifyServer *server) : m_server(server) {}

bool GotifyHttp::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 upgrades a WebSocket request when handleRequest() claims it without answering.
    // The gate has already refused every /stream upgrade that lacks a client token.
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return request.url().path() == QLatin1String("/stream");
    QByteArray method;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        method = "DELETE";
        break;
    default:
        method = "OTHER";
        break;
    }
    const QUrl url = request.url();
    const auto headers = request.headers();
    const GotifyReply reply = m_server->handle(method, url, headers, request.body());
    m_server->logRequest({method, url.path(), url.query(QUrl::FullyEncoded), headers, false, reply.status});

    auto responder = makeResponder(request, socket);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
    if (reply.body.isEmpty())
        responder.write(QByteArray(), reply.mimeType, status);
    else
        responder.write(reply.body, reply.mimeType, status);
    return true;
}

void GotifyHttp::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket)
        .write(GotifyServer::errorBody(404, QStringLiteral("page not found")),
               QByteArrayLiteral("application/json"), QHttpServerResponder::StatusCode::NotFound);
}

} // namespace ct::testserver
