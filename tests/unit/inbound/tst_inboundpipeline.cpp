// InboundPipeline: exactly once across stream/catch-up overlap and restarts, filtered messages
// stored but not delivered, delivery only after commit, bursts without stalling the event loop.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inboundtesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;

namespace {
QStringList ids(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<InboundMessage>().id;
    return out;
}
QStringList range(int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << QString::number(i);
    return out;
}
QList<InboundMessage> gotifyRange(int from, int to, InboundMessage::Via via)
{
    QList<InboundMessage> out;
    for (int i = from; i <= to; ++i)
        out << gotifyMessage(i, 5, QStringLiteral("7"), via);
    return out;
}
} // namespace

class TestInboundPipeline : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ct::InboundMessage>(); }

    void delivered_isEmittedOnlyAfterTheMessageIsCommitted()
    {
        const QString file = freshPath();
        HistoryStore store(file);
        QVERIFY(store.open());
        HistoryStore otherConnection(file);
        QVERIFY(otherConnection.openReadOnly());
        InboundPipeline pipeline(store, Config{});
        int seenCommitted = 0;
        connect(&pipeline, &InboundPipeline::delivered, this, [&](const InboundMessage &m) {
            if (otherConnection.contains(m.account, m.id))
                ++seenCommitted;
        });
        pipeline.submit(gotifyMessage(1));
        QCOMPARE(pipeline.pendingCount(), 1); // nothing is delivered synchronously
        QTRY_COMPARE(seenCommitted, 1);
    }
    void streamAndCatchupOverlap_deliversEachMessageOnce()
    {
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, Config{});
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        for (const InboundMessage &m : gotifyRange(1, 5, InboundMessage::Via::Stream))
            pipeline.submit(m);
        pipeline.submitBatch(gotifyRange(3, 8, InboundMessage::Via::Catchup));
        pipeline.submit(gotifyMessage(8));
        QTRY_COMPARE(delivered.size(), 8);
        QCOMPARE(pipeline.pendingCount(), 0); // nothing queued: nothing more can be delivered
        QCOMPARE(ids(delivered), range(1, 8));
        QCOMPARE(pipeline.stats().duplicates, quint64(4));
    }
    void overlapAfterTheDedupWindow_isStillDeliveredOnce()
    {
        qint64 now = 0;
        PipelineSettings settings;
        settings.clock = [&now] { return now; };
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, Config{}, settings);
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        pipeline.submitBatch(gotifyRange(1, 3, InboundMessage::Via::Stream));
        QVERIFY(pipeline.flush());
        now += 10 * 60 * 1000; // the window forgot them; the store did not
        pipeline.submitBatch(gotifyRange(1, 4, InboundMessage::Via::Catchup));
        QVERIFY(pipeline.flush());
        QCOMPARE(ids(delivered), range(1, 4));
    }
    void restart_newStoreAndPipeline_neverRedeliver()
    {
        const QString file = freshPath();
        {
            HistoryStore store(file);
            QVERIFY(store.open());
            InboundPipeline pipeline(store, Config{});
            pipeline.submitBatch(gotifyRange(1, 5, InboundMessage::Via::Stream));
            QVERIFY(pipeline.flush());
        }
        HistoryStore store(file);
        QVERIFY(store.open());
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(5));
        InboundPipeline pipeline(store, Config{});
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        pipeline.submitBatch(gotifyRange(1, 10, InboundMessage::Via::Catchup));
        QVERIFY(pipeline.flush());
        QCOMPARE(ids(delivered), range(6, 10));
    }
    void destroyedWithQueuedMessages_storesThem()
    {
        const QString file = freshPath();
        HistoryStore store(file);
        QVERIFY(store.open());
        {
            InboundPipeline pipeline(store, Config{});
            pipeline.submitBatch(gotifyRange(1, 3, InboundMessage::Via::Stream));
        }
        QCOMPARE(store.count(HistoryQuery{}), 3);
    }
    void filteredMessage_isStoredMarked_andNotDelivered()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, configWith(a));
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        QSignalSpy filtered(&pipeline, &InboundPipeline::filteredOut);
        pipeline.submit(openimGroup(QStringLiteral("g-plain"), QStringLiteral("alice"), QStringLiteral("g1")));
        pipeline.submit(openimGroup(QStringLiteral("g-at"), QStringLiteral("alice"), QStringLiteral("g1"),
                                    {QStringLiteral("bot")}));
        QVERIFY(pipeline.flush());
        QCOMPARE(ids(delivered), QStringList{QStringLiteral("g-at")});
        QCOMPARE(ids(filtered), QStringList{QStringLiteral("g-plain")});
        QVERIFY(delivered.first().at(0).value<InboundMessage>().mentionsMe);
        QCOMPARE(pipeline.stats().filtered, quint64(1));
        HistoryQuery q;
        QCOMPARE(store.count(q), 2);
        q.includeFiltered = false;
        QCOMPARE(store.count(q), 1);
    }
    void sessionKey_isSetBeforeDelivery()
    {
        Config c;
        c.session.dmScope = DmScope::PerAccountChannelPeer;
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, c);
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        pipeline.submit(gotifyMessage(42));
        QVERIFY(pipeline.flush());
        QCOMPARE(delivered.first().at(0).value<InboundMessage>().sessionKey,
                 QStringLiteral("agent:main:gotify:ops:direct:7"));
        QCOMPARE(store.query(HistoryQuery{}).first().message.sessionKey,
                 QStringLiteral("agent:main:gotify:ops:direct:7"));
    }
    void accountUserId_learntAtLogin_drivesMentions_andSurvivesConfigReload()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QString());
        a.requireMention = true;
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, configWith(a));
        pipeline.setAccountUserId(openimPrimary(), QStringLiteral("bot"));
        pipeline.setConfig(configWith(a));
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        pipeline.submit(openimGroup(QStringLiteral("m"), QStringLiteral("alice"), QStringLiteral("g"),
                                    {QStringLiteral("bot")}));
        QVERIFY(pipeline.flush());
        QCOMPARE(delivered.size(), 1);
    }
    void messageWithoutIdOrAccount_isCountedInvalid_andNotStored()
    {
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, Config{});
        InboundMessage noId = gotifyMessage(1);
        noId.id.clear();
        InboundMessage noAccount = gotifyMessage(2);
        noAccount.account = {};
        pipeline.submit(noId);
        pipeline.submit(noAccount);
        QVERIFY(pipeline.flush());
        QCOMPARE(pipeline.stats().invalid, quint64(2));
        QCOMPARE(store.count(HistoryQuery{}), 0);
    }
    void mixedSubmissions_areDeliveredInOrder_inBatchesOfAtMostMaxBatch()
    {
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        PipelineSettings settings;
        settings.maxBatch = 7;
        InboundPipeline pipeline(store, Config{}, settings);
        QStringList deliveredIds;
        QList<qsizetype> batchSizes;
        connect(&pipeline, &InboundPipeline::batchDelivered, this, [&](const QList<InboundMessage> &batch) {
            batchSizes << batch.size();
            for (const InboundMessage &m : batch)
                deliveredIds << m.id;
        });
        for (int i = 1; i <= 10; ++i)
            pipeline.submit(gotifyMessage(i));
        pipeline.submitBatch(gotifyRange(11, 30, InboundMessage::Via::Catchup)); // split into 7 + 7 + 6
        for (int i = 31; i <= 33; ++i)
            pipeline.submit(gotifyMessage(i));
        pipeline.submitBatch(gotifyRange(30, 36, InboundMessage::Via::Stream)); // 30 is a repeat
        QCOMPARE(pipeline.pendingCount(), 36);
        QTRY_COMPARE(deliveredIds.size(), 36);
        QCOMPARE(deliveredIds, range(1, 36));
        QCOMPARE(pipeline.pendingCount(), 0);
        for (qsizetype n : batchSizes)
            QVERIFY2(n >= 1 && n <= 7, qPrintable(QString::number(n)));
    }

    void burstOfTenThousand_isWrittenInBatches_withTheEventLoopRunningBetween()
    {
        HistoryStore store(freshPath());
        QVERIFY(store.open());
        InboundPipeline pipeline(store, Config{});
        QSignalSpy delivered(&pipeline, &InboundPipeline::delivered);
        int batches = 0;
        connect(&pipeline, &InboundPipeline::batchDelivered, this, [&batches] { ++batches; });
        QList<int> batchesSeenByTicks;
        QTimer tick;
        tick.setInterval(0);
        connect(&tick, &QTimer::timeout, this, [&] { batchesSeenByTicks << batches; });
        tick.start();
        QList<InboundMessage> burst;
        for (int i = 1; i <= 10000; ++i)
            burst << gotifyMessage(i);
        pipeline.submitBatch(burst);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 10000, 30000);
        tick.stop();
        QVERIFY(batches >= 10000 / 500);
        // Other events ran while the burst was being written, not only before and after it.
        const bool interleaved = std::any_of(batchesSeenByTicks.cbegin(), batchesSeenByTicks.cend(),
                                             [&](int b) { return b > 0 && b < batches; });
        QVERIFY(interleaved);
        QCOMPARE(store.count(HistoryQuery{}), 10000);
    }
};

QTEST_GUILESS_MAIN(TestInboundPipeline)
#include "tst_inboundpipeline.moc"
