// GotifySend, the Gotify account's send class, against the loopback server: the same verbs as
// OpenImSend (send() returns a request id, finished(id, result) reports it from the event loop),
// one SendRequest in, one SendResult out with the message as sent, ready for the history.
#include "gotify/gotifyapi.h"
#include "gotify/gotifysend.h"
#include "gotifytestfixture.h"

#include <QSignalSpy>

using namespace ct;
using ct::testserver::GotifyServer;

class TestGotifySend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void send_eachRequestIdIsReportedByFinished_withTheMessageAsSent()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        GotifyApi api(test::endpointFor(server, QStringLiteral("ops")));
        GotifySend sender(api, {kGotifyChannel, QStringLiteral("ops")});
        QSignalSpy finished(&sender, &GotifySend::finished);
        SendRequest first;
        first.text = QStringLiteral("first");
        first.title = QStringLiteral("T");
        SendRequest second;
        second.text = QStringLiteral("second");
        const int firstId = sender.send(first);
        const int secondId = sender.send(second);
        QVERIFY(firstId != secondId);
        QCOMPARE(finished.count(), 0); // never from inside send()
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);

        for (int i = 0; i < 2; ++i) {
            const int id = finished.at(i).at(0).toInt();
            const auto result = finished.at(i).at(1).value<SendResult>();
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(id, i == 0 ? firstId : secondId); // one request in flight: in order
            const auto *stored = server.store().message(result.serverId.toLongLong());
            QVERIFY(stored);
            QCOMPARE(result.sent.text, stored->message);
            QCOMPARE(result.sent.text, i == 0 ? QStringLiteral("first") : QStringLiteral("second"));
            QCOMPARE(result.sent.direction, InboundMessage::Direction::Out);
            QCOMPARE(result.sent.account, (AccountAddress{kGotifyChannel, QStringLiteral("ops")}));
            QVERIFY(result.time.isValid());
        }
    }

    void send_refusedAppToken_finishedCarriesTheServersWords_andNoMessage()
    {
        test::RefusedAppToken refused;
        QVERIFY(refused.start());
        GotifySend sender(*refused.api, refused.endpoint.address);
        QSignalSpy finished(&sender, &GotifySend::finished);
        const int id = sender.send(test::textRequest(QStringLiteral("x")));
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).toInt(), id);
        const auto result = finished.at(0).at(1).value<SendResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.errCode, 401);
        QVERIFY2(result.error.contains(QLatin1String("valid access token")), qPrintable(result.error));
        QVERIFY(!result.error.contains(test::RefusedAppToken::kToken));
        QVERIFY(result.sent.text.isEmpty());
        QCOMPARE(refused.server.store().messageCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGotifySend)
#include "tst_gotify_send.moc"
