// Hostile and broken OpenIM gateways, each contained to its account: one that accepts and never
// answers, one that trickles its upgrade, one that upgrades and never sends the handshake answer,
// one that answers the handshake and then trickles a frame that never ends, a 16 MiB frame, a gzip bomb, frames of the wrong wire type and garbage JSON or protobuf. The
// hostile account either drops the frame and goes on, or ends in Backoff with a clear reason and
// reconnects; a second account on a healthy loopback gateway delivers meanwhile. Real sockets on
// 127.0.0.1 against the loopback OpenIM server (tests/servers/openim) throughout.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "openim/openimconnection.h"
#include "openim/openimframe.h"
#include "openimloopbackserver.h"
#include "sdkws.pb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ct;
using ct::loopback::LoopbackGateway;
using ct::loopback::OpenImLoopbackServer;

namespace {
// A push (2001) answer envelope around `data` (docs/protocols.md "Frames").
QByteArray envelope(const QByteArray &data)
{
    return QByteArrayLiteral("{\"reqIdentifier\":2001,\"msgIncr\":\"\",\"operationID\":\"x\",\"errCode\":0,"
                             "\"errMsg\":\"\",\"data\":\"")
           + data.toBase64() + QByteArrayLiteral("\"}");
}
} // namespace

class TestFaultsOpenIm : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<OpenImLoopbackServer> m_healthy;
    std::unique_ptr<OpenImLoopbackServer> m_hostile;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<InboundPipeline> m_pipeline;
    std::unique_ptr<OpenImConnection> m_good;
    std::unique_ptr<OpenImConnection> m_bad;
    QHash<QString, int> m_delivered; // account id → messages delivered
    QHash<QString, int> m_streamed;  // … of them from a push (not the catch-up)
    int m_historyFiles = 0;

    static std::unique_ptr<OpenImLoopbackServer> startServer()
    {
        auto s = std::make_unique<OpenImLoopbackServer>();
        if (!s->start())
            return nullptr;
        for (const char *u : {"u_bot", "u_alice"})
            s->addUser(u);
        return s;
    }
    std::unique_ptr<OpenImConnection> connection(OpenImLoopbackServer &s, const QString &id, bool gzip = false)
    {
        OpenImAccountConfig a;
        a.id = id;
        a.wsAddr = s.wsAddr();
        a.apiAddr = s.apiAddr();
        a.userID = "u_bot";
        a.platformID = 7;
        a.compression = gzip ? QStringLiteral("gzip") : QString();
        auto c = std::make_unique<OpenImConnection>(a, s.mintToken("u_bot", 7), m_pipeline.get(), m_history.get());
        c->setBackoff(Backoff(200, 400, 0, 0.0));
        c->setHandshakeTimeoutMs(800);
        return c;
    }
    // The healthy account delivers a message sent now, while the hostile one misbehaves.
    bool healthyDeliversMeanwhile()
    {
        const int before = m_delivered.value("healthy");
        m_healthy->deliverDirect("u_alice", "u_bot", "still flowing");
        return QTest::qWaitFor([&] { return m_delivered.value("healthy") > before; }, 10000);
    }
    // Both accounts up: the healthy one connected, the hostile one as far as its server lets it.
    void startBoth(bool gzip = false)
    {
        m_good = connection(*m_healthy, "healthy");
        m_bad = connection(*m_hostile, "hostile", gzip);
        m_good->start();
        m_bad->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_good->state(), AccountState::Connected, 10000);
    }
    // After a fault that dropped the connection: Backoff with `reason`, a reconnect, and a
    // message sent to the hostile account's server then arrives (the catch-up or the push).
    void reconnectsAndFlowsAfter(const QString &reason)
    {
        QSignalSpy states(m_bad.get(), &AccountConnection::stateChanged);
        QTRY_VERIFY_WITH_TIMEOUT(m_bad->lastError().contains(reason), 20000);
        QVERIFY(healthyDeliversMeanwhile());
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 20000);
        bool wentThroughBackoff = false;
        for (const QList<QVariant> &s : std::as_const(states))
            wentThroughBackoff |= s.at(0).value<AccountState>() == AccountState::Backoff;
        QVERIFY(wentThroughBackoff);
        const int before = m_delivered.value("hostile");
        m_hostile->deliverDirect("u_alice", "u_bot", "after the fault");
        QTRY_COMPARE_WITH_TIMEOUT(m_delivered.value("hostile"), before + 1, 10000);
    }

