#include "websocketclient.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ct {

namespace {
QByteArray newKey()
{
    quint32 random[4];
    QRandomGenerator::global()->fillRange(random);
    return QByteArray(reinterpret_cast<const char *>(random), sizeof random).toBase64();
}

// What the application's proxy factory says for this server, as QAbstractSocket would ask it,
// but tagged http/https so the system's https_proxy applies to wss://. Only proxies that can
// tunnel a TCP connection (HTTP CONNECT, SOCKS5) qualify.
QNetworkProxy proxyFor(const QUrl &url, bool secure)
{
    const QNetworkProxyQuery query(url.host(), url.port(secure ? 443 : 80),
                                   secure ? QStringLiteral("https") : QStringLiteral("http"),
                                   QNetworkProxyQuery::TcpSocket);
    for (const QNetworkProxy &p : QNetworkProxyFactory::proxyForQuery(query)) {
        if (p.type() == QNetworkProxy::NoProxy
            || ((p.capabilities() & QNetworkProxy::TunnelingCapability)
                && p.type() != QNetworkProxy::DefaultProxy))
            return p;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}
} // namespace

WebSocketClient::WebSocketClient(QObject *parent) : QObject(parent) {}

WebSocketClient::~WebSocketClient()
{
    m_state = QAbstractSocket::UnconnectedState; // no signals from here on
    releaseRaw();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketClient::makeSocket(bool secure)
{
    if (m_socket && m_secure == secure)
        return; // a closed socket connects again
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater(); // it may be the sender of the signal being handled
    }
    m_secure = secure;
    if (secure) {
        auto *ssl = new QSslSocket(this);
        connect(ssl, &QSslSocket::encrypted, this, &WebSocketClient::onSocketConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            if (m_state != QAbstractSocket::UnconnectedState)
                Q_EMIT sslErrors(errors); // never ignored: the TLS handshake fails after this
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &WebSocketClient::onSocketConnected);
    }
    connect(m_socket, &QIODevice::readyRead, this, &WebSocketClient::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &WebSocketClient::onSocketError);
    connect(m_socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onSocketGone();
    });
}

void WebSocketClient::open(const QUrl &url, const WebSocketHeaders &headers)
{
    ++m_generation; // what is still pending of an attempt in progress is ignored from here
    if (m_state != QAbstractSocket::UnconnectedState) {
        m_state = QAbstractSocket::UnconnectedState; // dropped without signals, as QWebSocket::open does
        if (m_socket)
            m_socket->abort();
    }
    releaseRaw();
    m_raw = false;
    m_rawEnded = false;
    m_rawError = QAbstractSocket::RemoteHostClosedError;
    m_rawErrorString.clear();
    m_url = url;
    m_headers = headers;
    m_error = QAbstractSocket::UnknownSocketError;
    m_errorString.clear();
    m_closeReceived = false;
    m_closeCode = WebSocketCloseCode::Abnormal;
    m_closeReason.clear();
    m_httpStatus = 0;
    m_httpBody.clear();
    m_handshakeBuffer.clear();
    m_decoder = WebSocketDecoder(m_maxMessage);
    m_lastReceived.start();
    m_state = QAbstractSocket::ConnectingState;
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) || url.host().isEmpty()) {
        const quint64 generation = m_generation;
        const QString why = tr("not a WebSocket URL (ws:// or wss://)");
        QTimer::singleShot(0, this, [this, generation, why] {
            if (generation == m_generation)
                finish(QAbstractSocket::UnsupportedSocketOperationError, why);
        });
        return;
    }
    const bool secure = scheme == QLatin1String("wss");
    makeSocket(secure);
    m_handshake = std::make_unique<WebSocketHandshakeReader>(newKey());
    m_socket->setProxy(proxyFor(url, secure));
    const quint16 port = quint16(url.port(secure ? 443 : 80));
    if (secure) {
        auto *ssl = static_cast<QSslSocket *>(m_socket.data());
        if (m_ssl)
            ssl->setSslConfiguration(*m_ssl);
        ssl->connectToHostEncrypted(url.host(), port);
    } else {
        // Unbuffered: a frame is written to the kernel at once. A buffered QTcpSocket switches its
        // write notifier on for every write and off once flushed, and with the GLib event
        // dispatcher each switch walks the list of every socket of the process and wakes the
        // loop: with 1,000 connections each ping cost two such walks, two eventfd writes and a
        // loop pass. Qt buffers what the kernel does not take and flushes it on the notifier.
        m_socket->connectToHost(url.host(), port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    }
}

void WebSocketClient::onSocketConnected()
{
    if (m_state != QAbstractSocket::ConnectingState || !m_handshake)
        return;
    // The key is the reader's: the request is written from it.
    m_socket->write(webSocketUpgradeRequest(m_url, m_handshake->key(), m_headers));
}

