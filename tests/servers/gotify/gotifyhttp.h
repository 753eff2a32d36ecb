#pragma once
// The two network halves of the loopback Gotify server:
// - StreamGate: a QTcpServer that peeks the request head of each new connection and answers
//   a /stream upgrade with a bad token by itself (HTTP 401 JSON, no upgrade), as the real
//   server does; everything else is handed on to the HTTP server untouched. With a TLS
//   configuration it accepts QSslSockets (HTTPS and WSS on the same port): the handshake runs
//   first and the gate peeks the decrypted head, so the HTTP server never knows about TLS.
// - GotifyHttp: QAbstractHttpServer (Qt 6.4 API) that routes every plain request to GotifyServer.
#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>

namespace ct::testserver {

class GotifyServer;

class StreamGate : public QTcpServer
{
    Q_OBJECT
public:
    explicit StreamGate(GotifyServer *server, QObject *parent = nullptr);
    // The client id that authenticated the upgrade coming from this peer port (0 if none).
    qint64 takeClientFor(quint16 peerPort) { return m_pending.take(peerPort); }
    // The raw socket under the stream upgrade from this peer port (null once gone).
    QTcpSocket *takeRawFor(quint16 peerPort) { return m_raw.take(peerPort); }
    // Serve TLS on every new connection from now on (certificate and key set in `configuration`).
    void setTls(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void inspect(QTcpSocket *socket);
    GotifyServer *m_server;
    QHash<quint16, qint64> m_pending;
    QHash<quint16, QPointer<QTcpSocket>> m_raw;
    QSslConfiguration m_ssl;
    bool m_tls = false;
};

class GotifyHttp : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit GotifyHttp(GotifyServer *server);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    GotifyServer *m_server;
};

} // namespace ct::testserver