private Q_SLOTS:
    void init()
    {
        m_healthy = startServer();
        m_hostile = startServer();
        QVERIFY(m_healthy && m_hostile);
        m_history = std::make_unique<HistoryStore>(m_dir.filePath(QString("h%1.sqlite").arg(++m_historyFiles)));
        QVERIFY(m_history->open());
        m_pipeline = std::make_unique<InboundPipeline>(*m_history, Config{});
        m_delivered.clear();
        m_streamed.clear();
        connect(m_pipeline.get(), &InboundPipeline::delivered, this, [this](const InboundMessage &m) {
            ++m_delivered[m.account.accountId];
            m_streamed[m.account.accountId] += m.via == InboundMessage::Via::Stream ? 1 : 0;
        });
    }
    void cleanup()
    {
        m_bad.reset();
        m_good.reset();
        m_pipeline.reset();
        m_history.reset();
        m_hostile.reset();
        m_healthy.reset();
    }

    void stalledHandshakes_endInBackoffWithTheReason_retry_andTheOtherAccountFlows_data()
    {
        QTest::addColumn<int>("stall");
        QTest::newRow("accepts, never answers") << int(LoopbackGateway::Stall::Silent);
        QTest::newRow("trickles its upgrade") << int(LoopbackGateway::Stall::Trickle);
        QTest::newRow("upgrades, never answers the handshake")
            << int(LoopbackGateway::Stall::UpgradeWithoutAnswer);
    }
    void stalledHandshakes_endInBackoffWithTheReason_retry_andTheOtherAccountFlows()
    {
        QFETCH(int, stall);
        m_hostile->gateway().setStall(static_cast<LoopbackGateway::Stall>(stall));
        startBoth();
        QSignalSpy states(m_bad.get(), &AccountConnection::stateChanged);
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Backoff, 10000);
        QVERIFY2(m_bad->lastError().contains("did not complete the connection within 0.8 s"),
                 qPrintable(m_bad->lastError()));
        QVERIFY(healthyDeliversMeanwhile());
        // It keeps trying, with backoff, and never gets further than Backoff/Connecting.
        QTRY_VERIFY_WITH_TIMEOUT(m_hostile->gateway().connectionsAccepted() >= 2, 10000);
        for (const QList<QVariant> &s : std::as_const(states))
            QVERIFY(s.at(0).value<AccountState>() != AccountState::Connected);
        // When the server behaves again, the account connects.
        m_hostile->gateway().setStall(LoopbackGateway::Stall::None);
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
    }

    void tricklesAfterTheHandshakeAnswer_theHeartbeatCallsItDead_reconnects_andTheOtherAccountIsNotDelayed()
    {
        // After a good handshake answer the gateway sends a frame that never ends, a byte every
        // 100 ms (framestall.h): bytes keep coming, more often than the heartbeat, but never a
        // pong. The app pings every 15 s against a byte a second; here 600 ms against 100 ms.
        m_hostile->gateway().setStall(LoopbackGateway::Stall::TrickleAfterAnswer);
        m_hostile->gateway().setTrickleIntervalMs(100);
        m_good = connection(*m_healthy, "healthy");
        m_bad = connection(*m_hostile, "hostile");
        m_good->setHeartbeatIntervalMs(600);
        m_bad->setHeartbeatIntervalMs(600);
        QSignalSpy badStates(m_bad.get(), &AccountConnection::stateChanged);
        m_good->start();
        m_bad->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_good->state(), AccountState::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000); // the answer came
        m_hostile->gateway().setStall(LoopbackGateway::Stall::None); // the next connection is healthy
        // A push now disappears into the endless frame; the server keeps it for the catch-up.
        m_hostile->deliverDirect("u_alice", "u_bot", "pushed into the trickle");
        QElapsedTimer healthyTook;
        healthyTook.start();
        QVERIFY(healthyDeliversMeanwhile());
        QVERIFY2(healthyTook.elapsed() < 5000, qPrintable(QString::number(healthyTook.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(m_hostile->gateway().bytesTrickled() >= 3, 10000);
        // The heartbeat calls the link dead (bytes alone do not keep it alive) and it reconnects.
        const auto deadLinkBackoff = [&] {
            for (const QList<QVariant> &s : std::as_const(badStates))
                if (s.at(0).value<AccountState>() == AccountState::Backoff
                    && s.at(1).toString().contains("no answer to ping (dead link)"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(deadLinkBackoff(), 10000);
        // The message pushed into the trickle arrives once, through the catch-up after the
        // reconnect; a later one through the push.
        QTRY_COMPARE_WITH_TIMEOUT(m_delivered.value("hostile"), 1, 10000);
        QCOMPARE(m_streamed.value("hostile"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
        m_hostile->deliverDirect("u_alice", "u_bot", "after the trickle");
        QTRY_COMPARE_WITH_TIMEOUT(m_delivered.value("hostile"), 2, 10000);
        QVERIFY(m_pipeline->flush());
        QCOMPARE(m_delivered.value("hostile"), 2);
    }

    void sixteenMiBFrame_closesOnlyThatConnection_whichReconnectsAndFlows()
    {
        startBoth();
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
        QCOMPARE(m_hostile->gateway().sendRawBinary("u_bot", QByteArray(16 << 20, 'x')), 1);
        reconnectsAndFlowsAfter("a frame over 8 MiB");
    }

    void gzipBomb_closesOnlyThatConnection_whichReconnectsAndFlows()
    {
        startBoth(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
        const QByteArray bomb = ct::openim::gzipCompress(QByteArray(64 << 20, '\0')); // ~64 KiB on the wire
        QVERIFY(bomb.size() < OpenImConnection::kMaxFrameBytes / 16);
        QCOMPARE(m_hostile->gateway().sendRawBinary("u_bot", bomb), 1);
        reconnectsAndFlowsAfter("inflates past 8 MiB");
    }

    void binaryFrameBeforeTheHandshakeAnswer_isDropped_theCatchUpBringsItsMessageOnce()
    {
        // The server sends a push (binary) before its handshake answer (text): dropped; the
        // message is stored on the server, so the catch-up after the handshake brings it.
        const auto msg = m_hostile->storeDirectSilently("u_alice", "u_bot", "pushed too early");
        ::openim::sdkws::PushMessages push;
        *(*push.mutable_msgs())["si_u_alice_u_bot"].add_msgs() = msg;
        const std::string bytes = push.SerializeAsString();
        m_hostile->gateway().setFrameBeforeAnswer(envelope(QByteArray(bytes.data(), int(bytes.size()))));
        startBoth();
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_bad->catchUpIdle() && m_delivered.value("hostile") == 1, 10000);
        QCOMPARE(m_streamed.value("hostile"), 0); // from the catch-up, not the early push
        QVERIFY(m_pipeline->flush());
        QCOMPARE(m_delivered.value("hostile"), 1);
    }

    void wrongWireTypesAndGarbage_areDropped_theConnectionGoesOn()
    {
        startBoth();
        QTRY_COMPARE_WITH_TIMEOUT(m_bad->state(), AccountState::Connected, 10000);
        const int handshakes = int(m_hostile->handshakes().size());
        // A push envelope as a text frame (binary expected), text garbage, binary garbage, an
        // envelope whose protobuf is garbage or has a wrong wire type, deeply nested JSON.
        const QByteArray pushBody = [] {
            ::openim::sdkws::PushMessages push;
            auto &pull = (*push.mutable_msgs())["si_u_alice_u_bot"];
            pull.add_msgs()->set_seq(1);
            const std::string b = push.SerializeAsString();
            return QByteArray(b.data(), int(b.size()));
        }();
        QCOMPARE(m_hostile->gateway().sendRawText("u_bot", QString::fromLatin1(envelope(pushBody))), 1);
        m_hostile->gateway().sendRawText("u_bot", QStringLiteral("\x01 not json"));
        m_hostile->gateway().sendRawText("u_bot", QString(100000, QLatin1Char('[')));
        m_hostile->gateway().sendRawBinary("u_bot", QByteArrayLiteral("\x01not json"));
        m_hostile->gateway().sendRawBinary("u_bot", QByteArray(100000, '{'));
        m_hostile->gateway().sendRawBinary("u_bot", envelope(QByteArrayLiteral("\xff\xff\xff\xff\x0f garbage")));
        // Field 1 (the msgs map, length-delimited) sent as a varint, then a truncated length.
        m_hostile->gateway().sendRawBinary("u_bot", envelope(QByteArrayLiteral("\x08\x01\x0a\x7f")));
        m_hostile->gateway().sendRawBinary("u_bot", QByteArrayLiteral("{\"reqIdentifier\":\"2001\",\"data\":7}"));
        // A well-formed push whose content is deeply nested JSON, and one that is not UTF-8.
        m_hostile->deliverDirect("u_alice", "u_bot", {}, 101, QByteArray(100000, '['));
        m_hostile->deliverDirect("u_alice", "u_bot", {}, 101, QByteArrayLiteral("{\"content\":\"\xff\xfe\"}"));
        QVERIFY(healthyDeliversMeanwhile());
        m_hostile->deliverDirect("u_alice", "u_bot", "after the garbage");
        QTRY_COMPARE_WITH_TIMEOUT(m_delivered.value("hostile"), 3, 10000);
        QCOMPARE(m_bad->state(), AccountState::Connected);
        QCOMPARE(int(m_hostile->handshakes().size()), handshakes);
        // The text frame that looked like a push was not delivered: 3 are the server's own.
        QCOMPARE(m_history->openimMaxSeqs(m_bad->address()).value("si_u_alice_u_bot"), 3);
    }
};

QTEST_GUILESS_MAIN(TestFaultsOpenIm)
#include "tst_faults_openim.moc"
