// OpenImCatchup alone, on a scripted gateway: newest seqs, then pages of at most 100 from the
// oldest missing seq; pushes held while it runs; gaps in pushes pulled before the push.
// docs/protocols.md "Requests" (1001/1002).
#include "openim/openimcatchup.h"
#include "scriptedgateway.h"
#include "sdkws.pb.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ct;
using ct::testsupport::ScriptedGateway;

namespace {
const QString kConversation = QStringLiteral("si_u_alice_u_bot");

::openim::sdkws::PullMsgs messages(qint64 from, qint64 to)
{
    ::openim::sdkws::PullMsgs pull;
    for (qint64 seq = from; seq <= to; ++seq) {
        auto *m = pull.add_msgs();
        m->set_sendid("u_alice");
        m->set_recvid("u_bot");
        m->set_sessiontype(1);
        m->set_contenttype(101);
        m->set_content(QStringLiteral("{\"content\":\"m%1\"}").arg(seq).toStdString());
        m->set_clientmsgid(QStringLiteral("c%1").arg(seq).toStdString());
        m->set_servermsgid(QStringLiteral("s%1").arg(seq).toStdString());
        m->set_seq(seq);
        m->set_sendtime(1700000000000 + seq);
    }
    return pull;
}

// A push as the connection hands it over: protobuf's bytes, read by our codec.
ct::openim::PullMsgs pushed(qint64 from, qint64 to)
{
    const QByteArray bytes = QByteArray::fromStdString(messages(from, to).SerializeAsString());
    return ct::openim::decode<ct::openim::PullMsgs>(bytes).value();
}

::openim::sdkws::GetMaxSeqResp newest(qint64 max)
{
    ::openim::sdkws::GetMaxSeqResp r;
    (*r.mutable_maxseqs())[kConversation.toStdString()] = max;
    return r;
}

::openim::sdkws::PullMessageBySeqsResp page(qint64 from, qint64 to)
{
    ::openim::sdkws::PullMessageBySeqsResp r;
    (*r.mutable_msgs())[kConversation.toStdString()] = messages(from, to);
    return r;
}

::openim::sdkws::SeqRange askedRange(const ScriptedGateway::Sent &sent)
{
    ::openim::sdkws::PullMessageBySeqsReq req;
    if (!req.ParseFromArray(sent.data.constData(), int(sent.data.size())) || req.seqranges_size() != 1)
        return {};
    return req.seqranges(0);
}
} // namespace

class TestOpenImCatchup : public QObject
{
    Q_OBJECT
private:
    ScriptedGateway gateway;
    QList<QList<InboundMessage>> handed;
    std::unique_ptr<OpenImCatchup> catchup;

    QList<qint64> handedSeqs() const
    {
        QList<qint64> seqs;
        for (const auto &batch : handed)
            for (const auto &m : batch)
                seqs << m.seq;
        return seqs;
    }
    static QList<qint64> seqs(qint64 from, qint64 to)
    {
        QList<qint64> s;
        for (qint64 i = from; i <= to; ++i)
            s << i;
        return s;
    }
    // Runs a catch-up whose server has nothing newer than `max` and answers every pull.
    void catchUpTo(qint64 max, qint64 known = 0)
    {
        catchup->start();
        gateway.answer(newest(max));
        for (qint64 from = known + 1; from <= max; from += OpenImCatchup::kPageSize)
            gateway.answer(page(from, std::min(max, from + OpenImCatchup::kPageSize - 1)));
    }

private Q_SLOTS:
    void init()
    {
        gateway = ScriptedGateway();
        handed.clear();
        catchup = std::make_unique<OpenImCatchup>(
            gateway, AccountAddress{QStringLiteral("openim"), QStringLiteral("im")}, nullptr,
            [this](QList<InboundMessage> batch) { handed << batch; });
    }

