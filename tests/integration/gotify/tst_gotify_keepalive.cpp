// The Gotify stream's keep-alive (docs/protocols.md "Stream"): gotify/server pings every stream
// every 45 s, so the client relies on those pings. It sends one ping after connecting (for the
// latency) and none while the server keeps pinging; a server silent past the quiet time gets one
// ping, and when that brings nothing back either the link is dead and the account reconnects.
// The server is the scripted raw peer (tests/servers/websocket): only it can leave a ping
// unanswered. It answers the catch-up's REST call with an empty page.
#include "gotifytestfixture.h"
#include "rawwebsocketpeer.h"

#include <QElapsedTimer>

using namespace ct;
using ct::testserver::RawWebSocketPeer;

namespace {
constexpr int kPing = 0x9;
constexpr int kPong = 0xA;

int framesOf(const RawWebSocketPeer &peer, int opcode)
{
    int n = 0;
    for (const auto &f : peer.frames())
        n += f.opcode == opcode ? 1 : 0;
    return n;
}
} // namespace

class TestGotifyKeepalive : public QObject
{
    Q_OBJECT
    std::unique_ptr<RawWebSocketPeer> m_peer;
    std::unique_ptr<test::Sink> m_sink;
    std::unique_ptr<GotifyConnection> m_conn;

    GotifyEndpoint endpoint() const
    {
        GotifyEndpoint e;
        e.address = {kGotifyChannel, QStringLiteral("ops")};
        e.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_peer->port()));
        e.clientToken = QStringLiteral("C");
        e.requestTimeoutMs = 5000;
        return e;
    }

private Q_SLOTS:
    void init()
    {
        m_peer = std::make_unique<RawWebSocketPeer>();
        m_peer->setAnswer([](const QByteArray &head) {
            if (head.startsWith("GET /stream "))
                return RawWebSocketPeer::upgradeAnswer(head);
            return RawWebSocketPeer::httpAnswer(200, "OK",
                                                R"({"messages":[],"paging":{"size":0,"since":0,"limit":100}})");
        });
        QVERIFY(m_peer->listen());
        m_sink = std::make_unique<test::Sink>();
        m_conn = std::make_unique<GotifyConnection>(endpoint(), test::fastInbound(), m_sink->pipeline.get(),
                                                    m_sink->history.get());
        m_conn->setLivenessTiming(50, 300); // checks every 50 ms; 300 ms of silence gets a ping
    }
    void cleanup()
    {
        m_conn.reset();
        m_sink.reset();
        m_peer.reset();
    }

    void serverPings_keepTheLinkAlive_andTheClientPingsOnlyOnceForTheLatency()
    {
        QTimer serverPings;
        connect(&serverPings, &QTimer::timeout, this,
                [this] { m_peer->send(RawWebSocketPeer::frame(kPing, "s")); });
        m_conn->start();
        QTRY_COMPARE(m_conn->state(), AccountState::Connected);
        serverPings.start(100);
        // 12 server pings answered: four quiet times, 24 liveness checks.
        QTRY_VERIFY_WITH_TIMEOUT(framesOf(*m_peer, kPong) >= 12, 10000);
        QCOMPARE(m_peer->connections(), 1);
        QCOMPARE(m_conn->state(), AccountState::Connected);
        QCOMPARE(framesOf(*m_peer, kPing), 1);
    }

    void silentServer_getsOnePing_andIsADeadLinkWhenThatBringsNothing()
    {
        int pingsOnFirst = 0;
        connect(m_peer.get(), &RawWebSocketPeer::frameReceived, this, [&] {
            if (m_peer->connections() == 1 && m_peer->frames().constLast().opcode == kPing)
                ++pingsOnFirst;
        });
        QSignalSpy states(m_conn.get(), &AccountConnection::stateChanged);
        m_conn->start();
        QTRY_COMPARE(m_conn->state(), AccountState::Connected);
        QElapsedTimer connectedFor;
        connectedFor.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_peer->connections() >= 2, 10000);
        QVERIFY2(connectedFor.elapsed() >= 300, qPrintable(QString::number(connectedFor.elapsed())));
        QCOMPARE(pingsOnFirst, 2); // the latency ping, then the one after 300 ms of silence
        bool backoff = false;
        for (const auto &s : std::as_const(states))
            backoff |= s.at(0).value<AccountState>() == AccountState::Backoff
                       && s.at(1).toString().contains(QLatin1String("dead link"));
        QVERIFY(backoff);
        QTRY_COMPARE(m_conn->state(), AccountState::Connected);
    }

    void serverThatNeverPingsButAnswers_keepsTheLink_withOnePingPerQuietTime()
    {
        connect(m_peer.get(), &RawWebSocketPeer::frameReceived, this, [this] {
            const auto f = m_peer->frames().constLast();
            if (f.opcode == kPing)
                m_peer->send(RawWebSocketPeer::frame(kPong, f.payload));
        });
        m_conn->start();
        QTRY_COMPARE(m_conn->state(), AccountState::Connected);
        QTRY_VERIFY_WITH_TIMEOUT(framesOf(*m_peer, kPing) >= 5, 10000); // four quiet times
        QCOMPARE(m_peer->connections(), 1);
        QCOMPARE(m_conn->state(), AccountState::Connected);
        QVERIFY(m_conn->latencyMs() >= 0);
    }
};

QTEST_GUILESS_MAIN(TestGotifyKeepalive)
#include "tst_gotify_keepalive.moc"
