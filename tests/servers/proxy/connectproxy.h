#pragma once
// A small HTTP CONNECT proxy on 127.0.0.1 (RFC 9110 §9.3.6): reads "CONNECT host:port", opens
// that TCP connection, answers 200 and then relays bytes both ways until either side closes.
// Records every tunnel's target, so tests can see which connections went through it. Anything
// but CONNECT is answered 405; an unreachable target 502.
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace ct::testserver {

class ConnectProxy : public QObject
{
    Q_OBJECT
public:
    explicit ConnectProxy(QObject *parent = nullptr);

    bool listen();
    // Tunnels to `name` go to `address` instead (the proxy resolves names, the client does not:
    // tests name servers that only the proxy knows, all on 127.0.0.1).
    void mapHost(const QString &name, const QString &address) { m_hosts.insert(name, address); }
    quint16 port() const { return m_server.serverPort(); }
    // "host:port" of every CONNECT, in order.
    QStringList tunnels() const { return m_tunnels; }
    // The Proxy-Authorization header values received (empty strings for none).
    QStringList authorizations() const { return m_authorizations; }

Q_SIGNALS:
    void tunnelOpened(const QString &target);

private:
    void accept();

    QTcpServer m_server;
    QHash<QString, QString> m_hosts;
    QStringList m_tunnels;
    QStringList m_authorizations;
};

} // namespace ct::testserver
