// The per-account proxy (an account's `proxy` key): a Gotify account whose proxy names an HTTP
// proxy reaches its server only through it — the stream and the REST calls of the catch-up are
// both tunnelled with CONNECT through the loopback proxy (tests/servers/proxy, a real socket) —
// and its messages arrive as without one, while an account without a proxy goes direct. Qt never
// proxies a loopback address, so the proxied server is named "gotify.test", a name only the
// proxy knows (it maps it to 127.0.0.1; the client never resolves it): nothing leaves the
// machine. "none" beats the system's proxy (http_proxy) for its server only. A bad value is a
// config problem at <account>.proxy that does not echo the URL (it may hold a password).
#include "config/configloader.h"
#include "connectivity/accountproxies.h"
#include "connectproxy.h"
#include "gotifytestfixture.h"
#include "net/systemproxy.h"

#include <QNetworkProxyFactory>
#include <QNetworkProxyQuery>

using namespace ct;
using ct::testserver::ConnectProxy;
using ct::testserver::GotifyServer;

namespace {
Config twoAccounts(const QUrl &proxied, const QUrl &direct, const QString &proxy)
{
    const QString json = QStringLiteral(R"({"channels": {"gotify": {"accounts": {
        "ops":   {"serverUrl": "%1", "clientToken": "C", "proxy": "%3"},
        "plain": {"serverUrl": "%2", "clientToken": "C"}}}}})")
                             .arg(proxied.toString(), direct.toString(), proxy);
    const LoadResult r = parseConfig(json.toUtf8());
    if (!r.problems.isEmpty())
        qWarning() << r.problemStrings();
    return r.config;
}

// An account on a closed port with this `proxy` value.
LoadResult withProxy(const QString &proxy)
{
    return parseConfig(QStringLiteral(R"({"channels": {"gotify": {"accounts": {
        "ops": {"serverUrl": "http://127.0.0.1:1", "clientToken": "C", "proxy": "%1"}}}}})")
                           .arg(proxy)
                           .toUtf8());
}
} // namespace

class TestGotifyProxy : public QObject
{
    Q_OBJECT
    ConnectProxy m_proxy;

private Q_SLOTS:
    void initTestCase()
    {
        QNetworkProxyFactory::setApplicationProxyFactory(new SystemProxyFactory); // as main() does
        QVERIFY(m_proxy.listen());
    }
    void cleanup() { SystemProxyFactory::setServerProxies({}); }

    void accountWithAProxy_streamAndCatchUpTunnelThroughIt_othersGoDirect()
    {
        GotifyServer server, direct;
        QVERIFY(server.listen());
        QVERIFY(direct.listen());
        server.storeMissedMessages(3); // fetched over REST by the first catch-up
        m_proxy.mapHost(QStringLiteral("gotify.test"), QStringLiteral("127.0.0.1"));
        const QUrl named(QStringLiteral("http://gotify.test:%1").arg(server.port()));
        const Config config = twoAccounts(named, direct.url(),
                                          QStringLiteral("http://127.0.0.1:%1").arg(m_proxy.port()));
        QVERIFY(applyAccountProxies(config).isEmpty());

        test::Sink sink;
        GotifyEndpoint endpoint = test::endpointFor(server, QStringLiteral("ops"));
        endpoint.serverUrl = named;
        GotifyConnection ops(endpoint, test::fastInbound(), sink.pipeline.get(), sink.history.get());
        GotifyConnection plain(test::endpointFor(direct, QStringLiteral("plain")), test::fastInbound(),
                               sink.pipeline.get(), sink.history.get());
        QSignalSpy catchups(&ops, &GotifyConnection::catchUpFinished);
        ops.start();
        plain.start();
        QTRY_COMPARE(ops.state(), AccountState::Connected);
        QTRY_COMPARE(plain.state(), AccountState::Connected);
        QTRY_COMPARE(catchups.size(), 1);
        QTRY_COMPARE(sink.count(QStringLiteral("gotify/ops")), 3);
        server.postMessage(QStringLiteral("through the proxy"));
        direct.postMessage(QStringLiteral("direct"));
        QTRY_COMPARE(sink.count(QStringLiteral("gotify/ops")), 4);
        QTRY_COMPARE(sink.count(QStringLiteral("gotify/plain")), 1);

        const QString target = QStringLiteral("gotify.test:%1").arg(server.port());
        const QStringList tunnels = m_proxy.tunnels();
        QVERIFY2(tunnels.count(target) >= 2, qPrintable(tunnels.join(QLatin1Char(' ')))); // stream + REST
        QCOMPARE(tunnels.count(target), tunnels.size()); // nothing of the direct account
    }

    void proxyNone_beatsTheSystemProxy_forItsServerOnly()
    {
        qputenv("http_proxy", "http://127.0.0.1:9"); // the system's proxy, as the environment gives it
        QVERIFY(applyAccountProxies(twoAccounts(QUrl(QStringLiteral("http://direct.example:8080")),
                                                QUrl(QStringLiteral("http://other.example:8080")),
                                                QStringLiteral("none")))
                    .isEmpty());
        SystemProxyFactory factory;
        const auto proxyFor = [&factory](const char *url) {
            return factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url)))).value(0).type();
        };
        QCOMPARE(proxyFor("http://direct.example:8080/message"), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor("http://other.example:8080/message"), QNetworkProxy::HttpProxy);
        qunsetenv("http_proxy");
    }

    void badProxyValue_isAProblemAtItsPath_withoutEchoingTheUrl()
    {
        for (const QString &bad : {QStringLiteral("ftp://u:s3cr3t@proxy.example:21"),
                                   QStringLiteral("http://u:s3cr3t@proxy.example"), QStringLiteral("sometimes")}) {
            const QStringList problems = withProxy(bad).problemStrings();
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().startsWith(QStringLiteral("channels.gotify.accounts.ops.proxy: ")),
                     qPrintable(problems.first()));
            QVERIFY2(!problems.first().contains(QStringLiteral("s3cr3t")), qPrintable(problems.first()));
        }
        for (const QString &good :
             {QStringLiteral("system"), QStringLiteral("none"), QStringLiteral("socks5://127.0.0.1:1080"),
              QStringLiteral("http://u:p@h:3128")}) {
            QVERIFY2(withProxy(good).problems.isEmpty(), qPrintable(good));
        }
    }
};

QTEST_GUILESS_MAIN(TestGotifyProxy)
#include "tst_gotify_proxy.moc"
