// The status endpoint's HTTP server over real sockets on 127.0.0.1: what reaches the handler,
// what is refused before it (400, 401, 405, 408, 414, 431), and that slow or stuck clients only
// ever hold their own bounded slots.
#include "status/statushttpserver.h"
#include "unit/status/rawhttp.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <vector>

using namespace ct;
using ct::test::getRequest;
using ct::test::rawRequest;

class TestStatusHttpServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<StatusHttpServer> m_server;
    QStringList m_handled;

    void start(const QString &token = {}, StatusHttpServer::Limits limits = {})
    {
        m_server = std::make_unique<StatusHttpServer>();
        m_server->setLimits(limits);
        m_server->setBearerToken(token);
        m_handled.clear();
        m_server->setHandler([this](const HttpRequestHead &head, StatusHttpServer::Reply reply) {
            m_handled << head.path();
            reply({200, "application/json", "{\"ok\":true}", {}});
        });
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

private Q_SLOTS:
    void get_reachesTheHandler_andTheAnswerIsComplete()
    {
        start();
        const auto r = rawRequest(m_server->port(), getRequest("/status"));
        QVERIFY(r.closed);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"ok\":true}"));
        QCOMPARE(r.headers.value("content-length"), QByteArray::number(r.body.size()));
        QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QCOMPARE(m_handled, QStringList{"/status"});
    }

    void otherMethods_are405WithAllowGet_withoutReachingTheHandler()
    {
        start();
        for (const QByteArray method : {"POST", "PUT", "DELETE", "HEAD", "OPTIONS"}) {
            const auto r = rawRequest(m_server->port(), method + " /status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            QCOMPARE(r.status, 405);
            QCOMPARE(r.headers.value("allow"), QByteArray("GET"));
        }
        QVERIFY(m_handled.isEmpty());
    }

    void malformedRequests_are400_andOversizedOnes414Or431()
    {
        start();
        QCOMPARE(rawRequest(m_server->port(), "GARBAGE\r\n\r\n").status, 400);
        QCOMPARE(rawRequest(m_server->port(), "GET /" + QByteArray(5000, 'a') + " HTTP/1.1\r\n").status, 414);
        QByteArray big = "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 0; i < 40; ++i)
            big += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(300, 'x') + "\r\n";
        QCOMPARE(rawRequest(m_server->port(), big + "\r\n").status, 431);
        QVERIFY(m_handled.isEmpty());
    }

    void withAToken_missingOrWrongBearer_is401_rightOneIsAnswered()
    {
        start(QStringLiteral("correct-horse"));
        const auto none = rawRequest(m_server->port(), getRequest("/status"));
        QCOMPARE(none.status, 401);
        QVERIFY(none.headers.value("www-authenticate").startsWith("Bearer"));
        QCOMPARE(
            rawRequest(m_server->port(), getRequest("/status", "Authorization: Bearer correct-hors\r\n")).status,
            401);
        QCOMPARE(
            rawRequest(m_server->port(), getRequest("/status", "Authorization: Bearer correct-horse2\r\n")).status,
            401);
        QCOMPARE(
            rawRequest(m_server->port(), getRequest("/status", "Authorization: Basic Y29ycmVjdC1ob3JzZQ==\r\n"))
                .status,
            401);
        // A wrong token on another method is still 401: nothing is told before authentication.
        QCOMPARE(rawRequest(m_server->port(), "POST /status HTTP/1.1\r\nHost: x\r\n\r\n").status, 401);
        QVERIFY(m_handled.isEmpty());
        QCOMPARE(
            rawRequest(m_server->port(), getRequest("/status", "Authorization: bearer correct-horse\r\n")).status,
            200);
        QCOMPARE(m_handled.size(), 1);
    }

    void withoutAToken_aHostThatIsNotAnAddress_isRefused()
    {
        start();
        const auto rebound = rawRequest(m_server->port(),
                                        "GET /status HTTP/1.1\r\nHost: attacker.example:9465\r\n\r\n");
        QCOMPARE(rebound.status, 400);
        QVERIFY(m_handled.isEmpty());
        for (const QByteArray host : {"127.0.0.1:9465", "localhost", "[::1]:9465", "LOCALHOST:1"})
            QCOMPARE(rawRequest(m_server->port(), "GET /status HTTP/1.1\r\nHost: " + host + "\r\n\r\n").status,
                     200);
    }

    void slowClients_holdAtMostTheBound_getA408_andThenOthersAreServed()
    {
        StatusHttpServer::Limits limits;
        limits.maxConnections = 4;
        limits.headTimeoutMs = 300;
        limits.writeTimeoutMs = 300;
        start({}, limits);
        // Eight slowloris clients: each sends part of a head and then nothing.
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        int closedByServer = 0;
        QByteArray answers;
        for (int i = 0; i < 8; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = s.get();
            connect(raw, &QTcpSocket::connected, raw, [raw] { raw->write("GET /status HTTP/1.1\r\nHo"); });
            connect(raw, &QTcpSocket::readyRead, raw, [raw, &answers] { answers += raw->readAll(); });
            connect(raw, &QTcpSocket::disconnected, raw, [&closedByServer] { ++closedByServer; });
            raw->connectToHost(QHostAddress::LocalHost, m_server->port());
            slow.push_back(std::move(s));
        }
        QTRY_COMPARE_WITH_TIMEOUT(closedByServer, 8, 20000);
        QCOMPARE(m_server->peakConnections(), 4);
        QCOMPARE(answers.count("HTTP/1.1 408 "), 8);
        QVERIFY(m_handled.isEmpty());
        QTRY_COMPARE(m_server->openConnections(), 0);
        QCOMPARE(rawRequest(m_server->port(), getRequest("/status")).status, 200);
    }

    void aLateAnswer_forAClientThatLeft_isDropped()
    {
        m_server = std::make_unique<StatusHttpServer>();
        StatusHttpServer::Reply later;
        m_server->setHandler(
            [&](const HttpRequestHead &, StatusHttpServer::Reply reply) { later = std::move(reply); });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0, nullptr));
        QTcpSocket client;
        connect(&client, &QTcpSocket::connected, &client, [&] { client.write(getRequest("/doctor")); });
        client.connectToHost(QHostAddress::LocalHost, m_server->port());
        QTRY_VERIFY(bool(later));
        QSignalSpy closed(m_server.get(), &StatusHttpServer::connectionClosed);
        client.abort();
        QTRY_COMPARE(closed.size(), 1);
        later({200, "application/json", "{}", {}}); // must not crash nor write anywhere
        QCOMPARE(m_server->openConnections(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStatusHttpServer)
#include "tst_statushttpserver.moc"
