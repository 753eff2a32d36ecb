#pragma once
// A WebSocket client connection (RFC 6455) over a QTcpSocket for ws:// and a QSslSocket only for
// wss://, so a process whose accounts all use ws:// never loads the TLS library (QWebSocket in
// Qt 6.4 loads it in its constructor). The ws:// socket is unbuffered: frames go to the kernel
// when written, without switching a write notifier on and off for each. Unlike QWebSocket it tells when the server pings
// (pingReceived; the pong goes back by itself) and how long the server has sent no frame
// (msSinceReceived), so a connection can rely on the server's own pings instead of sending
// its own, and a refused upgrade keeps its HTTP status and body.
//
//   WebSocketClient ws;
//   ws.setMaxIncomingMessageBytes(4 << 20);
//   connect(&ws, &WebSocketClient::textMessageReceived, …);
//   ws.open(QUrl("ws://host/stream"), {{"X-Gotify-Key", token}});
//
// Signals follow QWebSocket's: errorOccurred() comes before disconnected(); disconnected()
// comes once per open(), also from abort() and close() (at once for abort()). The proxy is the
// one the application's proxy factory names for the server (per-account proxies, the system's
// proxy, loopback direct); TLS uses setSslConfiguration() (peer verification stays on; the
// sslErrors are reported and never ignored).
#include "sockethub.h"
#include "websocketframe.h"
#include "websockethandshake.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>
#include <optional>

namespace ct {

class WebSocketClient : public QObject, private SocketHub::Client
{
    Q_OBJECT
public:
    explicit WebSocketClient(QObject *parent = nullptr);
    ~WebSocketClient() override;

    // Frames and messages past this size fail the connection with close code 1009.
    void setMaxIncomingMessageBytes(qint64 bytes) { m_maxMessage = bytes; }
    // For wss:// only; without it QSslSocket's default configuration (system CAs, verify peer).
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    // How long close() waits for the server's close frame before dropping the connection.
    void setCloseTimeoutMs(int ms) { m_closeTimeoutMs = ms; }
    // A ws:// stream without a proxy moves to `hub` once upgraded (its frames are read and written
    // on the descriptor, off Qt's list of socket notifiers); without one it stays on its
    // QTcpSocket. Before open(); the hub outlives this client.
    void setSocketHub(SocketHub *hub) { m_hub = hub; }
    // Whether this attempt's stream is on the hub.
    bool onHub() const { return m_raw; }

    // Opens `url` (ws:// or wss://) with these extra request headers (credentials go here,
    // never into the URL). A connection still open is dropped first, without disconnected().
    void open(const QUrl &url, const WebSocketHeaders &headers = {});
    bool sendTextMessage(const QString &message);
    bool sendBinaryMessage(const QByteArray &message);
    // pong() reports the answer with the time it took.
    bool ping(const QByteArray &payload = {});
    // The close handshake: sends `code`, waits for the server's close frame, then disconnects.
    void close(quint16 code = WebSocketCloseCode::Normal, const QString &reason = {});
    // Drops the connection at once (disconnected() is emitted before this returns).
    void abort();

    QAbstractSocket::SocketState state() const { return m_state; }
    QAbstractSocket::SocketError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The close code received (or sent, when this side failed the connection); 1006 when the
    // connection ended without a close frame.
    quint16 closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    // A refused upgrade: the server's HTTP status (0 when there was none) and body.
    int httpStatus() const { return m_httpStatus; }
    QByteArray httpBody() const { return m_httpBody; }
    // Milliseconds since the server's last whole frame (a message, ping, pong or close) or its
    // upgrade answer; the bytes of a frame that has not ended yet do not count (a server that
    // trickles a frame that never ends is silent). -1 before the first open().
    qint64 msSinceReceived() const { return m_lastReceived.isValid() ? m_lastReceived.elapsed() : -1; }
    // Whole frames received since the process started (all connections of this client).
    quint64 framesReceived() const { return m_framesReceived; }
    QUrl requestUrl() const { return m_url; }

Q_SIGNALS:
    void connected();
    void disconnected();
    void errorOccurred(QAbstractSocket::SocketError error);
    void sslErrors(const QList<QSslError> &errors);
    void textMessageReceived(const QString &message);
    void binaryMessageReceived(const QByteArray &message);
    void pong(quint64 elapsedMs, const QByteArray &payload);
    // The server pinged; the pong has already been sent.
    void pingReceived(const QByteArray &payload);

private:
    void makeSocket(bool secure);
    void onSocketConnected();
    void onReadyRead();
    // What the socket holds now (ws://: read from the kernel, the socket being unbuffered).
    QByteArray takeBytes();
    void onHandshakeBytes(const QByteArray &bytes);
    void processFrames();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSocketGone();
    // Fails the connection from this side: a close frame with `code`, then the TCP close.
    void failConnection(quint16 code, const QString &why);
    // The TCP close after the close frame; dropped if it takes longer than the close timeout.
    void closeSocketSoon();
    // Ends this attempt: records the error (if any), drops the socket, emits the signals.
    void finish(std::optional<QAbstractSocket::SocketError> error, const QString &text);
    bool writeFrame(WebSocketOpcode opcode, QByteArrayView payload);
    // The stream on the hub: the upgraded socket's descriptor taken over (a duplicate; Qt's own is
    // closed without a TCP close), read and written here.
    void moveToHub();
    void hubReadable() override;
    void hubWritable() override;
    bool rawWrite(const QByteArray &bytes);
    void rawDisconnect(); // after what is still to be written, as QAbstractSocket::disconnectFromHost
    void releaseRaw();    // off the hub and closed

    QPointer<QAbstractSocket> m_socket;
    bool m_secure = false;
    QUrl m_url;
    WebSocketHeaders m_headers;
    std::optional<QSslConfiguration> m_ssl;
    std::unique_ptr<WebSocketHandshakeReader> m_handshake; // while the upgrade is answered
    QByteArray m_handshakeBuffer;
    WebSocketDecoder m_decoder{0};
    qint64 m_maxMessage = 8 << 20;
    int m_closeTimeoutMs = 5000;
    QAbstractSocket::SocketState m_state = QAbstractSocket::UnconnectedState;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
    QString m_errorString;
    bool m_closeReceived = false;
    quint16 m_closeCode = WebSocketCloseCode::Normal;
    QString m_closeReason;
    int m_httpStatus = 0;
    QByteArray m_httpBody;
    QElapsedTimer m_lastReceived;
    QElapsedTimer m_pingSent;
    quint64 m_framesReceived = 0;
    quint64 m_generation = 0; // one per open(): a late callback of an older attempt is ignored
    QPointer<SocketHub> m_hub;
    bool m_raw = false; // this attempt's stream went to the hub (its descriptor may be closed since)
    int m_rawFd = -1;
    QByteArray m_rawOut; // what the kernel did not take yet
    bool m_rawCloseWhenFlushed = false;
    bool m_rawEnded = false; // the end of the stream or an error was read
    QAbstractSocket::SocketError m_rawError = QAbstractSocket::RemoteHostClosedError;
    QString m_rawErrorString;
};

} // namespace ct
