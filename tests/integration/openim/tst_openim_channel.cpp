// OpenImConnection + OpenImRest against the loopback OpenIM server (real sockets).
#include "openim/openimconnection.h"
#include "openim/openimprobe.h"
#include "openim/openimrest.h"
#include "openimtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace ct;
using ct::loopback::OpenImLoopbackServer;

class TestOpenImChannel : public QObject, private testsupport::OpenImInboundFixture
{
    Q_OBJECT
private:
    QStringList tokens;

    OpenImAccountConfig account(const QString &id, OpenImLoopbackServer &s, bool withIds = false)
    {
        OpenImAccountConfig a;
        a.id = id;
        a.wsAddr = s.wsAddr();
        a.apiAddr = s.apiAddr();
        if (withIds) {
            a.userID = "u_bot";
            a.platformID = 7;
        }
        return a;
    }
    QString token(OpenImLoopbackServer &s, const QString &user, int platform = 7)
    {
        tokens << s.mintToken(user, platform);
        return tokens.last();
    }
    static SendRequest sendRequest(const QString &recipient, SendRequest::Kind kind, const QString &value)
    {
        SendRequest r;
        r.recipient = recipient;
        r.kind = kind;
        (kind == SendRequest::Kind::Text ? r.text : r.url) = value;
        return r;
    }
    std::unique_ptr<OpenImConnection> connectBot(const OpenImAccountConfig &a, const QString &t)
    {
        auto c = std::make_unique<OpenImConnection>(a, t, pipeline.get(), history.get());
        c->start();
        return c;
    }

private Q_SLOTS:
    void initTestCase() { testsupport::startCapturingLogs(); }
    void cleanupTestCase()
    {
        // No token in any log line of the whole suite.
        const QStringList lines = testsupport::stopCapturingLogs();
        QVERIFY(!lines.isEmpty());
        QVERIFY2(!testsupport::anyLineContains(lines, tokens), "token leaked into a log line");
    }
    void init() { setUpInbound(this); }
    void cleanup() { tearDownInbound(); }

