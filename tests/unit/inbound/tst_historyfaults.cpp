// HistoryStore under storage faults, on real SQLite files: a file that is not a database or is
// truncated is moved aside (kept) and a new one started; a file deleted under a running store is
// started again instead of written on invisibly; a locked database fails a batch whole and says
// so; two stores on one file (two processes) each see every message the other stored after it
// opened as fresh, and the file holds each message once.
#include "inbound/historystore.h"
#include "inboundtesthelpers.h"
#include "sqlitewritelock.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>

using namespace ct;
using namespace ct::test;

namespace {
QList<InboundMessage> gotifyRange(int from, int to)
{
    QList<InboundMessage> out;
    for (int i = from; i <= to; ++i)
        out << gotifyMessage(i);
    return out;
}

} // namespace

class TestHistoryFaults : public QObject
{
    Q_OBJECT
    HistoryFolders m_folders;
    static QStringList corruptCopies(const QString &file)
    {
        return QFileInfo(file).dir().entryList({QStringLiteral("history.sqlite.corrupt-*")}, QDir::Files);
    }

private Q_SLOTS:
    void notADatabase_isMovedAsideKept_andANewHistoryStarts()
    {
        const QString file = m_folders.newFile();
        const QByteArray garbage = QByteArray("this is not an SQLite file, but it is the user's\n").repeated(200);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        HistoryStore store(file);
        QSignalSpy moved(&store, &HistoryStore::movedAside);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(moved.size(), 1);
        const QString aside = moved.first().at(0).toString();
        QCOMPARE(store.movedAsidePath(), aside);
        QVERIFY2(moved.first().at(1).toString().contains(QLatin1String("not a database")),
                 qPrintable(moved.first().at(1).toString()));
        QFile kept(aside);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage); // byte for byte: kept, not deleted or "repaired"
        QVERIFY(store.storeBatch({gotifyMessage(1)}, nullptr));
        QCOMPARE(store.count(HistoryQuery{}), 1);
    }

    void truncatedFile_isMovedAside_whenOpenedOrWhenAWriteHitsIt_andTheBatchIsStoredInANewOne()
    {
        const QString file = m_folders.newFile();
        {
            HistoryStore store(file);
            QVERIFY(store.open());
            for (int from = 1; from <= 4000; from += 500)
                QVERIFY(store.storeBatch(gotifyRange(from, from + 499), nullptr));
        }
        QFile f(file);
        QVERIFY(f.size() > 256 * 1024);
        QVERIFY(f.resize(f.size() / 3)); // a copy cut short, a disk that lost the tail
        HistoryStore store(file);
        QString error;
        const bool opened = store.open(&error);
        if (opened) { // the first pages were intact: the write into the lost part finds it
            QList<bool> fresh;
            QVERIFY2(store.storeBatch(gotifyRange(1, 4100), &fresh, &error), qPrintable(error));
        }
        QCOMPARE(corruptCopies(file).size(), 1);
        QVERIFY(!store.movedAsidePath().isEmpty());
        QVERIFY(store.storeBatch({gotifyMessage(5000)}, nullptr));
        QVERIFY(store.integrityOk());
    }

    void fileDeletedUnderARunningStore_aNewOneIsStarted_andTheBatchLandsInIt()
    {
        QString file;
        const auto store = m_folders.openNew(&file);
        QVERIFY(store);
        QVERIFY(store->storeBatch(gotifyRange(1, 10), nullptr));
        QSignalSpy replaced(store.get(), &HistoryStore::fileReplaced);
        QVERIFY(QFile::remove(file));
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        QList<bool> fresh;
        QVERIFY(store->storeBatch(gotifyRange(11, 12), &fresh));
        QCOMPARE(fresh, (QList<bool>{true, true}));
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().first().toBool(), true); // deleted, not replaced by another file
        // Another reader of the path sees them (before: they went into the deleted inode).
        HistoryStore reader(file);
        QVERIFY(reader.openReadOnly());
        QCOMPARE(reader.count(HistoryQuery{}), 2);
    }

    void walDeletedUnderARunningStore_whatItHeldReachesTheFile_withTheNextBatch()
    {
        QString file;
        const auto store = m_folders.openNew(&file);
        QVERIFY(store);
        QVERIFY(store->storeBatch(gotifyRange(1, 10), nullptr));
        QVERIFY(QFile::exists(file + QStringLiteral("-wal"))); // WAL mode: committed there
        QVERIFY(QFile::remove(file + QStringLiteral("-wal")));
        QList<bool> fresh;
        QVERIFY(store->storeBatch(gotifyRange(11, 12), &fresh));
        QCOMPARE(fresh, (QList<bool>{true, true}));
        // The main file holds all twelve: another connection reads them (before: "disk I/O
        // error"), and they outlive the store even if it never closes (kill -9).
        HistoryStore reader(file);
        QVERIFY(reader.openReadOnly());
        QCOMPARE(reader.count(HistoryQuery{}), 12);
    }

    void lockedDatabase_failsTheWholeBatch_withTheReason_andStoresItOnceUnlocked()
    {
        QString file;
        const auto store = m_folders.openNew(&file);
        QVERIFY(store);
        SqliteWriteLock lock(file);
        QVERIFY(lock.held());
        QString error;
        QList<bool> fresh;
        QVERIFY(!store->storeBatch(gotifyRange(1, 40), &fresh, &error));
        QVERIFY2(error.contains(QLatin1String("locked")), qPrintable(error));
        lock.release();
        QVERIFY2(store->storeBatch(gotifyRange(1, 40), &fresh, &error), qPrintable(error));
        QCOMPARE(fresh, QList<bool>(40, true));
        QCOMPARE(store->count(HistoryQuery{}), 40);
    }

    void twoStoresOnOneFile_eachSeesWhatTheOtherStoredSinceItOpened_asFresh_onlyOnce()
    {
        const QString file = m_folders.newFile();
        {
            HistoryStore earlier(file);
            QVERIFY(earlier.open());
            QVERIFY(earlier.storeBatch(gotifyRange(1, 5), nullptr)); // before both opened
        }
        HistoryStore tray(file);
        HistoryStore watch(file);
        QVERIFY(tray.open());
        QVERIFY(watch.open());
        QVERIFY(tray.writerId() != watch.writerId());
        QList<bool> fresh;
        // 6..40 stored by the tray first (chunked and single-row paths both).
        QVERIFY(tray.storeBatch(gotifyRange(6, 40), &fresh));
        QCOMPARE(fresh, QList<bool>(35, true));
        // The watch receives 1..45: 1..5 are old, 6..40 are news to it, 41..45 new.
        QVERIFY(watch.storeBatch(gotifyRange(1, 45), &fresh));
        QList<bool> expected(45, true);
        for (int i = 0; i < 5; ++i)
            expected[i] = false;
        QCOMPARE(fresh, expected);
        // Repeats are repeats for both, whoever stored them.
        QVERIFY(watch.storeBatch(gotifyRange(6, 45), &fresh));
        QCOMPARE(fresh, QList<bool>(40, false));
        QVERIFY(tray.storeBatch(gotifyRange(6, 40), &fresh));
        QCOMPARE(fresh, QList<bool>(35, false));
        QVERIFY(tray.storeBatch(gotifyRange(41, 45), &fresh));
        QCOMPARE(fresh, QList<bool>(5, true));    // the watch's 41..45 are news to the tray
        QCOMPARE(tray.count(HistoryQuery{}), 45); // and the file holds each once
    }
};

QTEST_GUILESS_MAIN(TestHistoryFaults)
#include "tst_historyfaults.moc"
