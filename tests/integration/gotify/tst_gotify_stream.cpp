// The Gotify stream client against the loopback server: multi-server, drops, catch-up,
// auth failures, bounded retries — and never a token in a query string.
#include "gotify/gotifydecoder.h"
#include "gotifytestfixture.h"

#include <QElapsedTimer>

using namespace ct;
using ct::testserver::GotifyServer;

class TestGotifyStream : public QObject
{
    Q_OBJECT

    static void verifyNoTokenInQuery(const GotifyServer &server)
    {
        for (const auto &rec : server.requestLog()) {
            QVERIFY2(!rec.query.contains(QLatin1String("token"), Qt::CaseInsensitive),
                     qPrintable(rec.path + QLatin1Char('?') + rec.query));
            QVERIFY2(!rec.query.contains(server.clientToken()) || server.clientToken().isEmpty(),
                     qPrintable(rec.path));
            QVERIFY2(!rec.query.contains(server.appToken()) || server.appToken().isEmpty(), qPrintable(rec.path));
        }
    }
    static int streamRequests(const GotifyServer &server)
    {
        int n = 0;
        for (const auto &rec : server.requestLog())
            n += rec.isStream ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void multiServer_twoAccounts_messagesLandOnTheirOwnAccount()
    {
        GotifyServer a, b;
        QVERIFY(a.listen());
        QVERIFY(b.listen());
        test::Sink sink;
        GotifyConnection ca(test::endpointFor(a, QStringLiteral("alpha")), test::fastInbound(),
                            sink.pipeline.get(), sink.history.get());
        GotifyConnection cb(test::endpointFor(b, QStringLiteral("beta")), test::fastInbound(), sink.pipeline.get(),
                            sink.history.get());
        ca.start();
        cb.start();
        QTRY_COMPARE(ca.state(), AccountState::Connected);
        QTRY_COMPARE(cb.state(), AccountState::Connected);
        for (int i = 0; i < 5; ++i)
            a.postMessage(QStringLiteral("a%1").arg(i));
        for (int i = 0; i < 3; ++i)
            b.postMessage(QStringLiteral("b%1").arg(i));
        QTRY_COMPARE(sink.count(QStringLiteral("gotify/alpha")), 5);
        QTRY_COMPARE(sink.count(QStringLiteral("gotify/beta")), 3);
        QCOMPARE(sink.delivered.value(QStringLiteral("gotify/alpha")), (QList<qint64>{1, 2, 3, 4, 5}));
        verifyNoTokenInQuery(a);
        verifyNoTokenInQuery(b);
    }

    void stream_serverDropsTcp_then450Posted_allDeliveredOnce()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        const QString acc = QStringLiteral("gotify/ops");
        GotifyConnection c(test::endpointFor(server, QStringLiteral("ops")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        QSignalSpy catchups(&c, &GotifyConnection::catchUpFinished);
        c.start();
        QTRY_COMPARE(c.state(), AccountState::Connected);
        QTRY_COMPARE(catchups.size(), 1);
        server.postMessage(QStringLiteral("before"));
        QTRY_COMPARE(sink.count(acc), 1);

        server.dropStreams();         // no close frame
        for (int i = 0; i < 200; ++i) // while the client is away
            server.postMessage(QStringLiteral("gap %1").arg(i));
        QTRY_COMPARE(catchups.size(), 2); // reconnected and caught up
        for (int i = 0; i < 250; ++i)     // live again
            server.postMessage(QStringLiteral("live %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(acc), 451, 20000);
        QVERIFY(sink.allOnce(acc));
        QList<qint64> sorted = sink.delivered.value(acc);
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted.first(), 1);
        QCOMPARE(sorted.last(), 451);
        QCOMPARE(sink.viaCatchup.value(acc), 200);
        // Nothing more may arrive: a last message comes after anything still on its way, and is
        // the only one that does.
        server.postMessage(QStringLiteral("sentinel"));
        QTRY_COMPARE(sink.count(acc), 452);
        QVERIFY(sink.allOnce(acc));
        verifyNoTokenInQuery(server);
    }

    void catchup_10000Missed_allRecoveredOldestFirst()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        const QString acc = QStringLiteral("gotify/ops");
        GotifyConnection c(test::endpointFor(server, QStringLiteral("ops")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        QSignalSpy catchups(&c, &GotifyConnection::catchUpFinished);
        c.start();
        QTRY_COMPARE(catchups.size(), 1);
        server.postMessage(QStringLiteral("seen"));
        QTRY_COMPARE(sink.count(acc), 1);
        QVERIFY(sink.pipeline->flush());
        QCOMPARE(sink.history->gotifyLastId({kGotifyChannel, QStringLiteral("ops")}), 1);

        c.stop();
        server.storeMissedMessages(10000);
        c.start();
        QTRY_COMPARE_WITH_TIMEOUT(catchups.size(), 2, 60000);
        QCOMPARE(catchups.last().at(0).toInt(), 10000);
        QCOMPARE(catchups.last().at(1).toInt(), 51); // 50 full pages + the one that reaches id 1
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(acc), 10001, 60000);
        QVERIFY(sink.allOnce(acc));
        const QList<qint64> ids = sink.delivered.value(acc);
        QVERIFY(std::is_sorted(ids.begin(), ids.end())); // oldest first
        QCOMPARE(sink.history->gotifyLastId({kGotifyChannel, QStringLiteral("ops")}), 10001);
        verifyNoTokenInQuery(server);
    }

    void firstConnect_deliversAtMostThe20Newest()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        server.storeMissedMessages(100);
        test::Sink sink;
        const QString acc = QStringLiteral("gotify/new");
        GotifyConnection c(test::endpointFor(server, QStringLiteral("new")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        QSignalSpy catchups(&c, &GotifyConnection::catchUpFinished);
        c.start();
        QTRY_COMPARE(catchups.size(), 1);
        QTRY_COMPARE(sink.count(acc), 20);
        QCOMPARE(sink.delivered.value(acc).first(), 81);
        QCOMPARE(sink.delivered.value(acc).last(), 100);
    }

    void firstConnect_messagesArrivingDuringTheFirstPage_areDeliveredOnceInIdOrder()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        const QString acc = QStringLiteral("gotify/new");
        GotifyConnection c(test::endpointFor(server, QStringLiteral("new")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        // 50 posted as the stream opens, before the first catch-up page is asked for: the stream
        // frames are held while that page (the 20 newest: 31..50) is fetched.
        QMetaObject::Connection posting = connect(&c, &AccountConnection::stateChanged, this,
                                                  [&](AccountState state) {
                                                      if (state != AccountState::Connected)
                                                          return;
                                                      disconnect(posting);
                                                      for (int i = 1; i <= 50; ++i)
                                                          server.postMessage(QStringLiteral("m%1").arg(i));
                                                  });
        c.start();
        QTRY_COMPARE(sink.count(acc), 50);
        QList<qint64> expected;
        for (qint64 id = 1; id <= 50; ++id)
            expected << id;
        QCOMPARE(sink.delivered.value(acc), expected); // was 31..50, then 1..30
    }

    void firstConnect_framesReadAfterTheFirstPage_areNotLeftBehindItsNewest20_allComeInIdOrder()
    {
        // The `watch` that printed message 31 first (issue 14): 100 messages before the first
        // connect, 50 more posted as the stream opens, and the client reads the catch-up's answer
        // before their stream frames (as on a loaded machine; the server holds the frames until
        // the catch-up's messages are delivered). A first page asked for after the stream opened
        // took the newest 20 of all (131..150) and left 101..130 to the stream, which delivered
        // them after. Only the newest 20 from before the stream opened are taken, then the rest.
        GotifyServer server;
        QVERIFY(server.listen());
        server.storeMissedMessages(100);
        server.holdPushes(true);
        test::Sink sink;
        const QString acc = QStringLiteral("gotify/new");
        GotifyConnection c(test::endpointFor(server, QStringLiteral("new")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        QSignalSpy catchups(&c, &GotifyConnection::catchUpFinished);
        QMetaObject::Connection posting = connect(&c, &AccountConnection::stateChanged, this,
                                                  [&](AccountState state) {
                                                      if (state != AccountState::Connected)
                                                          return;
                                                      disconnect(posting);
                                                      for (int i = 101; i <= 150; ++i)
                                                          server.postMessage(QStringLiteral("m%1").arg(i));
                                                  });
        c.start();
        QTRY_COMPARE(catchups.size(), 1);
        QVERIFY(sink.pipeline->flush());             // what the catch-up handed over is delivered
        server.holdPushes(false);                    // and only now the stream's frames arrive
        server.postMessage(QStringLiteral("after")); // comes after anything still on its way
        QTRY_COMPARE(sink.delivered.value(acc).value(sink.count(acc) - 1), 151);
        // The ids delivered, as runs: "81..151".
        QStringList runs;
        const QList<qint64> ids = sink.delivered.value(acc);
        for (qsizetype i = 0, start = 0; i < ids.size(); ++i)
            if (i + 1 == ids.size() || ids.at(i + 1) != ids.at(i) + 1) {
                runs << (start == i ? QString::number(ids.at(i))
                                    : QStringLiteral("%1..%2").arg(ids.at(start)).arg(ids.at(i)));
                start = i + 1;
            }
        QCOMPARE(runs.join(QStringLiteral(", ")), QStringLiteral("81..151")); // was 131..150, 101..130, 151
    }

    void revokedToken_failsWithAuthDetail_andBoundedRetries()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        GotifyConnection c(test::endpointFor(server, QStringLiteral("ops")), test::fastInbound(),
                           sink.pipeline.get(), sink.history.get());
        c.start();
        QTRY_COMPARE(c.state(), AccountState::Connected);
        QVERIFY(server.revokeToken(server.clientToken().isEmpty() ? QString()
                                                                  : test::endpointFor(server, {}).clientToken));
        QTRY_COMPARE(c.state(), AccountState::Failed);
        QVERIFY2(c.detail().contains(QLatin1String("client token was refused")), qPrintable(c.detail()));
        // Nothing comes next: every retry is announced (Backoff with its time), none is, and
        // nothing queued is left to open the socket again.
        QVERIFY(!c.nextRetryAt().isValid());
        QCoreApplication::processEvents();
        QCOMPARE(c.state(), AccountState::Failed);
        QCOMPARE(streamRequests(server), 2); // the first connect and the one refused retry
    }

    void badTokenAtStart_401BeforeUpgrade_failsAtOnce()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        GotifyEndpoint e = test::endpointFor(server, QStringLiteral("ops"));
        e.clientToken = QStringLiteral("C-not-a-token");
        GotifyConnection c(e, test::fastInbound(), sink.pipeline.get(), sink.history.get());
        c.start();
        QTRY_COMPARE(c.state(), AccountState::Failed);
        QVERIFY(c.detail().contains(QLatin1String("refused")));
        QVERIFY(!c.nextRetryAt().isValid()); // no retry announced
        QCoreApplication::processEvents();
        QCOMPARE(c.state(), AccountState::Failed);
        QCOMPARE(streamRequests(server), 1);
        QCOMPARE(server.requestLog().first().status, 401);
        verifyNoTokenInQuery(server);
    }

    void serverGone_backoffThenFailedAfterMaxAttempts()
    {
        quint16 port = 0;
        {
            GotifyServer gone;
            QVERIFY(gone.listen());
            port = gone.port();
        }
        test::Sink sink;
        GotifyEndpoint e;
        e.address = {kGotifyChannel, QStringLiteral("gone")};
        e.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        e.clientToken = QStringLiteral("Cwhatever");
        GotifyConnection c(e, test::fastInbound(3), sink.pipeline.get(), sink.history.get());
        QSignalSpy states(&c, &AccountConnection::stateChanged);
        c.start();
        QTRY_COMPARE(c.state(), AccountState::Failed);
        int backoffs = 0;
        for (const auto &s : states)
            backoffs += s.at(0).value<AccountState>() == AccountState::Backoff ? 1 : 0;
        QCOMPARE(backoffs, 3);
        QVERIFY(c.detail().contains(QLatin1String("gave up")));
        QVERIFY(c.nextRetryAt().isNull() || c.state() == AccountState::Failed);
    }

    void wakeFromSuspend_lateTimer_reconnectsAtOnceWithoutBackoff()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        test::Sink sink;
        InboundSettings slow = test::fastInbound();
        slow.reconnectDelayMs = 60000; // a backoff would be visible: the test would time out
        slow.maxReconnectDelayMs = 60000;
        GotifyConnection c(test::endpointFor(server, QStringLiteral("ops")), slow, sink.pipeline.get(),
                           sink.history.get());
        c.setLivenessTiming(50, 10000);
        QSignalSpy catchups(&c, &GotifyConnection::catchUpFinished);
        QSignalSpy states(&c, &AccountConnection::stateChanged);
        c.start();
        QTRY_COMPARE(catchups.size(), 1);
        // The event loop is held for 8 ping periods, as a suspended machine would be.
        QElapsedTimer held;
        held.start();
        while (held.elapsed() < 400) {
        }
        QTRY_COMPARE(catchups.size(), 2);
        for (const auto &s : states)
            QVERIFY(s.at(0).value<AccountState>() != AccountState::Backoff);
        QCOMPARE(c.state(), AccountState::Connected);
    }

    void parseDate_nanosecondsAndOffsets()
    {
        QCOMPARE(parseGotifyDate(QStringLiteral("2026-11-22T10:00:00.123456789Z")),
                 QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 123), Qt::UTC));
        QCOMPARE(parseGotifyDate(QStringLiteral("2018-02-27T19:36:10.5045044+01:00")),
                 QDateTime(QDate(2018, 2, 27), QTime(18, 36, 10, 504), Qt::UTC));
        QCOMPARE(parseGotifyDate(QStringLiteral("2018-02-27T19:36:10-02:30")),
                 QDateTime(QDate(2018, 2, 27), QTime(22, 6, 10), Qt::UTC));
        QVERIFY(!parseGotifyDate(QStringLiteral("yesterday")).isValid());
    }

    void decode_peerContentTypeClickAndImage()
    {
        const QJsonObject extras{
            {QStringLiteral("openclaw"), QJsonObject{{QStringLiteral("peerId"), QStringLiteral("alice")}}},
            {QStringLiteral("client::display"),
             QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/markdown")}}},
            {QStringLiteral("client::notification"),
             QJsonObject{
                 {QStringLiteral("click"), QJsonObject{{QStringLiteral("url"), QStringLiteral("https://x/")}}},
                 {QStringLiteral("bigImageUrl"), QStringLiteral("https://x/i.png")}}}};
        const AccountAddress acc{kGotifyChannel, QStringLiteral("ops")};
        auto m = decodeGotifyMessage(QJsonObject{{QStringLiteral("id"), 42},
                                                 {QStringLiteral("appid"), 7},
                                                 {QStringLiteral("message"), QStringLiteral("hi")},
                                                 {QStringLiteral("title"), QStringLiteral("T")},
                                                 {QStringLiteral("priority"), 8},
                                                 {QStringLiteral("extras"), extras}},
                                     acc, InboundMessage::Via::Stream);
        QVERIFY(m);
        QCOMPARE(m->id, QStringLiteral("42"));
        QCOMPARE(m->peer, QStringLiteral("alice"));
        QCOMPARE(m->contentType, QStringLiteral("text/markdown"));
        QCOMPARE(m->clickUrl, QStringLiteral("https://x/"));
        QCOMPARE(m->imageUrl, QStringLiteral("https://x/i.png"));
        QCOMPARE(m->priority, 8);
        auto byApp = decodeGotifyMessage(QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("appid"), 7}}, acc,
                                         InboundMessage::Via::Stream);
        QCOMPARE(byApp->peer, QStringLiteral("7"));
        QCOMPARE(byApp->contentType, QStringLiteral("text/plain"));
        auto byTitle = decodeGotifyMessage(
            QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("title"), QStringLiteral("T")}}, acc,
            InboundMessage::Via::Stream);
        QCOMPARE(byTitle->peer, QStringLiteral("T"));
        auto none = decodeGotifyMessage(QJsonObject{{QStringLiteral("id"), 3}}, acc, InboundMessage::Via::Stream);
        QCOMPARE(none->peer, QStringLiteral("gotify"));
        QVERIFY(!decodeGotifyFrame(QStringLiteral("not json"), acc));
    }
};

QTEST_GUILESS_MAIN(TestGotifyStream)
#include "tst_gotify_stream.moc"