QByteArray WebSocketClient::takeBytes()
{
    if (m_raw) {
        QByteArray bytes;
        char chunk[16384];
        while (m_rawFd >= 0 && !m_rawEnded) {
            const ssize_t n = ::read(m_rawFd, chunk, sizeof chunk);
            if (n > 0) {
                bytes.append(chunk, qsizetype(n));
                if (std::size_t(n) < sizeof chunk)
                    break; // drained (level-triggered: what arrives later is reported again)
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // As QAbstractSocket words them: the end of the stream and a reset are the server's close.
            m_rawEnded = true;
            const bool closed = n == 0 || errno == ECONNRESET || errno == EPIPE;
            m_rawError = closed ? QAbstractSocket::RemoteHostClosedError : QAbstractSocket::NetworkError;
            m_rawErrorString = closed ? QCoreApplication::translate("QNativeSocketEngine",
                                                                    "The remote host closed the connection")
                                      : qt_error_string(errno);
        }
        return bytes;
    }
    if (!m_socket)
        return {};
    if (m_secure)
        return m_socket->readAll();
    // The unbuffered socket reads from the kernel on each read(); a short read has drained it
    // (poll() reports what arrives later, and the end of the stream, again).
    QByteArray bytes;
    char chunk[16384];
    qint64 n = 0;
    do {
        n = m_socket->read(chunk, sizeof chunk);
        if (n > 0)
            bytes.append(chunk, n);
    } while (n == qint64(sizeof chunk));
    return bytes;
}

void WebSocketClient::onReadyRead()
{
    if (!m_socket || m_state == QAbstractSocket::UnconnectedState) {
        takeBytes();
        return;
    }
    const QByteArray bytes = takeBytes();
    if (!m_secure && m_socket->state() == QAbstractSocket::UnconnectedState) {
        // An unbuffered socket that read the end of the stream (or a reset) drops its engine
        // without a signal: what came before the end is handled first, then the end.
        const quint64 generation = m_generation;
        if (!bytes.isEmpty()) {
            if (m_handshake)
                m_handshakeBuffer.append(bytes); // onSocketGone reads the answer to its end
            else {
                m_decoder.append(bytes);
                processFrames();
            }
        }
        if (generation == m_generation)
            onSocketGone();
        return;
    }
    if (bytes.isEmpty())
        return;
    if (m_handshake) {
        onHandshakeBytes(bytes);
        return;
    }
    m_decoder.append(bytes);
    processFrames();
}

void WebSocketClient::onHandshakeBytes(const QByteArray &bytes)
{
    m_handshakeBuffer.append(bytes);
    switch (m_handshake->read(m_handshakeBuffer)) {
    case WebSocketHandshakeReader::Result::NeedMore:
        return;
    case WebSocketHandshakeReader::Result::Invalid:
        finish(QAbstractSocket::ConnectionRefusedError,
               tr("the server's answer to the WebSocket upgrade is not valid: %1").arg(m_handshake->error()));
        return;
    case WebSocketHandshakeReader::Result::Refused:
        m_httpStatus = m_handshake->status();
        m_httpBody = m_handshake->body();
        finish(QAbstractSocket::ConnectionRefusedError, tr("the server refused the WebSocket upgrade: HTTP %1 %2")
                                                            .arg(m_httpStatus)
                                                            .arg(QString::fromLatin1(m_handshake->reason())));
        return;
    case WebSocketHandshakeReader::Result::Upgraded:
        break;
    }
    m_handshake.reset();
    m_state = QAbstractSocket::ConnectedState;
    moveToHub();
    m_lastReceived.start();
    m_decoder.append(std::exchange(m_handshakeBuffer, {})); // frames sent right after the answer
    const quint64 generation = m_generation;
    Q_EMIT connected();
    if (generation == m_generation)
        processFrames();
}

void WebSocketClient::processFrames()
{
    const quint64 generation = m_generation;
    // A receiver may abort or reopen: stop as soon as this attempt is over.
    while (generation == m_generation && m_state != QAbstractSocket::UnconnectedState && !m_closeReceived) {
        std::optional<WebSocketEvent> e = m_decoder.next();
        if (!e)
            return;
        m_lastReceived.start(); // whole frames only: a frame that never ends is silence
        ++m_framesReceived;
        switch (e->kind) {
        case WebSocketEvent::Kind::Text:
            if (m_state == QAbstractSocket::ConnectedState)
                Q_EMIT textMessageReceived(e->text);
            break;
        case WebSocketEvent::Kind::Binary:
            if (m_state == QAbstractSocket::ConnectedState)
                Q_EMIT binaryMessageReceived(e->payload);
            break;
        case WebSocketEvent::Kind::Ping:
            writeFrame(WebSocketOpcode::Pong, e->payload);
            Q_EMIT pingReceived(e->payload);
            break;
        case WebSocketEvent::Kind::Pong:
            Q_EMIT pong(quint64(m_pingSent.isValid() ? m_pingSent.elapsed() : 0), e->payload);
            break;
        case WebSocketEvent::Kind::Close:
            m_closeReceived = true;
            m_closeCode = e->code;
            m_closeReason = e->text;
            if (m_state == QAbstractSocket::ConnectedState) // the server began: echo its code
                writeFrame(WebSocketOpcode::Close, e->code == WebSocketCloseCode::NoStatus
                                                       ? QByteArray()
                                                       : webSocketClosePayload(e->code, {}));
            m_state = QAbstractSocket::ClosingState;
            closeSocketSoon();
            return;
        case WebSocketEvent::Kind::Error:
            failConnection(e->code, e->text);
            return;
        }
    }
}

bool WebSocketClient::writeFrame(WebSocketOpcode opcode, QByteArrayView payload)
{
    if (m_state != QAbstractSocket::ConnectedState && opcode != WebSocketOpcode::Close)
        return false;
    if (m_raw)
        return rawWrite(encodeWebSocketFrame(opcode, payload, QRandomGenerator::global()->generate()));
    if (!m_socket)
        return false;
    return m_socket->write(encodeWebSocketFrame(opcode, payload, QRandomGenerator::global()->generate())) > 0;
}

bool WebSocketClient::sendTextMessage(const QString &message)
{
    return writeFrame(WebSocketOpcode::Text, message.toUtf8());
}

bool WebSocketClient::sendBinaryMessage(const QByteArray &message)
{
    return writeFrame(WebSocketOpcode::Binary, message);
}

bool WebSocketClient::ping(const QByteArray &payload)
{
    if (payload.size() > 125)
        return false;
    m_pingSent.start();
    return writeFrame(WebSocketOpcode::Ping, payload);
}

void WebSocketClient::close(quint16 code, const QString &reason)
{
    if (m_state == QAbstractSocket::UnconnectedState || m_state == QAbstractSocket::ClosingState)
        return;
    m_closeCode = code;
    m_closeReason = reason;
    if (m_state != QAbstractSocket::ConnectedState) { // no WebSocket yet: nothing to close politely
        finish(std::nullopt, {});
        return;
    }
    writeFrame(WebSocketOpcode::Close, webSocketClosePayload(code, reason));
    m_state = QAbstractSocket::ClosingState;
    const quint64 generation = m_generation;
    QTimer::singleShot(m_closeTimeoutMs, this, [this, generation] {
        if (generation == m_generation && m_state == QAbstractSocket::ClosingState)
            finish(std::nullopt, {}); // no close frame back in time
    });
}

void WebSocketClient::failConnection(quint16 code, const QString &why)
{
    m_closeCode = code;
    m_closeReason = why;
    m_error = QAbstractSocket::UnknownSocketError;
    m_errorString = tr("the server broke the WebSocket protocol (close code %1): %2").arg(code).arg(why);
    writeFrame(WebSocketOpcode::Close, webSocketClosePayload(code, {}));
    m_state = QAbstractSocket::ClosingState;
    m_closeReceived = true; // nothing more is read
    const quint64 generation = m_generation;
    Q_EMIT errorOccurred(m_error);
    if (generation == m_generation)
        closeSocketSoon();
}

void WebSocketClient::closeSocketSoon()
{
    const quint64 generation = m_generation;
    QTimer::singleShot(m_closeTimeoutMs, this, [this, generation] {
        if (generation == m_generation && m_state == QAbstractSocket::ClosingState)
            finish(std::nullopt, {}); // the peer never took the last bytes
    });
    if (m_raw)
        rawDisconnect(); // after the bytes written so far; onSocketGone then
    else if (m_socket)
        m_socket->disconnectFromHost(); // after the bytes written so far; onSocketGone then
}

void WebSocketClient::abort()
{
    finish(std::nullopt, {});
}

void WebSocketClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_state == QAbstractSocket::UnconnectedState || !m_socket)
        return;
    if (m_state == QAbstractSocket::ClosingState && error == QAbstractSocket::RemoteHostClosedError)
        return; // the end of a close handshake
    if (m_handshake && error == QAbstractSocket::RemoteHostClosedError) {
        onSocketGone(); // a refusal whose body runs to the end, or no answer at all
        return;
    }
    finish(error, m_socket->errorString());
}

