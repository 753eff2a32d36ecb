#pragma once
// The proxy every connection uses: the system's (QNetworkProxyFactory::systemProxyForQuery —
// http_proxy/https_proxy/no_proxy, or libproxy where Qt is built with it), except for loopback
// hosts (127.0.0.0/8, ::1, localhost), which are always reached directly, so the local servers
// (the demo sandbox, tests, a gateway on the same machine) never go through a corporate proxy.
// installSystemProxy() makes it the application's proxy factory (once, at start).
#include <QNetworkProxyFactory>

namespace ct {

class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    static bool isLoopbackHost(const QString &host);
};

void installSystemProxy();

} // namespace ct
