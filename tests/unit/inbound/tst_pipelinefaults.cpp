// InboundPipeline when the history does not take writes (a real SQLite file whose write lock
// another connection holds, a folder that cannot be created): nothing received is lost or
// reordered, the reason is told while it lasts, memory is bounded by pausing, and everything
// held is delivered once when the history recovers.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inboundtesthelpers.h"
#include "sqlitewritelock.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;

namespace {
QStringList range(int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << QString::number(i);
    return out;
}
QList<InboundMessage> gotifyRange(int from, int to)
{
    QList<InboundMessage> out;
    for (int i = from; i <= to; ++i)
        out << gotifyMessage(i);
    return out;
}
} // namespace

class TestPipelineFaults : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("f%1.sqlite").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ct::InboundMessage>(); }

    void lockedHistory_heldInOrder_reasonTold_thenEachDeliveredOnce()
    {
        const QString file = freshPath();
        HistoryStore store(file);
        QVERIFY(store.open());
        InboundPipeline pipeline(store, Config{});
        QStringList delivered;
        connect(&pipeline, &InboundPipeline::delivered, this, [&](const InboundMessage &m) { delivered << m.id; });
        QSignalSpy storage(&pipeline, &InboundPipeline::storageChanged);
        SqliteWriteLock lock(file);
        QVERIFY(lock.held());
        pipeline.submitBatch(gotifyRange(1, 10));
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.storageError().isEmpty(), 15000);
        QVERIFY2(pipeline.storageError().contains(QLatin1String("locked")), qPrintable(pipeline.storageError()));
        QCOMPARE(storage.first().at(0).toString(), pipeline.storageError());
        for (int i = 11; i <= 20; ++i)
            pipeline.submit(gotifyMessage(i));    // arrives while the history fails
        pipeline.submitBatch(gotifyRange(5, 12)); // a catch-up overlapping what is held
        QVERIFY(delivered.isEmpty());
        QCOMPARE(pipeline.pendingCount(), 20);
        lock.release();
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 20, 15000);
        QCOMPARE(delivered, range(1, 20)); // in order, once each
        QVERIFY(pipeline.storageError().isEmpty());
        QCOMPARE(storage.last().at(0).toString(), QString());
        QCOMPARE(store.count(HistoryQuery{}), 20);
    }

    void pastMaxHeld_pauses_andResumesOnlyWhenTheHistoryTakesWritesAgain()
    {
        const QString file = freshPath();
        HistoryStore store(file);
        QVERIFY(store.open());
        PipelineSettings settings;
        settings.maxHeld = 30;
        InboundPipeline pipeline(store, Config{}, settings);
        QSignalSpy paused(&pipeline, &InboundPipeline::pausedChanged);
        int delivered = 0;
        connect(&pipeline, &InboundPipeline::delivered, this, [&] { ++delivered; });
        SqliteWriteLock lock(file);
        pipeline.submitBatch(gotifyRange(1, 10));
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.storageError().isEmpty(), 15000);
        QCOMPARE(paused.size(), 0);
        pipeline.submitBatch(gotifyRange(11, 40));
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.last().at(0).toBool(), true);
        QVERIFY(pipeline.isPaused());
        lock.release();
        QTRY_COMPARE_WITH_TIMEOUT(delivered, 40, 15000);
        QCOMPARE(paused.size(), 2);
        QCOMPARE(paused.last().at(0).toBool(), false);
        QCOMPARE(pipeline.stats().pauses, quint64(1));
    }

    void historyThatCannotBeCreated_isTriedAgain_andTakesTheHeldMessagesOnceItCan()
    {
        // The history's folder cannot be made (a file is in the way), as on a full or
        // read-only home; the user clears it.
        const QString blocker = m_dir.filePath(QStringLiteral("blocked"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        HistoryStore store(blocker + QStringLiteral("/history.sqlite"));
        QVERIFY(!store.open());
        PipelineSettings settings;
        settings.firstRetryMs = 20;
        InboundPipeline pipeline(store, Config{}, settings);
        QStringList delivered;
        connect(&pipeline, &InboundPipeline::delivered, this, [&](const InboundMessage &m) { delivered << m.id; });
        pipeline.submitBatch(gotifyRange(1, 3));
        QTRY_VERIFY(pipeline.storageError().contains(QLatin1String("unable to open")));
        QVERIFY(QFile::remove(blocker));
        QTRY_COMPARE_WITH_TIMEOUT(delivered, range(1, 3), 15000);
    }

    void destroyedWhileTheHistoryFails_leavesNothingHalfStored()
    {
        const QString file = freshPath();
        HistoryStore store(file);
        QVERIFY(store.open());
        QVERIFY(store.storeBatch(gotifyRange(1, 5), nullptr));
        {
            SqliteWriteLock lock(file);
            InboundPipeline pipeline(store, Config{});
            pipeline.submitBatch(gotifyRange(6, 600));
            QVERIFY(!pipeline.flush());
        }
        // The catch-up cursor stayed at the last stored message: the next catch-up fetches 6...
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(5));
        QCOMPARE(store.count(HistoryQuery{}), 5);
    }
};

QTEST_GUILESS_MAIN(TestPipelineFaults)
#include "tst_pipelinefaults.moc"
