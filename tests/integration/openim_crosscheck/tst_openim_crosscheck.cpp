// The vendor's own JS SDK (@openim/client-sdk under Node 20 with npm `ws`) logs in to the
// loopback OpenIM server, receives, sends and reconnects — so the server cannot quietly
// drift from what the real protocol accepts.
#include "openimloopbackserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using ct::loopback::OpenImLoopbackServer;

class SdkProcess : public QObject
{
public:
    QProcess process;
    QList<QJsonObject> events;

    bool start(const QJsonObject &config)
    {
        const QString dir = qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR") + "/tests/servers/openim-crosscheck";
        process.setWorkingDirectory(dir);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, this, [this] {
            while (process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(process.readLine()).object();
                if (!o.isEmpty())
                    events << o;
            }
        });
        QObject::connect(&process, &QProcess::readyReadStandardError, this,
                         [this] { process.readAllStandardError(); }); // SDK noise, no tokens printed here
        process.start(QStringLiteral("node"), {QStringLiteral("crosscheck.mjs")});
        if (!process.waitForStarted(10000))
            return false;
        // The token goes through stdin, never argv.
        process.write(QJsonDocument(config).toJson(QJsonDocument::Compact) + '\n');
        return true;
    }
    void command(const QJsonObject &cmd)
    {
        process.write(QJsonDocument(cmd).toJson(QJsonDocument::Compact) + '\n');
    }
    int count(const QString &event) const
    {
        int n = 0;
        for (const auto &e : events)
            n += e.value(QStringLiteral("event")).toString() == event;
        return n;
    }
    QJsonObject last(const QString &event) const
    {
        for (auto it = events.crbegin(); it != events.crend(); ++it)
            if (it->value(QStringLiteral("event")).toString() == event)
                return *it;
        return {};
    }
    ~SdkProcess() override
    {
        process.kill();
        process.waitForFinished(5000);
    }
};

class TestOpenImCrosscheck : public QObject
{
    Q_OBJECT
private:
    OpenImLoopbackServer *server = nullptr;

