#include "accountproxies.h"

#include "config/configmodel.h"
#include "config/proxysetting.h"
#include "logging/logging.h"
#include "net/systemproxy.h"

#include <QHash>
#include <QUrl>

namespace ct {

namespace {

QNetworkProxy toProxy(const ProxySetting &s)
{
    switch (s.kind) {
    case ProxySetting::Kind::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case ProxySetting::Kind::Http: {
        // A tunnel (CONNECT) for every connection, plain HTTP included: without the caching
        // capability Qt never hands the proxy a whole request, so it sees no path or header.
        QNetworkProxy p(QNetworkProxy::HttpProxy, s.host, quint16(s.port), s.user, s.password);
        p.setCapabilities(p.capabilities() & ~QNetworkProxy::CachingCapability);
        return p;
    }
    case ProxySetting::Kind::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, s.host, quint16(s.port), s.user, s.password);
    case ProxySetting::Kind::System:
        break;
    }
    return QNetworkProxy(QNetworkProxy::DefaultProxy);
}

} // namespace

QNetworkProxy accountProxy(const QString &proxySetting)
{
    const std::optional<ProxySetting> s = parseProxySetting(proxySetting, nullptr);
    return s ? toProxy(*s) : QNetworkProxy(QNetworkProxy::DefaultProxy);
}

QStringList applyAccountProxies(const Config &config)
{
    QList<SystemProxyFactory::ServerProxy> servers;
    QHash<QString, QPair<QString, ProxySetting>> seen; // server key → (account, setting)
    QStringList conflicts;
    const auto add = [&](const QString &account, const QString &proxyText, const QString &serverUrl) {
        const std::optional<ProxySetting> s = parseProxySetting(proxyText, nullptr);
        if (!s || s->kind == ProxySetting::Kind::System)
            return;
        const QUrl url(serverUrl);
        const QString key = SystemProxyFactory::serverKey(url.host(), url.port(), url.scheme());
        if (auto it = seen.constFind(key); it != seen.constEnd()) {
            if (!(it->second == *s))
                conflicts << QStringLiteral("%1 and %2 use the same server with different proxies; %1's is used")
                                 .arg(it->first, account);
            return;
        }
        seen.insert(key, {account, *s});
        servers << SystemProxyFactory::ServerProxy{key, toProxy(*s)};
    };
    for (const GotifyAccountConfig &a : config.gotify.accounts)
        add(a.address().toString(), a.proxy, a.serverUrl);
    for (const OpenImAccountConfig &a : config.openim.accounts) {
        add(a.address().toString(), a.proxy, a.wsAddr);
        add(a.address().toString(), a.proxy, a.apiAddr);
    }
    SystemProxyFactory::setServerProxies(servers);
    if (!servers.isEmpty())
        qCInfo(lcNet) << servers.size() << "server(s) with a proxy of their own";
    for (const QString &c : std::as_const(conflicts))
        qCWarning(lcNet).noquote() << c;
    return conflicts;
}

} // namespace ct
