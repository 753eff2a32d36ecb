// The status endpoint's request-head parser: what it accepts, and the status it refuses
// everything else with (RFC 9112 message syntax, bounded sizes).
#include "status/httprequest.h"

#include <QtTest>

using namespace ct;

class TestHttpRequest : public QObject
{
    Q_OBJECT

    static HttpRequestParser::Result parseAll(HttpRequestParser &p, const QByteArray &bytes)
    {
        return p.feed(bytes);
    }

private Q_SLOTS:
    void getFedOneByteAtATime_isCompleteOnlyAfterTheEmptyLine()
    {
        const QByteArray request = "GET /health?account=gotify%2Fops HTTP/1.1\r\nHost: 127.0.0.1:9465\r\n"
                                   "Authorization:  Bearer abc \r\nAccept: */*\r\n\r\n";
        HttpRequestParser p;
        for (qsizetype i = 0; i + 1 < request.size(); ++i)
            QCOMPARE(p.feed(request.mid(i, 1)), HttpRequestParser::Result::Incomplete);
        QCOMPARE(p.feed(request.right(1)), HttpRequestParser::Result::Complete);
        QCOMPARE(p.head().method, QByteArray("GET"));
        QCOMPARE(p.head().path(), QStringLiteral("/health"));
        QCOMPARE(p.head().query().queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded),
                 QStringLiteral("gotify/ops"));
        QCOMPARE(p.head().header("host"), QByteArray("127.0.0.1:9465"));
        QCOMPARE(p.head().header("authorization"), QByteArray("Bearer abc"));
    }

    void bareLineFeeds_andLeadingEmptyLines_areAccepted()
    {
        HttpRequestParser p;
        QCOMPARE(parseAll(p, "\r\n\nGET /metrics HTTP/1.0\nUser-Agent: x\n\n"),
                 HttpRequestParser::Result::Complete);
        QCOMPARE(p.head().path(), QStringLiteral("/metrics"));
        QCOMPARE(p.head().version, QByteArray("HTTP/1.0"));
    }

    void http10_withoutHost_isAccepted_http11_withoutHost_is400()
    {
        HttpRequestParser ok;
        QCOMPARE(parseAll(ok, "GET /status HTTP/1.0\r\n\r\n"), HttpRequestParser::Result::Complete);
        HttpRequestParser bad;
        QCOMPARE(parseAll(bad, "GET /status HTTP/1.1\r\n\r\n"), HttpRequestParser::Result::Error);
        QCOMPARE(bad.errorStatus(), 400);
        HttpRequestParser twice;
        QCOMPARE(parseAll(twice, "GET /status HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                 HttpRequestParser::Result::Error);
        QCOMPARE(twice.errorStatus(), 400);
    }

    void malformedHeads_are400_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("two words") << QByteArray("GET /status\r\n\r\n");
        QTest::newRow("four words") << QByteArray("GET /status x HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("method with a slash") << QByteArray("G/T /status HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("absolute-form target") << QByteArray("GET http://a/status HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("asterisk target") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("not HTTP") << QByteArray("GET /status SPDY/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("header without colon") << QByteArray("GET /status HTTP/1.1\r\nHost a\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET /status HTTP/1.1\r\nHost : a\r\n\r\n");
        QTest::newRow("obs-fold") << QByteArray("GET /status HTTP/1.1\r\nHost: a\r\n b\r\n\r\n");
        QTest::newRow("control char") << QByteArray("GET /status HTTP/1.1\r\nHost: a\x01\r\n\r\n");
        QTest::newRow("a body") << QByteArray("GET /status HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nabcd");
        QTest::newRow("chunked") << QByteArray(
            "GET /status HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("TLS hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16);
    }
    void malformedHeads_are400()
    {
        QFETCH(QByteArray, head);
        HttpRequestParser p;
        QCOMPARE(parseAll(p, head), HttpRequestParser::Result::Error);
        QCOMPARE(p.errorStatus(), 400);
        // Further bytes change nothing.
        QCOMPARE(p.feed("\r\n\r\n"), HttpRequestParser::Result::Error);
    }

    void otherHttpVersions_are505()
    {
        HttpRequestParser p;
        QCOMPARE(parseAll(p, "GET /status HTTP/2.0\r\nHost: a\r\n\r\n"), HttpRequestParser::Result::Error);
        QCOMPARE(p.errorStatus(), 505);
    }

    void requestLineOverTheLimit_is414_beforeItEnds()
    {
        HttpRequestParser p;
        const QByteArray line = "GET /" + QByteArray(HttpRequestParser::kMaxRequestLine, 'a');
        QCOMPARE(p.feed(line), HttpRequestParser::Result::Error); // no CRLF needed to refuse it
        QCOMPARE(p.errorStatus(), 414);
    }

    void headOverTheLimit_is431_beforeItEnds()
    {
        HttpRequestParser p;
        QCOMPARE(p.feed("GET /status HTTP/1.1\r\nHost: a\r\n"), HttpRequestParser::Result::Incomplete);
        HttpRequestParser::Result r = HttpRequestParser::Result::Incomplete;
        int fed = 0;
        while (r == HttpRequestParser::Result::Incomplete && fed < 4 * HttpRequestParser::kMaxHead) {
            r = p.feed("X-Filler: " + QByteArray(100, 'x') + "\r\n");
            fed += 112;
        }
        QCOMPARE(r, HttpRequestParser::Result::Error);
        QCOMPARE(p.errorStatus(), 431);
        QVERIFY(fed <= HttpRequestParser::kMaxHead + 112);
    }

    void moreHeaderFieldsThanTheLimit_is431()
    {
        QByteArray head = "GET /status HTTP/1.1\r\nHost: a\r\n";
        for (int i = 0; i < HttpRequestParser::kMaxHeaders; ++i)
            head += "X" + QByteArray::number(i) + ": 1\r\n";
        HttpRequestParser p;
        QCOMPARE(p.feed(head + "\r\n"), HttpRequestParser::Result::Error);
        QCOMPARE(p.errorStatus(), 431);
    }

    void response_hasLengthNoStoreAndClose()
    {
        const QByteArray r = httpResponse(503, "application/json", "{}", {{"Allow", "GET"}});
        QVERIFY(r.startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
        QVERIFY(r.contains("\r\nContent-Length: 2\r\n"));
        QVERIFY(r.contains("\r\nCache-Control: no-store\r\n"));
        QVERIFY(r.contains("\r\nConnection: close\r\n"));
        QVERIFY(r.contains("\r\nAllow: GET\r\n"));
        QVERIFY(r.endsWith("\r\n\r\n{}"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