    QJsonObject configFor(const QString &user, const QString &token)
    {
        return QJsonObject{{"wsAddr", server->wsAddr()},
                           {"apiAddr", server->apiAddr()},
                           {"userID", user},
                           {"platformID", 5},
                           {"token", token}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QFAIL("node (20) is not installed: the cross-check needs it");
        const QString modules = qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR")
                                + "/tests/servers/openim-crosscheck/node_modules/@openim/client-sdk";
        if (!QFileInfo::exists(modules))
            QFAIL("npm packages missing: run tools/npm-deps.sh");
    }

    void init()
    {
        server = new OpenImLoopbackServer(this);
        QVERIFY(server->start());
        server->addUser("u_alice", "Alice");
        server->addUser("u_bob", "Bob");
        server->addGroup("g_cc", {"u_alice", "u_bob"}, "Cross-check");
    }

    void cleanup()
    {
        delete server;
        server = nullptr;
    }

    void vendorSdk_logsInReceivesSendsAndReconnects()
    {
        SdkProcess sdk;
        QVERIFY(sdk.start(configFor("u_alice", server->mintToken("u_alice", 5))));
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("connected") == 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("syncFinished") == 1, 20000);
        QCOMPARE(sdk.count("syncFailed"), 0);

        // The handshake the vendor SDK makes is the one docs/protocols.md "Connect" describes.
        const auto &hs = server->handshakes().constLast();
        QCOMPARE(hs.errCode, 0);
        QCOMPARE(hs.query.queryItemValue("sendID"), QString("u_alice"));
        QCOMPARE(hs.query.queryItemValue("platformID"), QString("5"));
        QCOMPARE(hs.query.queryItemValue("isBackground"), QString("false"));
        QCOMPARE(hs.query.queryItemValue("isMsgResp"), QString("true"));
        QCOMPARE(hs.query.queryItemValue("sdkType"), QString("js"));
        QVERIFY(!hs.query.queryItemValue("operationID").isEmpty());

        // Receive a direct and a group message (pushes, 2001).
        const auto direct = server->deliverDirect("u_bob", "u_alice", "hello alice");
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("message") == 1, 10000);
        QCOMPARE(sdk.last("message").value("text").toString(), QString("hello alice"));
        QCOMPARE(sdk.last("message").value("clientMsgID").toString(),
                 QString::fromStdString(direct.clientmsgid()));
        QCOMPARE(sdk.last("message").value("seq").toInt(), 1);
        server->deliverGroup("u_bob", "g_cc", "hello group");
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("message") == 2, 10000);
        QCOMPARE(sdk.last("message").value("groupID").toString(), QString("g_cc"));

        // Send (1003, bare MsgData) to a user and to the group.
        sdk.command({{"cmd", "send"}, {"to", "u_bob"}, {"text", "hi bob"}});
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("sent") == 1, 10000);
        QCOMPARE(server->receivedMsgs().size(), size_t(1));
        const auto &sent = server->receivedMsgs().back();
        QCOMPARE(QString::fromStdString(sent.sendid()), QString("u_alice"));
        QCOMPARE(QString::fromStdString(sent.recvid()), QString("u_bob"));
        QCOMPARE(sent.sessiontype(), 1);
        QCOMPARE(sent.contenttype(), 101);
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(sent.content()))
                     .object()
                     .value("content")
                     .toString(),
                 QString("hi bob"));
        QVERIFY(!sdk.last("sent").value("serverMsgID").toString().isEmpty());
        QCOMPARE(server->store().maxSeq("si_u_alice_u_bob"), qint64(2));
        sdk.command({{"cmd", "sendGroup"}, {"group", "g_cc"}, {"text", "hi group"}});
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("sent") == 2, 10000);
        QCOMPARE(server->receivedMsgs().back().sessiontype(), 3);
        QCOMPARE(QString::fromStdString(server->receivedMsgs().back().groupid()), QString("g_cc"));

        // The server drops TCP without a close frame: the SDK reconnects and receives again.
        QCOMPARE(server->dropTcp("u_alice"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(server->onlineCount("u_alice") == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("connected") >= 2 || sdk.count("syncFinished") >= 2, 30000);
        server->deliverDirect("u_bob", "u_alice", "after reconnect");
        QTRY_VERIFY_WITH_TIMEOUT(sdk.last("message").value("text").toString() == "after reconnect", 10000);

        // Kicked (2002): the SDK reports OnKickedOffline.
        QCOMPARE(server->kick("u_alice"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("kicked") == 1, 10000);
        // Nothing the server answered made the SDK throw — except one known bug of the SDK
        // (0.0.14): its reconnect catch-up builds the 1002 ranges with `[].concat(map.entries())`,
        // which yields no ranges and throws "reading '0'"; it does so against any server as soon
        // as a conversation is behind after a reconnect. Anything else fails the test.
        int unexpected = 0;
        for (const auto &e : sdk.events) {
            const QString name = e.value("event").toString();
            const bool known = name == "unhandledRejection"
                               && e.value("message").toString()
                                      == "Cannot read properties of undefined (reading '0')";
            if ((name.contains("Exception") || name.contains("Rejection") || name == "syncFailed") && !known) {
                qWarning() << e;
                ++unexpected;
            }
        }
        QCOMPARE(unexpected, 0);
    }

    void vendorSdk_tokenErrors_mapToVendorEvents_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("event");
        QTest::newRow("1501 expired") << 1501 << "tokenExpired";
        QTest::newRow("1502 invalid") << 1502 << "tokenInvalid";
        QTest::newRow("1507 not exist") << 1507 << "tokenInvalid";
    }

    void vendorSdk_tokenErrors_mapToVendorEvents()
    {
        QFETCH(int, code);
        QFETCH(QString, event);
        SdkProcess sdk;
        QVERIFY(sdk.start(configFor("u_alice", server->mintBadToken("u_alice", 5, code))));
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count("connectFailed") >= 1, 20000);
        QCOMPARE(sdk.last("connectFailed").value("errCode").toInt(), code);
        QTRY_VERIFY_WITH_TIMEOUT(sdk.count(event) == 1, 10000);
        QCOMPARE(server->handshakes().constLast().errCode, code);
    }
};

QTEST_GUILESS_MAIN(TestOpenImCrosscheck)
#include "tst_openim_crosscheck.moc"
