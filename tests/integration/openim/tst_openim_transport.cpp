// OpenImConnection transport variants against the loopback OpenIM server (real sockets):
// compression=gzip end to end (handshake, push, pull, send), and a refused handshake answered
// as plain HTTP 200 JSON without upgrade, read like the error text frame.
#include "inbound/sentmessage.h"
#include "openim/openimconnection.h"
#include "openimtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace ct;
using ct::loopback::OpenImLoopbackServer;

class TestOpenImTransport : public QObject, private testsupport::OpenImInboundFixture
{
    Q_OBJECT
private:
    QStringList tokens;

    OpenImAccountConfig account(const QString &compression = {})
    {
        OpenImAccountConfig a;
        a.id = "primary";
        a.wsAddr = server->wsAddr();
        a.apiAddr = server->apiAddr();
        a.userID = "u_bot";
        a.platformID = 7;
        a.compression = compression;
        return a;
    }
    std::unique_ptr<OpenImConnection> connection(const OpenImAccountConfig &a, const QString &token)
    {
        tokens << token;
        auto c = std::make_unique<OpenImConnection>(a, token, pipeline.get(), history.get());
        c->setBackoff(Backoff(50, 200, 0, 0.0));
        return c;
    }
    int refusedOverHttp() const
    {
        const auto &all = server->handshakes();
        return int(
            std::count_if(all.begin(), all.end(), [](const auto &h) { return !h.upgraded && h.errCode != 0; }));
    }

private Q_SLOTS:
    void initTestCase() { testsupport::startCapturingLogs(); }
    void cleanupTestCase()
    {
        const QStringList lines = testsupport::stopCapturingLogs();
        QVERIFY(!lines.isEmpty());
        QVERIFY2(!testsupport::anyLineContains(lines, tokens), "token leaked into a log line");
    }
    void init() { setUpInbound(this); }
    void cleanup() { tearDownInbound(); }

    void gzip_handshakeAsksForGzip_pushPullAndSendAllWork()
    {
        auto c = connection(account("gzip"), server->mintToken("u_bot", 7));
        c->start();
        QTRY_COMPARE(c->state(), AccountState::Connected);
        QCOMPARE(server->handshakes().constLast().query.queryItemValue("compression"), QString("gzip"));

        // push (2001): the server gzips every binary frame; the client inflates it.
        server->deliverDirect("u_alice", "u_bot", "pushed over gzip");
        server->deliverGroup("u_bob", "g_ops", "group over gzip");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 1);
        QTRY_COMPARE(deliveredCount("sg_g_ops"), 1);
        QCOMPARE(delivered.first().text, QString("pushed over gzip"));

