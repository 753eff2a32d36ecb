// Redaction: the single place that formats URLs, headers and text for logs masks every
// credential and keeps everything else readable.
#include "net/redact.h"

#include <QNetworkRequest>
#include <QtTest>

using namespace ct;

class TestRedact : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactUrl_gotifyStreamToken_isMasked()
    {
        const QString out = redactUrl(QUrl("wss://push.example.org/stream?token=CsecretAbc.123"));
        QCOMPARE(out, QStringLiteral("wss://push.example.org/stream?token=***"));
    }

    void redactUrl_sensitiveQueryItems_areMasked_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"token", "TOKEN", "key", "access_token", "password", "apiKey", "client_secret",
                                 "x-gotify-key", "refreshToken", "auth", "to%6Ben"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void redactUrl_sensitiveQueryItems_areMasked()
    {
        QFETCH(QString, name);
        const QUrl url(QStringLiteral("https://h.example/api?since=42&%1=S3cr3tValue99&limit=100").arg(name));
        const QString out = redactUrl(url);
        QVERIFY2(!out.contains(QLatin1String("S3cr3tValue99")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("since=42&")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("=***&limit=100")), qPrintable(out));
    }

    void redactUrl_harmlessUrl_isUnchanged()
    {
        const QUrl url(QStringLiteral("http://127.0.0.1:8080/message?since=10&limit=100#top"));
        QCOMPARE(redactUrl(url), url.toString(QUrl::FullyEncoded));
    }

    void redactUrl_userInfoPassword_isMasked_andTheUserKept()
    {
        const QString out = redactUrl(QUrl("https://admin:hunter2secret@gotify.example/application"));
        QCOMPARE(out, QStringLiteral("https://admin:***@gotify.example/application"));
    }

    void redactUrl_tokenInTheFragment_isMasked()
    {
        const QString out = redactUrl(QUrl("https://h.example/cb#access_token=FragTok987&state=ok"));
        QVERIFY2(!out.contains(QLatin1String("FragTok987")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("state=ok")));
    }

    void redactUrl_percentEncodedSecret_leavesNoTrace()
    {
        const QString secret = QStringLiteral("a+b/c=d&e f%g");
        QUrl url(QStringLiteral("https://h.example/x"));
        url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(secret))
                     + QStringLiteral("&n=1"));
        const QString out = redactUrl(url);
        QVERIFY2(!out.contains(QLatin1String("a+b")) && !out.contains(QLatin1String("a%2Bb")), qPrintable(out));
        QVERIFY(out.endsWith(QLatin1String("token=***&n=1")));
    }

    void redactUrl_repeatedAndValuelessItems_areHandled()
    {
        const QString out = redactUrl(QUrl("http://h/x?token=one1one&token=two2two&token&flag"));
        QVERIFY(!out.contains(QLatin1String("one1one")));
        QVERIFY(!out.contains(QLatin1String("two2two")));
        QVERIFY(out.endsWith(QLatin1String("?token=***&token=***&token&flag")));
    }

    void redactUrl_emptyOrInvalid_neverEchoesTheInput()
    {
        QCOMPARE(redactUrl(QUrl()), QString());
        const QUrl invalid(QStringLiteral("http://[::1:token=InvalidSecret"), QUrl::StrictMode);
        QVERIFY(!invalid.isValid());
        QVERIFY(!redactUrl(invalid).contains(QLatin1String("InvalidSecret")));
    }

    void redactHeader_sensitiveNames_areMasked_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gotify key") << QByteArray("X-Gotify-Key") << QByteArray("AbCdEf123")
                                    << QStringLiteral("X-Gotify-Key: ***");
        QTest::newRow("gotify key lower")
            << QByteArray("x-gotify-key") << QByteArray("AbCdEf123") << QStringLiteral("x-gotify-key: ***");
        QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer eyJhbGciOi.x.y")
                                << QStringLiteral("Authorization: Bearer ***");
        QTest::newRow("basic") << QByteArray("authorization") << QByteArray("Basic YWRtaW46cHc=")
                               << QStringLiteral("authorization: Basic ***");
        QTest::newRow("bare authorization")
            << QByteArray("Authorization") << QByteArray("rawtoken") << QStringLiteral("Authorization: ***");
        QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic abc")
                               << QStringLiteral("Proxy-Authorization: Basic ***");
        QTest::newRow("openim token") << QByteArray("token") << QByteArray("eyJhbGciOi.a.b")
                                      << QStringLiteral("token: ***");
        QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("sid=abc; other=def")
                                << QStringLiteral("Cookie: ***");
        QTest::newRow("set-cookie") << QByteArray("Set-Cookie") << QByteArray("sid=abc")
                                    << QStringLiteral("Set-Cookie: ***");
        QTest::newRow("api key") << QByteArray("X-Api-Key") << QByteArray("k123")
                                 << QStringLiteral("X-Api-Key: ***");
        QTest::newRow("auth token") << QByteArray("X-Auth-Token") << QByteArray("t123")
                                    << QStringLiteral("X-Auth-Token: ***");
        QTest::newRow("secret") << QByteArray("Client-Secret") << QByteArray("s123")
                                << QStringLiteral("Client-Secret: ***");
    }

    void redactHeader_sensitiveNames_areMasked()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        QCOMPARE(redactHeader(name, value), expected);
    }

    void redactHeader_plainHeaders_areKept()
    {
        QCOMPARE(redactHeader("Content-Type", "application/json"),
                 QStringLiteral("Content-Type: application/json"));
        QCOMPARE(redactHeader("operationID", "op-17"), QStringLiteral("operationID: op-17"));
        QCOMPARE(redactHeader("User-Agent", "ChannelTray/0.1"), QStringLiteral("User-Agent: ChannelTray/0.1"));
    }

    void redactHeaders_list_masksEachSensitiveValue()
    {
        const QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"},
                                                           {"X-Gotify-Key", "ListSecret1"},
                                                           {"token", "ListSecret2"},
                                                           {"operationID", "42"}};
        QCOMPARE(redactHeaders(headers),
                 QStringLiteral("Content-Type: application/json, X-Gotify-Key: ***, token: ***, "
                                "operationID: 42"));
    }

    void redactHeaders_networkRequest_masksEachSensitiveValue()
    {
        QNetworkRequest request(QUrl("http://h/x"));
        request.setRawHeader("X-Gotify-Key", "ReqSecret1");
        request.setRawHeader("Accept", "application/json");
        const QString out = redactHeaders(request);
        QVERIFY(!out.contains(QLatin1String("ReqSecret1")));
        QVERIFY(out.contains(QLatin1String("X-Gotify-Key: ***")));
        QVERIFY(out.contains(QLatin1String("Accept: application/json")));
    }

    void redactText_knownSecrets_areReplaced()
    {
        const QString text = QStringLiteral("sent Abc123 then Abc123XYZ and a%2Bb%2Fc and a+b/c, empty ok");
        const QString out = redactText(
            text, {QString(), QStringLiteral("Abc123"), QStringLiteral("Abc123XYZ"), QStringLiteral("a+b/c")});
        QCOMPARE(out, QStringLiteral("sent *** then *** and *** and ***, empty ok"));
    }

    void redactText_noSecrets_returnsTheTextUnchanged()
    {
        QCOMPARE(redactText(QStringLiteral("hello"), {}), QStringLiteral("hello"));
        QCOMPARE(redactText(QStringLiteral("hello"), {QString()}), QStringLiteral("hello"));
    }

    void isSensitiveName_knowsCredentialNames()
    {
        for (const char *name : {"token", "Key", "ACCESS_TOKEN", "password", "passwd", "X-Gotify-Key",
                                 "Authorization", "cookie", "sessionId", "app_secret"})
            QVERIFY2(isSensitiveName(QString::fromLatin1(name)), name);
        for (const char *name : {"", "since", "limit", "Content-Type", "operationID", "priority"})
            QVERIFY2(!isSensitiveName(QString::fromLatin1(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