void WebSocketClient::onSocketGone()
{
    if (m_state == QAbstractSocket::UnconnectedState)
        return;
    if (m_handshake && m_socket) {
        m_handshakeBuffer.append(takeBytes());
        const auto result = m_handshake->finish(m_handshakeBuffer);
        if (result == WebSocketHandshakeReader::Result::Refused) {
            m_httpStatus = m_handshake->status();
            m_httpBody = m_handshake->body();
            finish(QAbstractSocket::ConnectionRefusedError,
                   tr("the server refused the WebSocket upgrade: HTTP %1 %2")
                       .arg(m_httpStatus)
                       .arg(QString::fromLatin1(m_handshake->reason())));
            return;
        }
    }
    if (m_state == QAbstractSocket::ClosingState || !m_socket) {
        finish(std::nullopt, {});
        return;
    }
    if (m_raw) {
        finish(m_rawError, m_rawErrorString.isEmpty() ? QCoreApplication::translate(
                               "QNativeSocketEngine", "The remote host closed the connection")
                                                      : m_rawErrorString);
        return;
    }
    const QAbstractSocket::SocketError error = m_socket->error() == QAbstractSocket::UnknownSocketError
                                                   ? QAbstractSocket::RemoteHostClosedError
                                                   : m_socket->error();
    finish(error, m_socket->errorString());
}

