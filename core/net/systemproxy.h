#pragma once
// The proxy every connection uses: the system's (QNetworkProxyFactory::systemProxyForQuery —
// http_proxy/https_proxy/no_proxy, or libproxy where Qt is built with it), except for loopback
// hosts (127.0.0.0/8, ::1, localhost), which are always reached directly, so the local servers
// (the demo sandbox, tests, a gateway on the same machine) never go through a corporate proxy.
// A server given a proxy of its own (an account's `proxy` setting, see
// connectivity/accountproxies.h) is reached through that one, or directly for "none". (Qt itself
// never asks the factory about a loopback address or "localhost": those are always direct.) installSystemProxy() makes it the application's proxy factory (once, at start).
#include <QNetworkProxyFactory>

namespace ct {

class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    struct ServerProxy
    {
        QString server; // serverKey()
        QNetworkProxy proxy;
    };

    // Whether the per-server proxies (setServerProxies) are asked first: the application's
    // factory does; a network manager probing an account draft whose `proxy` is the system's
    // does not, so the saved account's proxy for the same server is not used for the draft.
    enum class ServerProxies { Used, Ignored };
    explicit SystemProxyFactory(ServerProxies serverProxies = ServerProxies::Used) : m_serverProxies(serverProxies)
    {
    }

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    static bool isLoopbackHost(const QString &host);
    // "host:port" with the scheme's port when `port` is -1 (http/ws 80, https/wss 443).
    static QString serverKey(const QString &host, int port, const QString &scheme);
    // The per-server proxies, for every factory of the process (Qt's application proxy factory is
    // process-wide too); read from Qt's network threads, hence held under a lock.
    static void setServerProxies(const QList<ServerProxy> &servers);

private:
    ServerProxies m_serverProxies;
};

void installSystemProxy();

} // namespace ct
