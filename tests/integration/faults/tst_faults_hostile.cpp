// Hostile and broken Gotify servers, each contained to its account: a server that accepts and
// never answers, one that trickles its answer a byte at a time, one that redirects forever, one
// whose REST answer never ends, a
// stream that trickles a frame that never ends after the upgrade, a 16 MiB frame, deeply nested
// JSON, text that is not UTF-8, a TLS certificate for another host. The hostile account ends in Backoff with a clear reason
// within its handshake timeout (or drops the frame), and a second account on a healthy loopback
// server receives its messages meanwhile, undelayed. Real sockets on 127.0.0.1 throughout.
#include "endlessbodyserver.h"
#include "gotify/gotifyapi.h"
#include "integration/gotify/gotifytestfixture.h"
#include "net/replylimit.h"
#include "servers/gotify/testpki.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <optional>

using namespace ct;
using namespace ct::test;
using ct::testserver::GotifyServer;

namespace {
// A TCP server that answers every connection with `behaviour` (silent, trickle, redirect).
class BrokenServer : public QObject
{
public:
    enum class Behaviour { Silent, Trickle, Redirect };
    explicit BrokenServer(Behaviour behaviour) : m_behaviour(behaviour)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++m_connections;
                s->setParent(this);
                if (m_behaviour == Behaviour::Redirect) {
                    connect(s, &QTcpSocket::readyRead, s, [this, s] {
                        s->readAll();
                        s->write(QStringLiteral(
                                     "HTTP/1.1 302 Found\r\nLocation: %1/stream\r\nContent-Length: 0\r\n\r\n")
                                     .arg(url().toString())
                                     .toUtf8());
                    });
                } else if (m_behaviour == Behaviour::Trickle) {
                    auto *t = new QTimer(s);
                    connect(t, &QTimer::timeout, s, [s] { s->write("H"); }); // "HTTP/1.1 101…", never done
                    t->start(100);
                }
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int connections() const { return m_connections; }

private:
    Behaviour m_behaviour;
    QTcpServer m_server;
    int m_connections = 0;
};

GotifyEndpoint endpointAt(const QUrl &url, const QString &id)
{
    GotifyEndpoint e;
    e.address = {kGotifyChannel, id};
    e.serverUrl = url;
    e.clientToken = QStringLiteral("C-hostile-test");
    e.requestTimeoutMs = 2000;
    return e;
}
} // namespace

class TestFaultsHostile : public QObject
{
    Q_OBJECT

    // The healthy account delivers a message posted now within its own few hundred ms, while
    // `hostile` misbehaves; returns how long it took.
    static qint64 healthyDeliversMeanwhile(Sink &sink, GotifyServer &healthy)
    {
        const int before = sink.count(QStringLiteral("gotify/healthy"));
        QElapsedTimer clock;
        clock.start();
        healthy.postMessage(QStringLiteral("still flowing"));
        if (!QTest::qWaitFor([&] { return sink.count(QStringLiteral("gotify/healthy")) > before; }, 10000))
            return -1;
        return clock.elapsed();
    }

