// HistoryRetention: messages older than retentionDays go, in chunks, without blocking.
#include "inbound/historyretention.h"
#include "inbound/historystore.h"
#include "inboundtesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;

class TestHistoryRetention : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;

    QList<InboundMessage> aged(int from, int to, int daysAgo)
    {
        QList<InboundMessage> out;
        for (int i = from; i <= to; ++i) {
            InboundMessage m = gotifyMessage(i);
            m.serverTime = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
            out << m;
        }
        return out;
    }

private Q_SLOTS:
    void purge_removesOnlyMessagesOlderThanRetention_inChunks()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("r1.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.storeBatch(aged(1, 1050, 120), nullptr));
        QVERIFY(store.storeBatch(aged(2000, 2009, 10), nullptr));
        HistoryRetention retention(store);
        QCOMPARE(retention.retentionDays(), 90);
        retention.setChunkSize(100);
        QSignalSpy removed(&store, &HistoryStore::messagesRemoved);
        QSignalSpy finished(&retention, &HistoryRetention::purgeFinished);
        retention.runNow();
        QVERIFY(retention.isPurging());
        QCOMPARE(store.count(HistoryQuery{}), 1060); // nothing happens synchronously
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toInt(), 1050);
        QCOMPARE(removed.size(), 11); // ten full chunks and the rest, one per event-loop turn
        QCOMPARE(store.count(HistoryQuery{}), 10);
        QVERIFY(!retention.isPurging());
    }
    void messageWithoutServerTime_agesFromWhenItWasStored()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("r2.sqlite")));
        QVERIFY(store.open());
        InboundMessage m = gotifyMessage(1);
        m.serverTime = QDateTime();
        QVERIFY(store.storeBatch({m}, nullptr));
        HistoryRetention retention(store, 90);
        QSignalSpy finished(&retention, &HistoryRetention::purgeFinished);
        retention.runNow();
        QVERIFY(finished.wait());
        QCOMPARE(store.count(HistoryQuery{}), 1);
        retention.setClock([] { return QDateTime::currentDateTimeUtc().addDays(91); });
        retention.runNow();
        QVERIFY(finished.wait());
        QCOMPARE(store.count(HistoryQuery{}), 0);
    }
    void retentionZero_keepsEverything()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("r3.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.storeBatch(aged(1, 5, 1000), nullptr));
        HistoryRetention retention(store, 0);
        retention.runNow();
        QVERIFY(!retention.isPurging()); // no purge started, so no chunk is scheduled
        QCOMPARE(store.count(HistoryQuery{}), 5);
    }
    void start_runsSoon_andThenPeriodically()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("r4.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.storeBatch(aged(1, 3, 100), nullptr));
        HistoryRetention retention(store, 30);
        retention.setInterval(30);
        QSignalSpy finished(&retention, &HistoryRetention::purgeFinished);
        retention.start(0);
        QTRY_VERIFY(finished.size() >= 1);
        QCOMPARE(store.count(HistoryQuery{}), 0);
        QVERIFY(store.storeBatch(aged(10, 12, 100), nullptr));
        QTRY_COMPARE(store.count(HistoryQuery{}), 0);
        retention.stop();
    }
};

QTEST_GUILESS_MAIN(TestHistoryRetention)
#include "tst_historyretention.moc"
