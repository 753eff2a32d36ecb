#pragma once
// The status endpoint's HTTP/1.1 server over QTcpServer, built so that no client can delay
// anything else in the process (the accounts share this event loop):
//   - a bound on open connections: at the bound the listener pauses (the kernel backlog holds
//     the rest) and resumes when one closes;
//   - the request head must arrive within headTimeoutMs, the answer must be taken within
//     writeTimeoutMs, else the connection is dropped (a slowloris or stuck client only ever
//     holds its own slot);
//   - reads are bounded (HttpRequestParser limits; Qt's read buffer is capped, so bytes after
//     the head stay in the kernel);
//   - one request per connection, answered with Connection: close.
// Before the handler runs: malformed → 400 (…), a wrong or missing bearer token → 401 (when a
// token is set), a method other than GET → 405 (Allow: GET). Without a token, a Host header
// must name an IP address or localhost (a web page reached through DNS rebinding cannot read
// the answers). The token is never logged.
#include "httprequest.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QTcpSocket;
class QTimer;

namespace ct {

struct HttpReply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

class StatusHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 32;
        int headTimeoutMs = 5000;
        int writeTimeoutMs = 10000;
    };
    // Called once per valid, authorised GET; `reply` may be called later (or never, when the
    // client went away meanwhile: then it does nothing).
    using Reply = std::function<void(const HttpReply &)>;
    using Handler = std::function<void(const HttpRequestHead &request, Reply reply)>;

    explicit StatusHttpServer(QObject *parent = nullptr);
    ~StatusHttpServer() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    Limits limits() const { return m_limits; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Empty: no token asked. NEVER logged.
    void setBearerToken(const QString &token) { m_token = token.toUtf8(); }
    bool hasBearerToken() const { return !m_token.isEmpty(); }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    int openConnections() const { return int(m_connections.size()); }
    int peakConnections() const { return m_peak; }

Q_SIGNALS:
    // After each answer was handed to the socket (status, path); for tests and metrics.
    void answered(int status, const QString &path);
    void connectionClosed();

private:
    struct Connection;
    void acceptPending();
    void onReadyRead(Connection *c);
    void dispatch(Connection *c);
    void send(Connection *c, const HttpReply &reply, const QString &path);
    void drop(Connection *c);
    bool authorised(const HttpRequestHead &head) const;
    bool hostAccepted(const HttpRequestHead &head) const;

    QTcpServer m_server;
    Limits m_limits;
    Handler m_handler;
    QByteArray m_token;
    QHash<QTcpSocket *, Connection *> m_connections;
    int m_peak = 0;
};

} // namespace ct
