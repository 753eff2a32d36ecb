// `channeltray watch` during a flood while its history fails with I/O errors, or is deleted,
// end to end: the real binary, the loopback Gotify server on 127.0.0.1, the real SQLite history.
//
// What is real and what is injected in the I/O error test: the binary runs under
// ct_eio_launcher (eiolauncher.cpp), a seccomp user-notification supervisor. While the test
// has faults on, the kernel fails the binary's own write and sync system calls (pwrite64,
// write, fdatasync, ftruncate, …) on the history, its -wal and its -journal with EIO, without
// running them; SQLite sees exactly what a failing disk gives it ("disk I/O error"). What is
// injected is only the choice of calls and when: no file is damaged, every other call (the
// network, stdout, the delivery record, the -shm) runs untouched, and once faults are off the
// same calls run on the same disk again (--main-only: the history file alone, which in WAL mode
// only checkpoints write). Deleting the history is a real unlink of
// history.sqlite, -wal and -shm under the running process.
#include "deletedhistory.h"
#include "floodhistory.h"
#include "inbound/historystore.h"
#include "watchfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace ct;
using namespace ct::test;
using ct::testserver::GotifyServer;

class TestFaultsHistory : public QObject
{
    Q_OBJECT
    RunFolders m_dir;

    // Starts watch under ct_eio_launcher --main-only (the history file fails, its -wal does not),
    // has it print 50 messages, turns the faults on and posts on, 1,000 at a time, until the
    // automatic checkpoint has been tried (at HistoryStore::kCheckpointPages of -wal: some 35,000
    // messages) and failed; each printed. posted: every message posted.
    void untilACheckpointFailed(WatchProcess &watch, GotifyServer &server, const QString &data,
                                QStringList &posted)
    {
        watch.setLauncher({QStringLiteral(EIO_LAUNCHER_PATH), QStringLiteral("--main-only"), historyFile(data)});
        QVERIFY(watch.start());
        QTRY_VERIFY2_WITH_TIMEOUT(watch.connected() && server.streamCount() == 1, watch.stderrText().constData(),
                                  20000);
        posted = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 50, 20000);
        QCOMPARE(::kill(pid_t(watch.pid()), SIGUSR1), 0);
        QTRY_VERIFY_WITH_TIMEOUT(watch.stderrText().contains("ct_eio_launcher: faults on"), 10000);
        for (int round = 0; round < 80 && !watch.stderrText().contains("ct_eio_launcher: EIO #1: "); ++round) {
            posted += post(server, 1000);
            QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 30000);
        }
        QVERIFY2(watch.stderrText().contains("ct_eio_launcher: EIO #1: "), "no checkpoint was tried");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(channeltrayBinary()), qPrintable(channeltrayBinary()));
        QVERIFY2(QFile::exists(QStringLiteral(EIO_LAUNCHER_PATH)), EIO_LAUNCHER_PATH);
    }

    void ioErrorDuringAFlood_everyMessageHeldAndToldWhy_storedAndPrintedOnceWhenTheDiskRecovers()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("eio"));
        WatchProcess watch(writeWatchConfig(m_dir.filePath(QStringLiteral("eio.json")), server), data);
        watch.setLauncher({QStringLiteral(EIO_LAUNCHER_PATH), historyFile(data)});
        QVERIFY(watch.start());
        const pid_t launcher = pid_t(watch.pid());
        QTRY_VERIFY2_WITH_TIMEOUT(watch.connected() && server.streamCount() == 1, watch.stderrText().constData(),
                                  20000);
        const QStringList before = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 50, 20000);

        // Faults on in the middle of a flood: messages are being stored when the disk fails.
        QStringList during = post(server, 100);
        QTRY_VERIFY_WITH_TIMEOUT(watch.ids().size() > 60, 20000);
        QCOMPARE(::kill(launcher, SIGUSR1), 0);
        during += post(server, 400);
        QTRY_VERIFY_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("failing")), 20000);
        const QJsonObject failing = watch.historyLines().first();
        const QString reason = failing.value(QStringLiteral("detail")).toString();
        QVERIFY2(reason.contains(QLatin1String("I/O error")), qPrintable(reason)); // SQLite: "disk I/O error"
        QVERIFY(failing.value(QStringLiteral("held")).toInt() >= 1);
        during += post(server, 500); // the flood goes on while the disk fails
        // The held batch is tried again (after 100, 200, 400 ms, …) and fails again each time.
        QTRY_VERIFY_WITH_TIMEOUT(watch.stderrText().contains("ct_eio_launcher: EIO #4:"), 20000);
        // Nothing delivered that is not stored: what was printed is what the history holds, the
        // oldest first, and the rest is held.
        const int storedWhileFailing = storedCount(data);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), storedWhileFailing, 10000);
        QVERIFY2(storedWhileFailing < 1050, qPrintable(QString::number(storedWhileFailing)));
        QCOMPARE(watch.ids(), (before + during).mid(0, storedWhileFailing));
        QVERIFY(watch.saidHistory(QStringLiteral("failing")) && !watch.saidHistory(QStringLiteral("ok")));

        QCOMPARE(::kill(launcher, SIGUSR2), 0);
        QTRY_VERIFY_WITH_TIMEOUT(watch.stderrText().contains("ct_eio_launcher: faults off"), 10000);
        const QRegularExpressionMatch failed = QRegularExpression(
                                                   QStringLiteral("faults off, (\\d+) calls failed"))
                                                   .match(QString::fromUtf8(watch.stderrText()));
        QVERIFY2(failed.hasMatch() && failed.captured(1).toInt() > 0, watch.stderrText().constData());
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 1050, 30000); // no restart
        QVERIFY(watch.saidHistory(QStringLiteral("ok")));
        QCOMPARE(watch.ids(), before + during);     // each once, in order
        const QStringList after = post(server, 20); // and it goes on
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 1070, 20000);
        QVERIFY2(watch.stop(), watch.stderrText().constData());
        const QStringList posted = before + during + after;
        // Every message the server holds, once, in a whole file.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        QCOMPARE(duplicates(watch.ids()), 0);
        qInfo("posted %d, stored %d, printed %d, duplicated %d; %s calls failed with EIO", int(posted.size()),
              storedCount(data), int(watch.ids().size()), duplicates(watch.ids()), qPrintable(failed.captured(1)));
        qInfo("stored when the disk failed: %d", storedWhileFailing);
    }

    void ioErrorFromTheStart_watchWaitsAndSaysWhy_thenFetchesEverythingOnceTheDiskRecovers()
    {
        // The history exists (an earlier run), and the disk fails from watch's first call on:
        // the history cannot be opened for writing. The accounts wait for it (their catch-up
        // starts from what it holds), so what arrives meanwhile stays on the server, and is
        // fetched once the history takes writes, without a restart.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("eiostart"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("eiostart.json")), server);
        QStringList earlier;
        {
            WatchProcess first(config, data);
            QVERIFY2(first.startConnected(server), first.stderrText().constData());
            earlier = post(server, 10);
            QTRY_COMPARE_WITH_TIMEOUT(first.ids().size(), 10, 20000);
            QVERIFY(first.stop());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 0, 10000);
        WatchProcess watch(config, data);
        watch.setLauncher({QStringLiteral(EIO_LAUNCHER_PATH), QStringLiteral("--on"), historyFile(data)});
        QVERIFY(watch.start());
        QTRY_VERIFY2_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("waiting")), watch.stderrText().constData(),
                                  20000);
        const QString reason = watch.historyLines().first().value(QStringLiteral("detail")).toString();
        QVERIFY2(reason.contains(QLatin1String("I/O error")), qPrintable(reason));
        const QStringList during = post(server, 200);
        QVERIFY(!watch.connected());
        QCOMPARE(server.streamCount(), 0);
        QVERIFY(watch.ids().isEmpty()); // nothing delivered that is not stored

        QCOMPARE(::kill(pid_t(watch.pid()), SIGUSR2), 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 200, 30000);
        QCOMPARE(watch.ids(), during);             // each once, in order
        const QStringList after = post(server, 5); // and the stream flows
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 205, 20000);
        QVERIFY2(watch.stop(), watch.stderrText().constData());
        const QStringList posted = earlier + during + after;
        QCOMPARE(storedOf(data, posted), posted.size());
        QCOMPARE(storedCount(data), posted.size());
        qInfo("posted %d (%d while the disk failed), stored %d, printed by this run %d, duplicated %d",
              int(posted.size()), int(during.size()), storedCount(data), int(watch.ids().size()),
              duplicates(watch.ids()));
    }

    void historyDeletedDuringAFlood_aNewOneIsStartedAndSaidSo_everyLaterMessageStoredAndPrintedOnce()
    {
        // The user (or a cleaner) deletes history.sqlite, -wal and -shm while watch stores a
        // flood, three times. What the deleted files held is gone with them, by the user's
        // choice; everything else must be in the history at its path, and every message printed
        // once. Watch is stopped (SIGSTOP) around each deletion, so that the test knows exactly
        // what the deleted files held: a batch whose transaction was open then commits after the
        // deletion, as it would if the deletion came at that moment.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("deleted"));
        const QString history = historyFile(data);
        WatchProcess watch(writeWatchConfig(m_dir.filePath(QStringLiteral("deleted.json")), server), data);
        QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
        QStringList posted = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 50, 20000);
        QStringList inDeleted; // what the deleted files held
        QList<int> attempts;   // of each round: stops until watch was stopped inside a transaction
        for (int round = 0; round < 3; ++round) {
            attempts << stopInsideATransaction(server, watch.pid(), data, posted);
            QVERIFY(attempts.last() > 0);
            QVERIFY(deleteHistory(data, posted, inDeleted));
            QCOMPARE(::kill(pid_t(watch.pid()), SIGCONT), 0);
            posted += post(server, 100); // and the flood goes on
            QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(history), 10000);
        }
        QCOMPARE(watch.ids(), posted); // each once, in order
        int restarted = 0;
        for (const QJsonObject &o : watch.historyLines())
            if (o.value(QStringLiteral("state")).toString() == QLatin1String("restarted"))
                ++restarted;
        QCOMPARE(restarted, 3); // said each time
        QVERIFY2(watch.stop(), watch.stderrText().constData());
        const QStringList inHistory = storedIds(data, posted);
        const QStringList lost = inNeither(posted, inDeleted, inHistory);
        QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("%1 of %2 in neither: %3")
                                                .arg(lost.size())
                                                .arg(posted.size())
                                                .arg(lost.join(QLatin1Char(' ')))));
        QCOMPARE(storedCount(data), inHistory.size()); // once each
        qInfo("stopped inside a transaction at the %dth, %dth, %dth try", attempts.at(0), attempts.at(1),
              attempts.at(2));
        qInfo("posted %d, printed %d (duplicated %d), in the deleted files %d, in the history %d, in neither %d",
              int(posted.size()), int(watch.ids().size()), duplicates(watch.ids()), int(inDeleted.size()),
              int(inHistory.size()), int(lost.size()));
    }

    void journalDeletedUnderARunningWatch_nothingStoredIsLost_otherProcessesReadIt_evenAfterAKillNine_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("-wal") << QStringLiteral("-wal");
        QTest::newRow("-shm") << QStringLiteral("-shm");
    }
    void journalDeletedUnderARunningWatch_nothingStoredIsLost_otherProcessesReadIt_evenAfterAKillNine()
    {
        // Only the -wal (or only the -shm) deleted under a running watch, the main file left. In
        // WAL mode what was committed since the last checkpoint is only in the -wal: deleted, it
        // lives on in the file watch still has open, which nobody else can read, and which is
        // gone for good with a kill -9 (sqlite.org/wal.html, "the WAL file is part of the
        // persistent state of the database"). The -shm alone is harmless to one process (the
        // connection goes on with the one it mapped); it is here to keep it so.
        QFETCH(QString, suffix);
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("journal"));
        WatchProcess watch(writeWatchConfig(m_dir.filePath(QStringLiteral("journal.json")), server), data);
        QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
        QStringList posted = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 50, 20000);
        QVERIFY(QFile::remove(historyFile(data) + suffix));
        posted += post(server, 100);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 150, 20000); // printed: committed
        // Each once, in order. (On a loaded machine a run once printed 31..50 first, before the
        // -wal was touched: its first connect's catch-up took the newest 20 and the stream
        // brought 1..30 after them; tst_gotify_stream's firstConnect_framesReadAfterTheFirstPage…)
        QCOMPARE(watch.ids(), posted);
        // Another process (`history`, doctor, the tray) reads the history at its path meanwhile.
        QCOMPARE(storedOf(data, posted), posted.size());
        watch.kill9();
        // Nothing stored is lost, each once, the file whole.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
    }

    void ioErrorInTheCheckpoints_commitsGoOn_nothingIsLost_theNextRunReadsEverythingOnce_data()
    {
        QTest::addColumn<bool>("killed");
        QTest::newRow("stopped") << false; // its last checkpoint, at the end, fails too
        QTest::newRow("kill -9") << true;
    }
    void ioErrorInTheCheckpoints_commitsGoOn_nothingIsLost_theNextRunReadsEverythingOnce()
    {
        // ct_eio_launcher --main-only: the history file itself fails, its -wal does not. In WAL
        // mode commits go to the -wal and only checkpoints write the file: SQLite's automatic one
        // (at 4,096 pages of -wal, HistoryStore::kCheckpointPages: some 35,000 messages) and
        // the one at the end fail with EIO, while every batch commits.
        QFETCH(bool, killed);
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("checkpoint"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("checkpoint.json")), server);
        WatchProcess watch(config, data);
        QStringList posted;
        untilACheckpointFailed(watch, server, data, posted);
        if (QTest::currentTestFailed())
            return;
        posted += post(server, 1000); // and commits go on after it
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 30000);
        // Each once. Not their order: the first connect's catch-up (the newest few) can print before
        // the stream's first messages (message 31 first, seen once on a loaded machine).
        QCOMPARE(sorted(watch.ids()), sorted(posted));
        for (const QJsonObject &o : watch.historyLines()) // said why (see below); nothing held
            QCOMPARE(o.value(QStringLiteral("held")).toInt(-1), 0);
        const qint64 wal = QFileInfo(historyFile(data) + QStringLiteral("-wal")).size();
        if (killed)
            watch.kill9();
        else
            QVERIFY2(watch.stop(), watch.stderrText().constData());
        // Nothing lost, each once, the file whole.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        // The next run (the disk works again) prints nothing twice, and goes on.
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 0, 10000);
        WatchProcess next(config, data);
        QVERIFY2(next.startConnected(server), next.stderrText().constData());
        const QStringList after = post(server, 10);
        QTRY_COMPARE_WITH_TIMEOUT(next.ids(), after, 20000);
        QVERIFY2(next.stop(), next.stderrText().constData());
        QCOMPARE(storedCount(data), posted.size() + after.size());
        qInfo("posted %d while the checkpoints failed (-wal %lld bytes), %s; all stored once", int(posted.size()),
              wal, killed ? "killed" : "stopped");
    }

    void ioErrorInTheCheckpoints_watchAndDoctorSayWhyWhileItLasts_thenThatItIsOverOnceOneWorks()
    {
        // The same fault, seen by the user: every batch commits (to the -wal), but the history
        // file falls behind and the -wal grows without bound. Before, nothing said so: SQLite's
        // own automatic checkpoint drops its result, watch printed no history line (the tray
        // showed nothing either, it is told on the same path) and doctor found nothing.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("checkpointsaid"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("checkpointsaid.json")), server);
        const QString wal = historyFile(data) + QStringLiteral("-wal");
        WatchProcess watch(config, data);
        QStringList posted;
        untilACheckpointFailed(watch, server, data, posted);
        if (QTest::currentTestFailed())
            return;
        const int untilFirst = int(posted.size());
        QTRY_VERIFY_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("failing")), 10000);
        const QJsonObject failing = watch.historyLines().first();
        QCOMPARE(failing.value(QStringLiteral("state")).toString(), QStringLiteral("failing"));
        const QString reason = failing.value(QStringLiteral("detail")).toString();
        QVERIFY2(
            reason.contains(QLatin1String("copying the journal into the history file failed (disk I/O error)")),
            qPrintable(reason));
        QCOMPARE(failing.value(QStringLiteral("held")).toInt(-1), 0); // every batch committed

        // On and on: the -wal grows past what a working history lets it reach; doctor, another
        // process, sees it there.
        for (int round = 0; round < 40 && QFileInfo(wal).size() <= HistoryStore::kJournalLimitBytes; ++round) {
            posted += post(server, 1000);
            QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 30000);
        }
        const qint64 grown = QFileInfo(wal).size();
        QVERIFY(grown > HistoryStore::kJournalLimitBytes);
        QJsonObject doctor = doctorHistory(config, data);
        QVERIFY2(doctorSaid(doctor, "problems", wal + QStringLiteral(" holds ")),
                 QJsonDocument(doctor).toJson().constData());
        QCOMPARE(watch.historyLines().size(), 1); // said once, not at each batch

        // The disk works again: the next checkpoint copies everything, and it is said.
        QCOMPARE(::kill(pid_t(watch.pid()), SIGUSR2), 0);
        QTRY_VERIFY_WITH_TIMEOUT(watch.stderrText().contains("ct_eio_launcher: faults off"), 10000);
        for (int round = 0; round < 2; ++round) { // a commit checkpoints; the one after starts the -wal over
            posted += post(server, 10);
            QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 20000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("ok")), 10000);
        QCOMPARE(watch.historyLines().size(), 2);
        const qint64 after = QFileInfo(wal).size();
        QVERIFY2(after <= HistoryStore::kJournalLimitBytes, qPrintable(QString::number(after)));
        doctor = doctorHistory(config, data);
        QVERIFY2(doctor.value(QStringLiteral("problems")).toArray().isEmpty(),
                 QJsonDocument(doctor).toJson().constData());
        QCOMPARE(sorted(watch.ids()), sorted(posted)); // each once (the order: see above)
        QVERIFY2(watch.stop(), watch.stderrText().constData());
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        qInfo("first checkpoint failed after %d messages; said at once; doctor saw a %lld-byte -wal after %d; "
              "once the disk worked, -wal %lld bytes",
              untilFirst, grown, int(posted.size()) - 20, after);
    }

    void walDeletedUnderTwoRunningWatches_eachPrintsEveryMessageOnce_nothingIsLost_theFileStaysWhole()
    {
        // Two processes write through the deleted -wal (they share its -shm index): neither may
        // start a -wal of its own beside it, or the other's frames are read from the wrong file.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("twojournal"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("twojournal.json")), server);
        WatchProcess a(config, data), b(config, data);
        QVERIFY2(a.startConnected(server), a.stderrText().constData());
        QVERIFY2(b.startConnected(server, 2), b.stderrText().constData());
        QStringList posted = post(server, 51);
        QTRY_VERIFY_WITH_TIMEOUT(a.ids().size() == 51 && b.ids().size() == 51, 20000);
        QVERIFY(QFile::remove(historyFile(data) + QStringLiteral("-wal")));
        for (int i = 0; i < 10; ++i)
            posted += post(server, 100);
        QTRY_COMPARE_WITH_TIMEOUT(a.ids().size(), posted.size(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(b.ids().size(), posted.size(), 30000);
        QCOMPARE(a.ids(), posted); // each once, in order
        QCOMPARE(b.ids(), posted);
        QVERIFY(a.historyLines().isEmpty()); // no failing, moved-aside or restarted history
        QVERIFY(b.historyLines().isEmpty());
        QCOMPARE(storedOf(data, posted), posted.size()); // another process reads them meanwhile
        a.kill9();
        b.kill9();
        // Nothing lost, each once, the file whole.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
    }

    void journalDeletedInAFloodUnderTwoWatches_eachPrintsEveryMessageOnce_theHistoryHoldsEachOnceAndIsWhole_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("-shm") << QStringLiteral("-shm");
        QTest::newRow("-wal") << QStringLiteral("-wal");
    }
    void journalDeletedInAFloodUnderTwoWatches_eachPrintsEveryMessageOnce_theHistoryHoldsEachOnceAndIsWhole()
    {
        // Two processes on one history, and its -shm (or its -wal) deleted while both store a
        // flood. Both go on with the one they mapped (opened): the -shm is the index through which
        // each finds the other's frames in the -wal. Neither may open the file anew (a new -shm
        // or -wal beside the one the other uses: frames read from the wrong file, a corrupt
        // history); a reader opened now (`history`, doctor) must still find every message.
        QFETCH(QString, suffix);
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("twoflood"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("twoflood.json")), server);
        WatchProcess a(config, data), b(config, data);
        QVERIFY2(a.startConnected(server), a.stderrText().constData());
        QVERIFY2(b.startConnected(server, 2), b.stderrText().constData());
        QStringList posted;
        for (int round = 0; round < 20; ++round) {
            posted += post(server, 100);
            if (round == 5) // in the middle of the flood: batches are being stored now
                QVERIFY(QFile::remove(historyFile(data) + suffix));
        }
        posted += post(server, 1); // after anything still on its way: the last one printed
        QTRY_COMPARE_WITH_TIMEOUT(a.ids().size(), posted.size(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(b.ids().size(), posted.size(), 60000);
        QCOMPARE(a.ids(), posted); // each once, in order
        QCOMPARE(b.ids(), posted);
        // No failing, locked or moved-aside history; neither started a new -shm or -wal, and
        // each saw its own was gone (it had batches to store after the deletion).
        QVERIFY2(a.historyLines().isEmpty(), a.stderrText().constData());
        QVERIFY2(b.historyLines().isEmpty(), b.stderrText().constData());
        QVERIFY(!QFile::exists(historyFile(data) + suffix));
        for (const WatchProcess *w : {&a, &b})
            QVERIFY2(w->stderrText().contains("lost its -wal or -shm file"), w->stderrText().constData());
        const int checkpointsFailed = int(a.stderrText().count("checkpoint failed")
                                          + b.stderrText().count("checkpoint failed"));
        QCOMPARE(storedOf(data, posted), posted.size()); // another process reads them meanwhile
        // One ends with a kill -9, the other as usual (the last connection checkpoints).
        a.kill9();
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        QVERIFY2(b.stop(), b.stderrText().constData());
        // Nothing lost, each once, the file whole.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        qInfo("%s deleted after %d of %d messages; each watch printed %d, duplicated %d and %d; %d checkpoints "
              "busy (tried again with the next batch)",
              qPrintable(suffix), 600, int(posted.size()), int(a.ids().size()), duplicates(a.ids()),
              duplicates(b.ids()), checkpointsFailed);
    }
};

QTEST_GUILESS_MAIN(TestFaultsHistory)

#include "tst_faults_history.moc"