        // pull (1001 + 1002 pages): the server closes the session on a frame that is not gzip,
        // so a completed catch-up proves the client's requests are gzipped too.
        QVERIFY(pipeline->flush());
        QCOMPARE(server->dropTcp("u_bot"), 1);
        QTRY_VERIFY(c->state() != AccountState::Connected);
        for (int i = 0; i < 120; ++i)
            server->storeDirectSilently("u_alice", "u_bot", QString("missed %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), AccountState::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount("si_u_alice_u_bot"), 121, 15000);
        QCOMPARE(server->handshakes().constLast().query.queryItemValue("compression"), QString("gzip"));

        // send (1003)
        QSignalSpy done(c.get(), &OpenImConnection::sendFinished);
        // As AppRuntime and `channeltray send` do: the sent message goes into the history, so the
        // server's echo of it is not delivered as a new message.
        connect(c.get(), &OpenImConnection::sendFinished, this,
                [this](int, const SendResult &r) { QVERIFY(storeSentMessage(*history, Config{}, r.sent)); });
        SendRequest request;
        request.recipient = QStringLiteral("user:u_alice");
        request.text = QStringLiteral("sent over gzip");
        c->send(request);
        QTRY_COMPARE(done.size(), 1);
        const auto result = done.first().at(1).value<SendResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.serverId.isEmpty());
        const auto &m = server->receivedMsgs().back();
        QCOMPARE(QString::fromStdString(m.clientmsgid()), result.clientId);
        QCOMPARE(
            QJsonDocument::fromJson(QByteArray::fromStdString(m.content())).object().value("content").toString(),
            QString("sent over gzip"));

        // a plain (not gzip) frame on a gzip session is dropped; the connection survives
        const int handshakes = int(server->handshakes().size());
        QCOMPARE(server->sendGarbage("u_bot"), 1);
        server->deliverDirect("u_alice", "u_bot", "still alive");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 122);
        QCOMPARE(int(server->handshakes().size()), handshakes);
        QCOMPARE(c->state(), AccountState::Connected);
    }

    void noCompression_handshakeHasNoCompressionArgument()
    {
        auto c = connection(account(), server->mintToken("u_bot", 7));
        c->start();
        QTRY_COMPARE(c->state(), AccountState::Connected);
        QVERIFY(!server->handshakes().constLast().query.hasQueryItem("compression"));
    }

    void refusalOverHttp_mappedLikeTheTextFrame_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("event");
        QTest::newRow("1501 expired") << 1501 << "OnUserTokenExpired";
        QTest::newRow("1502 invalid") << 1502 << "OnUserTokenInvalid";
        QTest::newRow("1507 not exist") << 1507 << "OnUserTokenInvalid";
        QTest::newRow("1506 kicked") << 1506 << "OnKickedOffline";
    }
    void refusalOverHttp_mappedLikeTheTextFrame()
    {
        QFETCH(int, code);
        QFETCH(QString, event);
        server->setAnswerRefusalsOverHttp(true);
        QString token = server->mintToken("u_bot", 7);
        if (code == 1506) {
            server->store().setTokensState("u_bot", 7, code);
        } else if (code == 1501) {
            server->expireTokens("u_bot");
        } else {
            token = server->mintBadToken("u_bot", 7, code);
        }
        auto c = connection(account(), token);
        QSignalSpy problem(c.get(), &OpenImConnection::tokenProblem);
        c->start();
        QTRY_COMPARE(c->state(), AccountState::NeedsLogin);
        QCOMPARE(c->detail(), event);
        QCOMPARE(problem.size(), 1);
        QCOMPARE(problem.first().at(0).toString(), event);
        QCOMPARE(problem.first().at(1).toInt(), code);
        QVERIFY(c->lastError().contains(QString::number(code)));
        // One attempt: the refusal's body came with the WebSocket answer (no second, plain GET).
        QCOMPARE(refusedOverHttp(), 1);
        const int handshakes = int(server->handshakes().size());
        // No reconnect with the same token: none is announced (Backoff with its time), and
        // nothing queued is left to open the socket again.
        QVERIFY(!c->nextRetryAt().isValid());
        QCoreApplication::processEvents();
        QCOMPARE(c->state(), AccountState::NeedsLogin);
        QCOMPARE(int(server->handshakes().size()), handshakes);
    }

    void refusalOverHttp_notATokenProblem_retriesWithBackoffThenConnects()
    {
        server->setAnswerRefusalsOverHttp(true);
        const QString token = server->mintToken("u_bot", 7);
        server->store().setTokensState("u_bot", -1, 1601); // too many connections
        auto c = connection(account(), token);
        c->start();
        QTRY_VERIFY(c->lastError().contains("OnConnectFailed (1601)"));
        QTRY_VERIFY(refusedOverHttp() >= 2); // retried
        QVERIFY(c->state() != AccountState::NeedsLogin);
        server->store().setTokensState("u_bot", -1, 0);
        QTRY_COMPARE(c->state(), AccountState::Connected);
    }

    void refusalOverHttp_thenValidToken_connects()
    {
        server->setAnswerRefusalsOverHttp(true);
        auto c = connection(account(), server->mintBadToken("u_bot", 7, 1502));
        c->start();
        QTRY_COMPARE(c->state(), AccountState::NeedsLogin);
        const QString fresh = server->mintToken("u_bot", 7);
        tokens << fresh;
        c->setToken(fresh);
        c->reconnectNow();
        QTRY_COMPARE(c->state(), AccountState::Connected);
        QVERIFY(server->handshakes().constLast().upgraded);
    }

    void serverDown_failsOverToBackoff_notStuckConnecting()
    {
        auto c = connection(account(), server->mintToken("u_bot", 7));
        server.reset(); // nothing listens any more
        c->start();
        QTRY_COMPARE(c->state(), AccountState::Backoff);
        QVERIFY(c->lastError().startsWith("connect failed"));
        server = std::make_unique<OpenImLoopbackServer>(); // for cleanup()
    }
};

QTEST_GUILESS_MAIN(TestOpenImTransport)
#include "tst_openim_transport.moc"
