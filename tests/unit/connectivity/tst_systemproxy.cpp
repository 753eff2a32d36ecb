// The application's proxy: the system's (here from http_proxy/https_proxy/no_proxy, set before
// the first query), except that loopback hosts are always reached directly.
#include "net/systemproxy.h"

#include <QNetworkProxyQuery>
#include <QUrl>
#include <QtTest>

using namespace ct;

class TestSystemProxy : public QObject
{
    Q_OBJECT
    SystemProxyFactory m_factory;

    QNetworkProxy proxyFor(const QString &url)
    {
        const QList<QNetworkProxy> list = m_factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
        return list.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : list.first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("http_proxy", "http://127.0.0.1:3128");
        qputenv("https_proxy", "http://127.0.0.1:3128");
        qputenv("no_proxy", "intranet.example.org");
    }

    void systemProxy_isUsedForRemoteHosts()
    {
        const QNetworkProxy p = proxyFor(QStringLiteral("https://gotify.example.com/stream"));
        QCOMPARE(p.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(p.hostName(), QStringLiteral("127.0.0.1"));
        QCOMPARE(p.port(), quint16(3128));
    }
    void loopbackHosts_neverGoThroughTheProxy()
    {
        for (const QString &url : {QStringLiteral("ws://127.0.0.1:10001/"), QStringLiteral("http://127.5.6.7:80/"),
                                   QStringLiteral("http://localhost:8080/"), QStringLiteral("http://[::1]:8080/"),
                                   QStringLiteral("http://api.localhost/")})
            QCOMPARE(proxyFor(url).type(), QNetworkProxy::NoProxy);
    }
    void noProxy_isHonoured()
    {
        QCOMPARE(proxyFor(QStringLiteral("https://intranet.example.org/")).type(), QNetworkProxy::NoProxy);
    }
    void isLoopbackHost_isNotFooledByLookAlikes()
    {
        QVERIFY(!SystemProxyFactory::isLoopbackHost(QStringLiteral("127.0.0.1.example.com")));
        QVERIFY(!SystemProxyFactory::isLoopbackHost(QStringLiteral("localhost.example.com")));
        QVERIFY(!SystemProxyFactory::isLoopbackHost(QStringLiteral("10.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestSystemProxy)
#include "tst_systemproxy.moc"