void WebSocketClient::finish(std::optional<QAbstractSocket::SocketError> error, const QString &text)
{
    if (m_state == QAbstractSocket::UnconnectedState)
        return;
    const quint64 generation = m_generation;
    m_state = QAbstractSocket::UnconnectedState; // the socket's own signals are ignored from here
    m_handshake.reset();
    m_handshakeBuffer = {};
    m_decoder.reset();
    releaseRaw();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    if (error && m_error == QAbstractSocket::UnknownSocketError && m_errorString.isEmpty()) {
        m_error = *error;
        m_errorString = text;
        Q_EMIT errorOccurred(*error);
        if (generation != m_generation)
            return; // reopened from the error handler
    }
    Q_EMIT disconnected();
}

void WebSocketClient::moveToHub()
{
    if (!m_hub || m_secure || !m_socket || m_socket->proxy().type() != QNetworkProxy::NoProxy)
        return;
    const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0); // non-blocking, as Qt's
    if (fd < 0)
        return;
    if (!m_hub->add(fd, this)) {
        ::close(fd);
        return;
    }
    {
        // Qt closes its descriptor; the connection stays open on ours (close(2) of one of two
        // descriptors of a socket sends nothing). Its signals belong to no attempt any more.
        const QSignalBlocker quiet(m_socket);
        m_socket->abort();
    }
    m_rawFd = fd;
    m_raw = true;
}

void WebSocketClient::hubReadable()
{
    const quint64 generation = m_generation;
    const QByteArray bytes = takeBytes();
    if (!bytes.isEmpty() && m_state != QAbstractSocket::UnconnectedState && !m_closeReceived) {
        m_decoder.append(bytes);
        processFrames();
    }
    if (generation == m_generation && m_rawEnded && m_state != QAbstractSocket::UnconnectedState) {
        releaseRaw();
        onSocketGone();
    }
}

void WebSocketClient::hubWritable()
{
    while (m_rawFd >= 0 && !m_rawOut.isEmpty()) {
        const ssize_t n = ::send(m_rawFd, m_rawOut.constData(), std::size_t(m_rawOut.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // not now (EAGAIN), or an error the read side reports
        m_rawOut.remove(0, qsizetype(n));
    }
    if (m_rawFd < 0)
        return;
    m_hub->setWantsWrite(m_rawFd, false);
    if (m_rawCloseWhenFlushed) {
        releaseRaw();
        onSocketGone();
    }
}

bool WebSocketClient::rawWrite(const QByteArray &bytes)
{
    if (m_rawFd < 0 || m_rawCloseWhenFlushed)
        return false;
    qsizetype sent = 0;
    while (m_rawOut.isEmpty() && sent < bytes.size()) {
        const ssize_t n = ::send(m_rawFd, bytes.constData() + sent, std::size_t(bytes.size() - sent),
                                 MSG_NOSIGNAL);
        if (n > 0) {
            sent += qsizetype(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return false; // reset or closed: the read side reports it
        break;
    }
    if (sent < bytes.size()) {
        const bool wasEmpty = m_rawOut.isEmpty();
        m_rawOut.append(bytes.constData() + sent, bytes.size() - sent);
        if (wasEmpty)
            m_hub->setWantsWrite(m_rawFd, true);
    }
    return true;
}

void WebSocketClient::rawDisconnect()
{
    if (m_rawFd < 0)
        return;
    if (!m_rawOut.isEmpty()) {
        m_rawCloseWhenFlushed = true; // hubWritable closes it
        return;
    }
    releaseRaw();
    onSocketGone();
}

void WebSocketClient::releaseRaw()
{
    if (m_rawFd >= 0) {
        if (m_hub)
            m_hub->remove(m_rawFd);
        ::close(m_rawFd);
        m_rawFd = -1;
    }
    m_rawOut = {};
    m_rawCloseWhenFlushed = false;
}

} // namespace ct