    void connect_claimsFillIds_handshakeParams_directAndGroupPushes()
    {
        OpenImLoopbackServer second;
        QVERIFY(second.start());
        second.addUser("u_bot2");
        second.addUser("u_carol");
        auto a = connectBot(account("primary", *server), token(*server, "u_bot", 7)); // ids from claims
        auto b = connectBot(account("second", second), token(second, "u_bot2", 3));
        QTRY_COMPARE(a->state(), AccountState::Connected);
        QTRY_COMPARE(b->state(), AccountState::Connected);
        const auto &hs = server->handshakes().constLast();
        QCOMPARE(hs.query.queryItemValue("sendID"), QString("u_bot"));
        QCOMPARE(hs.query.queryItemValue("platformID"), QString("7"));
        QCOMPARE(hs.query.queryItemValue("isBackground"), QString("false"));
        QCOMPARE(hs.query.queryItemValue("isMsgResp"), QString("true"));
        QCOMPARE(hs.query.queryItemValue("sdkType"), QString("js"));
        QVERIFY(!hs.query.queryItemValue("operationID").isEmpty());
        QCOMPARE(second.handshakes().constLast().query.queryItemValue("platformID"), QString("3"));
        for (int i = 0; i < 20; ++i)
            server->deliverDirect("u_alice", "u_bot", QString("direct %1").arg(i));
        for (int i = 0; i < 5; ++i)
            server->deliverGroup("u_bob", "g_ops", QString("group %1").arg(i));
        second.deliverDirect("u_carol", "u_bot2", "on the second server");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 20);
        QTRY_COMPARE(deliveredCount("sg_g_ops"), 5);
        QTRY_COMPARE(deliveredCount("si_u_bot2_u_carol"), 1);
        const auto first = *std::find_if(delivered.begin(), delivered.end(),
                                         [](const InboundMessage &m) { return m.text == "direct 0"; });
        QCOMPARE(first.peer, QString("u_alice"));
        QCOMPARE(first.seq, qint64(1));
        QCOMPARE(first.account.toString(), QString("multi-openim/primary"));
    }

    void dropTcp_thenMissed250And30_allArriveOnce()
    {
        auto c = connectBot(account("primary", *server, true), token(*server, "u_bot"));
        c->setBackoff(Backoff(50, 200, 0, 0.0));
        QTRY_COMPARE(c->state(), AccountState::Connected);
        server->deliverDirect("u_alice", "u_bot", "before");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 1);
        QVERIFY(pipeline->flush());
        QCOMPARE(server->dropTcp("u_bot"), 1);
        QTRY_VERIFY(c->state() != AccountState::Connected);
        for (int i = 0; i < 250; ++i)
            server->storeDirectSilently("u_alice", "u_bot", QString("missed %1").arg(i));
        for (int i = 0; i < 30; ++i)
            server->storeGroupSilently("u_bob", "g_ops", QString("missed group %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), AccountState::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount("si_u_alice_u_bot"), 251, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount("sg_g_ops"), 30, 15000);
        QSet<QString> ids;
        for (const auto &m : delivered)
            ids.insert(m.id);
        QCOMPARE(ids.size(), delivered.size()); // once each
        // A gap inside pushes is pulled too.
        server->storeDirectSilently("u_alice", "u_bot", "lost push");
        server->deliverDirect("u_alice", "u_bot", "after the lost one");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 253);
    }

    void send_textPictureVideoFile_toUserAndGroup()
    {
        auto c = connectBot(account("primary", *server, true), token(*server, "u_bot"));
        QTRY_COMPARE(c->state(), AccountState::Connected);
        QSignalSpy done(c.get(), &OpenImConnection::sendFinished);
        const struct
        {
            QString target;
            SendRequest::Kind kind;
            QString value;
            int type;
        } cases[] = {
            {"user:u_alice", SendRequest::Kind::Text, "hello", 101},
            {"group:g_ops", SendRequest::Kind::Text, "hello group", 101},
            {"user:u_alice", SendRequest::Kind::Picture, "http://x/p.png", 102},
            {"group:g_ops", SendRequest::Kind::Video, "http://x/v.mp4", 104},
            {"user:u_alice", SendRequest::Kind::File, "http://x/report.pdf", 105},
        };
        for (const auto &k : cases) {
            const int before = int(done.size());
            c->send(sendRequest(k.target, k.kind, k.value));
            QTRY_COMPARE(int(done.size()), before + 1);
            const auto result = done.last().at(1).value<SendResult>();
            QVERIFY2(result.ok, qPrintable(result.error));
            QVERIFY(!result.serverId.isEmpty());
            QVERIFY(result.time.isValid());
            const auto &m = server->receivedMsgs().back();
            QCOMPARE(QString::fromStdString(m.sendid()), QString("u_bot"));
            QCOMPARE(m.contenttype(), k.type);
            QCOMPARE(QString::fromStdString(m.clientmsgid()), result.clientId);
            QCOMPARE(m.senderplatformid(), 7);
            const bool group = k.target.startsWith("group:");
            QCOMPARE(m.sessiontype(), group ? 3 : 1);
            QCOMPARE(QString::fromStdString(group ? m.groupid() : m.recvid()), k.target.section(':', 1));
            const QJsonObject content = QJsonDocument::fromJson(QByteArray::fromStdString(m.content())).object();
            if (k.type == 101)
                QCOMPARE(content.value("content").toString(), k.value);
            if (k.type == 102)
                QCOMPARE(content.value("sourcePicture").toObject().value("url").toString(), k.value);
            if (k.type == 104)
                QCOMPARE(content.value("videoUrl").toString(), k.value);
            if (k.type == 105) {
                QCOMPARE(content.value("sourceUrl").toString(), k.value);
                QCOMPARE(content.value("fileName").toString(), QString("report.pdf"));
            }
            // The sent message, ready for the history (whoever asked for the send stores it).
            QCOMPARE(result.sent.account, c->address());
            QCOMPARE(result.sent.id, result.clientId);
            QCOMPARE(result.sent.direction, InboundMessage::Direction::Out);
            QCOMPARE(result.sent.peer, k.target.section(':', 1));
        }
        c->send(sendRequest("nobody", SendRequest::Kind::Text, "x"));
        QTRY_COMPARE(int(done.size()), 6);
        QCOMPARE(done.last().at(1).value<SendResult>().errCode, -3);
    }

    void tokenErrors_needsLoginWithVendorEvent_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("event");
        for (int code : {1501, 1502, 1503, 1504, 1505, 1507})
            QTest::newRow(qPrintable(QString::number(code)))
                << code << (code == 1501 ? "OnUserTokenExpired" : "OnUserTokenInvalid");
        QTest::newRow("1506") << 1506 << "OnKickedOffline";
    }
    void tokenErrors_needsLoginWithVendorEvent()
    {
        QFETCH(int, code);
        QFETCH(QString, event);
        tokens << server->mintBadToken("u_bot", 7, code);
        auto c = std::make_unique<OpenImConnection>(account("primary", *server, true), tokens.last(),
                                                    pipeline.get(), history.get());
        QSignalSpy problem(c.get(), &OpenImConnection::tokenProblem);
        c->start();
        QTRY_COMPARE(c->state(), AccountState::NeedsLogin);
        QCOMPARE(c->detail(), event);
        QCOMPARE(problem.size(), 1);
        QCOMPARE(problem.first().at(1).toInt(), code);
        const int handshakes = int(server->handshakes().size());
        // No reconnect with the same token: none is announced (Backoff with its time), and
        // nothing queued is left to open the socket again.
        QVERIFY(!c->nextRetryAt().isValid());
        QCoreApplication::processEvents();
        QCOMPARE(c->state(), AccountState::NeedsLogin);
        QCOMPARE(int(server->handshakes().size()), handshakes);
    }

    void kick_needsLogin_noReconnect()
    {
        auto c = connectBot(account("primary", *server, true), token(*server, "u_bot"));
        QTRY_COMPARE(c->state(), AccountState::Connected);
        QSignalSpy problem(c.get(), &OpenImConnection::tokenProblem);
        QCOMPARE(server->kick("u_bot"), 1);
        QTRY_COMPARE(c->state(), AccountState::NeedsLogin);
        QCOMPARE(problem.first().at(0).toString(), QString("OnKickedOffline"));
        QCOMPARE(server->onlineCount("u_bot"), 0);
    }

    void heartbeat_keepsConnectionPastReadDeadline_andGarbageFrameIsDropped()
    {
        server->setReadDeadlineMs(600);
        auto c = connectBot(account("primary", *server, true), token(*server, "u_bot"));
        c->setHeartbeatIntervalMs(200);
        QTRY_COMPARE(c->state(), AccountState::Connected);
        const int handshakes = int(server->handshakes().size());
        QTRY_VERIFY_WITH_TIMEOUT(server->gateway().pingsReceived() >= 10, 5000); // ≥ 2 s, > 3 deadlines
        QCOMPARE(c->state(), AccountState::Connected);
        QCOMPARE(int(server->handshakes().size()), handshakes);
        QVERIFY(c->latencyMs() >= 0);
        QCOMPARE(server->sendGarbage("u_bot"), 1);
        server->deliverDirect("u_alice", "u_bot", "still alive");
        QTRY_COMPARE(deliveredCount("si_u_alice_u_bot"), 1);
        QCOMPARE(int(server->handshakes().size()), handshakes);
    }

    void restHttpError_textHidesTheApiAddrsPasswordQueryAndFragment()
    {
        // Qt's text for an HTTP error quotes the whole URL; the error reaches the probe's
        // problem (doctor, status API, tray).
        QTcpServer http;
        QVERIFY(http.listen(QHostAddress::LocalHost));
        QObject::connect(&http, &QTcpServer::newConnection, &http, [&http] {
            QTcpSocket *s = http.nextPendingConnection();
            QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->disconnectFromHost();
            });
        });
        OpenImAccountConfig a;
        a.id = QStringLiteral("p");
        a.apiAddr = QStringLiteral("http://u:pw-s3cret@127.0.0.1:%1/api?key=q-s3cret#access_token=f-s3cret")
                        .arg(http.serverPort());
        QNetworkAccessManager network;
        OpenImRest rest(a, QStringLiteral("t"), &network);
        std::optional<OpenImRestResult> r;
        rest.parseToken([&](const OpenImRestResult &x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QVERIFY(!r->ok);
        QVERIFY2(r->error.contains(QStringLiteral("Bad Gateway")), qPrintable(r->error));
        QVERIFY2(!r->error.contains(QStringLiteral("s3cret")), qPrintable(r->error));
        QVERIFY2(r->error.contains(QStringLiteral("/api/auth/parse_token?…#…")), qPrintable(r->error));
    }

    void friendGuard_onRefusesLocally_offReadsFriends()
    {
        server->store().addFriend("u_bot", "u_alice");
        server->store().addFriendApplication({"u_bob", "u_bot", "hi", 0});
        QNetworkAccessManager network;
        auto a = account("primary", *server, true);
        const QString t = token(*server, "u_bot");
        OpenImRest guarded(a, t, &network);
        std::optional<OpenImRestResult> r;
        guarded.friendList("u_bot", [&](const OpenImRestResult &x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QVERIFY(!r->ok);
        QCOMPARE(r->code, QString("MULTI_OPENIM_FRIEND_API_DISABLED"));
        QVERIFY(r->error.contains("multi-openim/primary"));
        QVERIFY(!server->rest().calledPaths().contains("/friend/get_friend_list"));
        a.disableFriendSdk = false;
        OpenImRest open(a, t, &network);
        r.reset();
        open.friendList("u_bot", [&](const OpenImRestResult &x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QVERIFY2(r->ok, qPrintable(r->error));
        QCOMPARE(r->data.toObject().value("friendsInfo").toArray().size(), 1);
        r.reset();
        open.friendApplications("u_bot", [&](const OpenImRestResult &x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QCOMPARE(r->data.toObject().value("friendRequests").toArray().size(), 1);
        // parse_token / get_users_info via the probe
        const auto probe = OpenImProbe::runBlocking(a, t);
        QVERIFY(probe.reachable && probe.tokenValid);
        QCOMPARE(probe.userID, QString("u_bot"));
        QVERIFY(probe.latencyMs >= 0);
        QVERIFY(probe.expiresAt > QDateTime::currentDateTimeUtc());
    }
};

QTEST_GUILESS_MAIN(TestOpenImChannel)
#include "tst_openim_channel.moc"
