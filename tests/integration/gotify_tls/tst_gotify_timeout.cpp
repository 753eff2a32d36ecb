// Request timeouts of the per-account REST queue against a server that accepts the TCP
// connection and never answers (a bare QTcpServer on 127.0.0.1): the request fails with
// GotifyError::Kind::Timeout after the endpoint's requestTimeoutMs, and the queue moves on —
// still one request in flight at a time.
#include "gotify/gotifyrestclient.h"
#include "integration/gotify/gotifytestfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace ct;
using ct::testserver::GotifyServer;

namespace {
constexpr int kTimeoutMs = 300;
constexpr int kEarlyMs = 20; // QTimer may fire a little early (coarse timers)

// Accepts every connection, reads nothing, answers nothing; remembers who came and when.
struct SilentServer
{
    QTcpServer server;
    QList<QTcpSocket *> sockets;
    QList<qint64> acceptedAtMs;

    bool listen()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                sockets << s;
                acceptedAtMs << QDateTime::currentMSecsSinceEpoch();
            }
        });
        return server.listen(QHostAddress::LocalHost);
    }
    int openCount() const
    {
        int n = 0;
        for (QTcpSocket *s : sockets)
            n += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        return n;
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())); }
};

struct Outcome
{
    GotifyResult result;
    qint64 doneAtMs = 0;
    qint64 afterMs = 0; // since the first request was queued
};

GotifyRestClient::Request get(const QString &path)
{
    GotifyRestClient::Request r;
    r.path = path;
    return r;
}
} // namespace

class TestGotifyTimeout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void silentServer_timesOut_thenQueueMovesOnToTheRealServer()
    {
        SilentServer silent;
        QVERIFY(silent.listen());
        GotifyServer real;
        QVERIFY(real.listen());

        GotifyEndpoint e = test::endpointFor(real, QStringLiteral("slow"));
        e.requestTimeoutMs = kTimeoutMs;
        const GotifyEndpoint realEndpoint = e;
        e.serverUrl = silent.url();
        GotifyRestClient rest(e);

        QElapsedTimer clock;
        clock.start();
        QList<Outcome> outcomes;
        auto record = [&](const GotifyResult &r) {
            outcomes.append({r, QDateTime::currentMSecsSinceEpoch(), clock.elapsed()});
        };
        rest.send(get(QStringLiteral("/version")), record);
        // The request has reached the silent server (head sent) and hangs there.
        QTRY_COMPARE(silent.sockets.size(), 1);
        QTRY_VERIFY(silent.sockets.first()->bytesAvailable() > 0);
        QVERIFY(silent.sockets.first()->readAll().startsWith("GET /version "));

        // Later requests of the same account go to the real server; they wait their turn.
        rest.setEndpoint(realEndpoint);
        rest.send(get(QStringLiteral("/version")), record);
        rest.send(get(QStringLiteral("/current/user")), record);
        QCOMPARE(rest.pending(), 3);
        QVERIFY(real.requestLog().isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 10000);
        const Outcome &timedOut = outcomes.at(0);
        QVERIFY2(timedOut.result.error.kind == GotifyError::Kind::Timeout,
                 qPrintable(GotifyError::kindName(timedOut.result.error.kind) + QLatin1Char(' ')
                            + timedOut.result.error.message()));
        QCOMPARE(timedOut.result.httpStatus, 0);
        QVERIFY2(timedOut.afterMs >= kTimeoutMs - kEarlyMs, qPrintable(QString::number(timedOut.afterMs)));
        QVERIFY2(timedOut.afterMs < 5000, qPrintable(QString::number(timedOut.afterMs)));
        QVERIFY(timedOut.result.error.message().contains(QLatin1String("did not answer in time")));

        QVERIFY2(outcomes.at(1).result.ok(), qPrintable(outcomes.at(1).result.error.message()));
        QCOMPARE(outcomes.at(1).result.value.toObject().value(QStringLiteral("version")).toString(),
                 real.version());
        QVERIFY2(outcomes.at(2).result.ok(), qPrintable(outcomes.at(2).result.error.message()));

        // One in flight at a time: the real server saw nothing before the timeout, and the second
        // request only after the first had its answer.
        const auto log = real.requestLog();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).path, QStringLiteral("/version"));
        QCOMPARE(log.at(1).path, QStringLiteral("/current/user"));
        QVERIFY(log.at(0).receivedAtMs >= timedOut.doneAtMs);
        QVERIFY(log.at(1).receivedAtMs >= outcomes.at(1).doneAtMs);
        // The hanging request was aborted, not left open.
        QTRY_COMPARE(silent.openCount(), 0);
        QCOMPARE(rest.pending(), 0);
    }

    void silentServer_everyQueuedRequestTimesOutInTurn()
    {
        SilentServer silent;
        QVERIFY(silent.listen());
        GotifyEndpoint e;
        e.address = {kGotifyChannel, QStringLiteral("silent")};
        e.serverUrl = silent.url();
        e.clientToken = QStringLiteral("Cnotreal123456");
        e.requestTimeoutMs = kTimeoutMs;
        GotifyRestClient rest(e);

        QElapsedTimer clock;
        clock.start();
        QList<Outcome> outcomes;
        for (int i = 0; i < 3; ++i)
            rest.send(get(QStringLiteral("/version")), [&](const GotifyResult &r) {
                outcomes.append({r, QDateTime::currentMSecsSinceEpoch(), clock.elapsed()});
            });
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 10000);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(outcomes.at(i).result.error.kind == GotifyError::Kind::Timeout);
            // Each waited its own full timeout after the previous one gave up.
            QVERIFY2(outcomes.at(i).afterMs >= (i + 1) * (kTimeoutMs - kEarlyMs),
                     qPrintable(QStringLiteral("#%1 after %2 ms").arg(i).arg(outcomes.at(i).afterMs)));
        }
        // Each connection opened only after the previous request gave up: never two in flight.
        QCOMPARE(silent.acceptedAtMs.size(), 3);
        QVERIFY(silent.acceptedAtMs.at(1) >= outcomes.at(0).doneAtMs);
        QVERIFY(silent.acceptedAtMs.at(2) >= outcomes.at(1).doneAtMs);
    }
};

QTEST_GUILESS_MAIN(TestGotifyTimeout)
#include "tst_gotify_timeout.moc"
