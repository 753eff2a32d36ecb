#include "systemproxy.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace ct {

namespace {
QMutex serverLock;
QHash<QString, QNetworkProxy> serverProxies; // under serverLock
} // namespace

bool SystemProxyFactory::isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QString bare = h;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress address(bare);
    return !address.isNull() && address.isLoopback();
}

QString SystemProxyFactory::serverKey(const QString &host, int port, const QString &scheme)
{
    if (port <= 0) {
        const QString s = scheme.toLower();
        port = (s == QLatin1String("https") || s == QLatin1String("wss")) ? 443 : 80;
    }
    return host.toLower() + QLatin1Char(':') + QString::number(port);
}

void SystemProxyFactory::setServerProxies(const QList<ServerProxy> &servers)
{
    QHash<QString, QNetworkProxy> map;
    for (const ServerProxy &s : servers)
        map.insert(s.server, s.proxy);
    const QMutexLocker lock(&serverLock);
    serverProxies.swap(map);
}

QList<QNetworkProxy> SystemProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (m_serverProxies == ServerProxies::Used) {
        const QMutexLocker lock(&serverLock);
        if (!serverProxies.isEmpty()) {
            const QUrl url = query.url();
            const int port = query.peerPort() > 0 ? query.peerPort() : url.port();
            const QString scheme = url.scheme().isEmpty() ? query.protocolTag() : url.scheme();
            const auto it = serverProxies.constFind(serverKey(query.peerHostName(), port, scheme));
            if (it != serverProxies.constEnd())
                return {*it};
        }
    }
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return systemProxyForQuery(query);
}

void installSystemProxy()
{
    QNetworkProxyFactory::setApplicationProxyFactory(new SystemProxyFactory);
}

} // namespace ct