    void start_asksNewestSeqsThenPullsFromTheOldestMissingInPagesOf100()
    {
        QSignalSpy finished(catchup.get(), &OpenImCatchup::finished);
        catchup->start();
        QVERIFY(catchup->isRunning());
        QCOMPARE(gateway.requests.size(), 1);
        QCOMPARE(gateway.requests[0].reqIdentifier, int(ct::openim::GetNewestSeq));
        ::openim::sdkws::GetMaxSeqReq asked;
        QVERIFY(asked.ParseFromArray(gateway.requests[0].data.constData(), int(gateway.requests[0].data.size())));
        QCOMPARE(QString::fromStdString(asked.userid()), QString("u_bot"));

        gateway.answer(newest(250));
        const QList<QPair<qint64, qint64>> pages{{1, 100}, {101, 200}, {201, 250}};
        for (const auto &[from, to] : pages) {
            QCOMPARE(gateway.requests.size(), 1); // one pull at a time
            QCOMPARE(gateway.requests[0].reqIdentifier, int(ct::openim::PullMsgBySeqList));
            const auto range = askedRange(gateway.requests[0]);
            QCOMPARE(QString::fromStdString(range.conversationid()), kConversation);
            QCOMPARE(range.begin(), from);
            QCOMPARE(range.end(), to);
            QCOMPARE(range.num(), OpenImCatchup::kPageSize);
            QVERIFY(finished.isEmpty());
            gateway.answer(page(from, to));
        }
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toInt(), 250);
        QCOMPARE(handedSeqs(), seqs(1, 250));
        QCOMPARE(handed[0][0].via, InboundMessage::Via::Catchup);
        QCOMPARE(catchup->knownMaxSeqs().value(kConversation), 250);
        QVERIFY(!catchup->isRunning());
        QVERIFY(catchup->isIdle());
    }

    void reconnect_pullsOnlyWhatCameAfterTheSeqsAlreadyHandedOver()
    {
        catchUpTo(30);
        handed.clear();
        catchup->start();
        gateway.answer(newest(42));
        QCOMPARE(gateway.requests.size(), 1);
        QCOMPARE(askedRange(gateway.requests[0]).begin(), 31);
        gateway.answer(page(31, 42));
        QCOMPARE(handedSeqs(), seqs(31, 42));
    }

    void pushDuringCatchUp_isHeldUntilTheOlderPulledMessagesAreHandedOver()
    {
        QSignalSpy decoded(catchup.get(), &OpenImCatchup::decoded);
        catchup->start();
        gateway.answer(newest(5));
        catchup->takePush(kConversation, pushed(6, 6), false);
        QVERIFY(handed.isEmpty());
        QCOMPARE(decoded.size(), 1);
        gateway.answer(page(1, 5));
        QCOMPARE(handedSeqs(), seqs(1, 6));
        QCOMPARE(handed.last().constLast().via, InboundMessage::Via::Stream);
    }

    void pushAfterAGap_waitsForThePullOfTheGap()
    {
        catchUpTo(3);
        handed.clear();
        catchup->takePush(kConversation, pushed(7, 7), false);
        QVERIFY(handed.isEmpty());
        QCOMPARE(gateway.requests.size(), 1);
        const auto range = askedRange(gateway.requests[0]);
        QCOMPARE(range.begin(), 4);
        QCOMPARE(range.end(), 6);
        gateway.answer(page(4, 6));
        QCOMPARE(handedSeqs(), seqs(4, 7));
    }

    void pushInOrder_isHandedOverAtOnce()
    {
        catchUpTo(3);
        handed.clear();
        catchup->takePush(kConversation, pushed(4, 4), false);
        QCOMPARE(handedSeqs(), QList<qint64>{4});
        QVERIFY(gateway.requests.isEmpty());
    }

    void cancel_dropsHeldPushesAndForgetsTheirSeqs()
    {
        catchUpTo(3);
        handed.clear();
        catchup->start();
        gateway.answer(newest(5));
        catchup->takePush(kConversation, pushed(6, 6), false);
        QCOMPARE(catchup->knownMaxSeqs().value(kConversation), 6);
        gateway.fail(QStringLiteral("connection lost"));
        catchup->cancel();
        QVERIFY(handed.isEmpty());
        QVERIFY(!catchup->isRunning());
        QVERIFY(catchup->isIdle());
        QCOMPARE(catchup->knownMaxSeqs().value(kConversation), 3); // pulled again next time
    }

    void serverRefusesNewestSeqs_failsWithItsWords()
    {
        QSignalSpy failed(catchup.get(), &OpenImCatchup::failed);
        QSignalSpy finished(catchup.get(), &OpenImCatchup::finished);
        catchup->start();
        gateway.refuse(500, QStringLiteral("internal"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].toInt(), 500);
        QCOMPARE(failed[0][1].toString(), QString("internal"));
        QVERIFY(finished.isEmpty());
        QVERIFY(!catchup->isRunning());
    }

    void newestSeqsWithoutAnswer_isNoFailureOfTheServer()
    {
        QSignalSpy failed(catchup.get(), &OpenImCatchup::failed);
        catchup->start();
        gateway.fail(QStringLiteral("request timed out"));
        QVERIFY(failed.isEmpty());
        QVERIFY(!catchup->isRunning());
    }

    void serverRefusesAPull_finishesWithWhatItHas()
    {
        QSignalSpy finished(catchup.get(), &OpenImCatchup::finished);
        catchup->start();
        gateway.answer(newest(150));
        gateway.answer(page(1, 100));
        gateway.refuse(1004, QStringLiteral("no"));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toInt(), 100);
        QVERIFY(gateway.requests.isEmpty()); // no loop on a refusal
    }

    void notReady_pullsNothing()
    {
        gateway.isReady = false;
        catchup->start();
        QVERIFY(gateway.requests.isEmpty());
        QVERIFY(!catchup->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestOpenImCatchup)
#include "tst_catchup.moc"