    // Both accounts connected, `push` sends the hostile server's bad frame: only the hostile
    // stream drops (in Backoff with `reason`, when given), the healthy account delivers
    // meanwhile, and the hostile one comes back and flows; the bad frame was never a message.
    void closesOnlyThatStream_reconnects_andFlows(const std::function<void(GotifyServer &)> &push,
                                                  const QString &reason = {})
    {
        GotifyServer hostile;
        GotifyServer healthy;
        QVERIFY(hostile.listen());
        QVERIFY(healthy.listen());
        Sink sink;
        GotifyConnection good(endpointFor(healthy, QStringLiteral("healthy")), fastInbound(), sink.pipeline.get(),
                              sink.history.get());
        GotifyConnection bad(endpointFor(hostile, QStringLiteral("hostile")), fastInbound(1000),
                             sink.pipeline.get(), sink.history.get());
        good.start();
        bad.start();
        QTRY_VERIFY_WITH_TIMEOUT(good.state() == AccountState::Connected && bad.state() == AccountState::Connected,
                                 10000);
        QTRY_COMPARE(hostile.streamCount(), 1);
        QSignalSpy badStates(&bad, &AccountConnection::stateChanged);
        push(hostile);
        const auto dropped = [&] {
            for (const QList<QVariant> &s : std::as_const(badStates))
                if (s.at(0).value<AccountState>() == AccountState::Backoff && s.at(1).toString().contains(reason))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(dropped(), 20000);
        const qint64 ms = healthyDeliversMeanwhile(sink, healthy);
        QVERIFY2(ms >= 0 && ms < 5000, qPrintable(QString::number(ms)));
        QTRY_COMPARE_WITH_TIMEOUT(bad.state(), AccountState::Connected, 20000); // and came back
        QTRY_COMPARE(hostile.streamCount(), 1);
        hostile.postMessage(QStringLiteral("after the bad frame"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(QStringLiteral("gotify/hostile")), 1, 10000);
        QCOMPARE(sink.count(QStringLiteral("gotify/hostile")), 1); // the bad frame was never a message
        bad.stop();
        good.stop();
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ct::InboundMessage>(); }

    void brokenServers_endInBackoffWithTheReason_andTheOtherAccountFlows_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<QString>("reason");
        QTest::newRow("accepts, never answers")
            << int(BrokenServer::Behaviour::Silent) << QStringLiteral("did not complete");
        QTest::newRow("trickles a byte at a time") << int(BrokenServer::Behaviour::Trickle) << QStringLiteral("");
        QTest::newRow("redirects forever") << int(BrokenServer::Behaviour::Redirect) << QStringLiteral("");
    }
    void brokenServers_endInBackoffWithTheReason_andTheOtherAccountFlows()
    {
        QFETCH(int, behaviour);
        QFETCH(QString, reason);
        BrokenServer broken{static_cast<BrokenServer::Behaviour>(behaviour)};
        GotifyServer healthy;
        QVERIFY(healthy.listen());
        Sink sink;
        GotifyConnection good(endpointFor(healthy, QStringLiteral("healthy")), fastInbound(), sink.pipeline.get(),
                              sink.history.get());
        GotifyConnection bad(endpointAt(broken.url(), QStringLiteral("hostile")), fastInbound(1000),
                             sink.pipeline.get(), sink.history.get());
        bad.setHandshakeTimeoutMs(800);
        QSignalSpy badStates(&bad, &AccountConnection::stateChanged);
        good.start();
        bad.start();
        QTRY_COMPARE_WITH_TIMEOUT(good.state(), AccountState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(broken.connections() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(bad.state() == AccountState::Backoff, 10000);
        QVERIFY2(bad.lastError().contains(reason), qPrintable(bad.lastError()));
        QVERIFY(!bad.lastError().isEmpty());
        const qint64 ms = healthyDeliversMeanwhile(sink, healthy);
        QVERIFY2(ms >= 0 && ms < 5000, qPrintable(QString::number(ms)));
        // It keeps trying, with backoff, and never gets further than Backoff/Connecting.
        QTRY_VERIFY_WITH_TIMEOUT(broken.connections() >= 2, 10000);
        for (const QList<QVariant> &s : std::as_const(badStates))
            QVERIFY(s.at(0).value<AccountState>() != AccountState::Connected);
        bad.stop();
        good.stop();
    }

    void restAnswerThatNeverEnds_isCutAtTheLimit_evenWhileThisThreadIsBusy_andTheOtherAccountFlows()
    {
        // The catch-up's request (GET /message) answered "200 OK" and then a body that never
        // ends, from a server on its own thread: the client holds at most kMaxAnswerBytes of it
        // (before: everything, until the request's timeout, at loopback speed hundreds of MiB a
        // second). This thread is busy for a while just after the request, as a loaded event
        // loop is: Qt's HTTP thread must stop reading at the limit by itself (before: it kept
        // reading and queueing until this thread looked, 49 MiB in one CI run, 300+ here).
        EndlessBodyServer endless;
        QVERIFY(endless.listening());
        GotifyServer healthy;
        QVERIFY(healthy.listen());
        Sink sink;
        GotifyConnection good(endpointFor(healthy, QStringLiteral("healthy")), fastInbound(), sink.pipeline.get(),
                              sink.history.get());
        good.start();
        QTRY_COMPARE_WITH_TIMEOUT(good.state(), AccountState::Connected, 10000);
        GotifyEndpoint endpoint = endpointAt(endless.url(), QStringLiteral("hostile"));
        endpoint.requestTimeoutMs = 60000;
        GotifyApi api(endpoint);
        std::optional<GotifyResult> result;
        QElapsedTimer clock;
        clock.start();
        api.listMessages(100, 0, [&](const GotifyResult &r) { result = r; });
        // Busy for 500 ms once the body has begun to come.
        QTimer busy;
        connect(&busy, &QTimer::timeout, &busy, [&] {
            if (endless.bodyBytes() == 0)
                return;
            busy.stop();
            QThread::msleep(500);
        });
        busy.start(1);
        const qint64 ms = healthyDeliversMeanwhile(sink, healthy);
        QVERIFY2(ms >= 0 && ms < 5000, qPrintable(QString::number(ms)));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        QVERIFY2(result->error.isError(), "an endless answer was taken as a page");
        QVERIFY2(result->error.message().contains(QLatin1String("larger than")),
                 qPrintable(result->error.message()));
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        // The limit, and what the kernel's socket buffers hold (a few MiB on loopback).
        QVERIFY2(endless.bodyBytes() < kMaxAnswerBytes + (16 << 20),
                 qPrintable(QStringLiteral("the client took %1 MiB").arg(endless.bodyBytes() >> 20)));
        qInfo("cut after %lld ms, %lld MiB sent", clock.elapsed(), endless.bodyBytes() >> 20);
        good.stop();
    }

    void streamTricklesAfterTheUpgrade_theMissingPongCallsItDead_reconnects_andTheOtherAccountFlows()
    {
        // After the upgrade the server sends a frame that never ends, a byte every 100 ms
        // (framestall.h): bytes keep coming, more often than the checks, but no whole frame, so
        // the stream is silent: it gets a ping after 500 ms, and no pong can come.
        GotifyServer hostile;
        GotifyServer healthy;
        QVERIFY(hostile.listen());
        QVERIFY(healthy.listen());
        hostile.setTrickleStreams(100);
        Sink sink;
        GotifyConnection good(endpointFor(healthy, QStringLiteral("healthy")), fastInbound(), sink.pipeline.get(),
                              sink.history.get());
        GotifyConnection bad(endpointFor(hostile, QStringLiteral("hostile")), fastInbound(1000),
                             sink.pipeline.get(), sink.history.get());
        good.setLivenessTiming(300, 500);
        bad.setLivenessTiming(300, 500);
        QSignalSpy badStates(&bad, &AccountConnection::stateChanged);
        good.start();
        bad.start();
        QTRY_VERIFY_WITH_TIMEOUT(good.state() == AccountState::Connected && bad.state() == AccountState::Connected,
                                 10000);
        hostile.setTrickleStreams(0);                                   // the next stream is healthy
        hostile.postMessage(QStringLiteral("pushed into the trickle")); // stored; the catch-up brings it
        const qint64 ms = healthyDeliversMeanwhile(sink, healthy);
        QVERIFY2(ms >= 0 && ms < 5000, qPrintable(QString::number(ms)));
        QTRY_VERIFY_WITH_TIMEOUT(hostile.bytesTrickled() >= 3, 10000);
        const auto deadLinkBackoff = [&] {
            for (const QList<QVariant> &s : std::as_const(badStates))
                if (s.at(0).value<AccountState>() == AccountState::Backoff
                    && s.at(1).toString().contains(QStringLiteral("no answer to ping (dead link)")))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(deadLinkBackoff(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(QStringLiteral("gotify/hostile")), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bad.state(), AccountState::Connected, 10000);
        QTRY_COMPARE(hostile.streamCount(), 1);
        hostile.postMessage(QStringLiteral("after the trickle"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(QStringLiteral("gotify/hostile")), 2, 10000);
        bad.stop();
        good.stop();
    }

    void sixteenMiBFrame_closesOnlyThatStream_whichReconnectsAndFlows()
    {
        closesOnlyThatStream_reconnects_andFlows([](GotifyServer &hostile) {
            hostile.pushRawFrames({QStringLiteral("{\"id\":1,\"message\":\"") + QString(16 << 20, QLatin1Char('x'))
                                   + QStringLiteral("\"}")});
        });
    }

    void deeplyNestedAndBrokenJson_framesAreDropped_theStreamGoesOn()
    {
        GotifyServer hostile;
        QVERIFY(hostile.listen());
        Sink sink;
        GotifyConnection bad(endpointFor(hostile, QStringLiteral("hostile")), fastInbound(), sink.pipeline.get(),
                             sink.history.get());
        bad.start();
        QTRY_COMPARE_WITH_TIMEOUT(bad.state(), AccountState::Connected, 10000);
        QTRY_COMPARE(hostile.streamCount(), 1);
        hostile.pushRawFrames({QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']')),
                               QStringLiteral("{\"id\":") + QString(50000, QLatin1Char('{')),
                               QStringLiteral("{\"id\":\"not a number\",\"message\":7}"),
                               QStringLiteral("\xff\xfe")});
        hostile.postMessage(QStringLiteral("after the garbage"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(QStringLiteral("gotify/hostile")), 1, 10000);
        QCOMPARE(bad.state(), AccountState::Connected);
        bad.stop();
    }

    void textThatIsNotUtf8_closesOnlyThatStream_withTheReason_whichReconnectsAndFlows()
    {
        // Bytes no UTF-8 decoder accepts (a lone continuation byte, an overlong '/', a surrogate)
        // in a message that is otherwise well formed: the stream is failed with 1007
        // (RFC 6455 section 8.1). The "\xff\xfe" of the test above goes through QString, so
        // arrives as valid UTF-8; these bytes are written under the WebSocket layer.
        closesOnlyThatStream_reconnects_andFlows(
            [](GotifyServer &hostile) {
                hostile.pushRawTextPayloads(
                    {QByteArray("{\"id\":90,\"appid\":1,\"message\":\"\x80\xc0\xaf\xed\xa0\x80\"}")});
            },
            QStringLiteral("(close code 1007): a text message that is not UTF-8"));
    }

    void certificateForAnotherHost_refusedBeforeAnyRequest_andTheOtherAccountFlows()
    {
        // Signed by the CA the account trusts (its caCertFile), but issued for other.example,
        // not for the 127.0.0.1 the account connects to: the token must not go to it.
        testserver::TestPki pki;
        QString error;
        QVERIFY2(pki.generate(&error), qPrintable(error));
        GotifyServer hostile;
        hostile.setTls(pki.otherHostConfiguration());
        GotifyServer healthy;
        QVERIFY(hostile.listen());
        QVERIFY(healthy.listen());
        Sink sink;
        GotifyConnection good(endpointFor(healthy, QStringLiteral("healthy")), fastInbound(), sink.pipeline.get(),
                              sink.history.get());
        GotifyEndpoint endpoint = endpointFor(hostile, QStringLiteral("hostile"));
        endpoint.caCertFile = pki.caCertFile();
        GotifyConnection bad(endpoint, fastInbound(2), sink.pipeline.get(), sink.history.get());
        QSignalSpy badStates(&bad, &AccountConnection::stateChanged);
        good.start();
        bad.start();
        QTRY_COMPARE_WITH_TIMEOUT(good.state(), AccountState::Connected, 10000);
        // Said as what it is: a caCertFile cannot help (the account has the right one).
        QTRY_VERIFY_WITH_TIMEOUT(
            bad.lastError().contains(QLatin1String("TLS certificate is for another host name")), 10000);
        QVERIFY2(!bad.lastError().contains(QLatin1String("caCertFile")), qPrintable(bad.lastError()));
        std::optional<GotifyResult> rest; // and the REST calls (catch-up, probe) the same way
        GotifyApi api(endpoint);
        api.version([&](const GotifyResult &r) { rest = r; });
        QTRY_VERIFY_WITH_TIMEOUT(rest.has_value(), 10000);
        QCOMPARE(rest->error.kind, GotifyError::Kind::Tls);
        QVERIFY2(rest->error.message().contains(QLatin1String("TLS certificate is for another host name"))
                     && !rest->error.message().contains(QLatin1String("caCertFile")),
                 qPrintable(rest->error.message()));
        const qint64 ms = healthyDeliversMeanwhile(sink, healthy);
        QVERIFY2(ms >= 0 && ms < 5000, qPrintable(QString::number(ms)));
        QTRY_COMPARE_WITH_TIMEOUT(bad.state(), AccountState::Failed, 10000); // after its bounded retries
        for (const QList<QVariant> &s : std::as_const(badStates))
            QVERIFY(s.at(0).value<AccountState>() != AccountState::Connected);
        QCOMPARE(hostile.streamCount(), 0);
        QVERIFY2(hostile.requestLog().isEmpty(), "a request (and its token) reached the wrong host");
        bad.stop();
        good.stop();
    }
};

QTEST_GUILESS_MAIN(TestFaultsHostile)
#include "tst_faults_hostile.moc"
