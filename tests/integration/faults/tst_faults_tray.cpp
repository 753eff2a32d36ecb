// The tray (`channeltray` without a command) killed with -9 at random moments of a flood, then
// started again, end to end: the real binary on xcb (tools/headless.sh provides Xvfb and a tray
// host) against the loopback Gotify server. Every message the server holds ends up in the
// history exactly once, and the file stays whole (tst_faults_watch does the same for `watch`).
// And the tray beside a `watch` on one history: watch prints every message once. And the
// history deleted under the running tray (tst_faults_history does the same for `watch`).
#include "deletedhistory.h"
#include "floodhistory.h"
#include "watchfixture.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;
using ct::testserver::GotifyServer;

class TestFaultsTray : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The tray on `config`, its history under `data`, its single-instance socket in the test's
    // folder (TMPDIR), apart from any other tray of this user; waits until it says it runs.
    bool startTray(QProcess &tray, const QString &config, const QString &data)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data);
        env.insert(QStringLiteral("TMPDIR"), m_dir.path());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("channeltray.ui.info=true"));
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        tray.setProcessEnvironment(env);
        tray.start(channeltrayBinary(), {QStringLiteral("--config"), config});
        QByteArray log;
        return tray.waitForStarted(10000)
               && QTest::qWaitFor(
                   [&] {
                       log += tray.readAllStandardError();
                       return log.contains("tray started with config") || tray.state() == QProcess::NotRunning;
                   },
                   20000)
               && tray.state() == QProcess::Running;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(channeltrayBinary()), qPrintable(channeltrayBinary())); }

    void killNineAtRandomMomentsOfAFlood_historyHoldsEachOnce_andTheFileStaysWhole()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("data"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("tray.json")), server);
        QStringList posted;
        QRandomGenerator random(QRandomGenerator::global()->generate());
        for (int round = 0; round < 4; ++round) {
            QProcess tray;
            QVERIFY(startTray(tray, config, data));
            QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
            if (round == 0) {
                // The very first run must have stored something: a history without any cursor
                // is a first connect, which by design takes only the newest few (GotifyCatchup).
                posted += post(server, 1);
                QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), 1, 20000);
            }
            // A flood, and the kill somewhere inside it (or, last round, a clean end).
            posted += flood(server, round < 3 ? int(random.bounded(50, 1500)) : -1);
            if (round < 3) {
                tray.kill(); // SIGKILL
                QVERIFY(tray.waitForFinished(10000));
                QCOMPARE(tray.exitStatus(), QProcess::CrashExit);
            } else {
                QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 30000);
                tray.terminate();
                QVERIFY(tray.waitForFinished(20000));
                QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
            }
            QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 0, 10000);
        }
        // Every message the server holds, once each, in a whole file.
        QVERIFY2(historyMismatch(data, posted).isEmpty(), qPrintable(historyMismatch(data, posted)));
        qInfo("posted %d over 3 kill -9s and a clean end", int(posted.size()));
    }

    void trayAndWatchOnOneHistory_watchPrintsEveryMessageOnce_theHistoryHoldsEachOnce_noLockErrors()
    {
        // The "two processes starve each other": a message one stored was a duplicate
        // to the other, which never delivered it. The tray and a watch on one history now.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("shared"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("shared.json")), server);
        QProcess tray;
        QVERIFY(startTray(tray, config, data));
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        WatchProcess watch(config, data);
        QVERIFY2(watch.startConnected(server, 2), watch.stderrText().constData());
        // One message first: printing it means watch's first-connect catch-up has ended.
        QStringList posted = post(server, 1);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids(), posted, 20000);
        posted += post(server, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), posted.size(), 60000);
        QCOMPARE(watch.ids(), posted); // each once, in order, whoever stored it first
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 20000);
        QVERIFY2(watch.historyLines().isEmpty(),
                 QJsonDocument(watch.historyLines().value(0)).toJson().constData());
        QVERIFY(watch.stop());
        tray.terminate();
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
        QCOMPARE(storedOf(data, posted), posted.size());
        QCOMPARE(storedCount(data), posted.size()); // each once
    }

    void historyDeletedDuringAFlood_aNewOneIsStarted_everyLaterMessageStoredOnce_theTrayRunsOn()
    {
        // history.sqlite, -wal and -shm deleted three times while the tray stores a flood, each
        // time with the tray stopped inside a transaction (deletedhistory.h). What the deleted
        // files held is gone with them; everything else is in the history at its path, once.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("deleted"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("deleted.json")), server);
        QProcess tray;
        QVERIFY(startTray(tray, config, data));
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        QStringList posted = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), 50, 20000);
        QStringList inDeleted;
        for (int round = 0; round < 3; ++round) {
            QVERIFY(stopInsideATransaction(server, tray.processId(), data, posted) > 0);
            QVERIFY(deleteHistory(data, posted, inDeleted));
            QCOMPARE(::kill(pid_t(tray.processId()), SIGCONT), 0);
            posted += post(server, 100); // and the flood goes on
            // Stored, in the new history, all but what the deleted files held.
            QTRY_COMPARE_WITH_TIMEOUT(inNeither(posted, inDeleted, storedIds(data, posted)).size(), 0, 20000);
        }
        const QStringList inHistory = storedIds(data, posted);
        QCOMPARE(storedCount(data), inHistory.size()); // once each
        QCOMPARE(tray.state(), QProcess::Running);
        tray.terminate();
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
        QVERIFY2(historyMismatch(data, inHistory).isEmpty(), qPrintable(historyMismatch(data, inHistory)));
        qInfo("posted %d, in the deleted files %d, in the history %d", int(posted.size()), int(inDeleted.size()),
              int(inHistory.size()));
    }
};

QTEST_GUILESS_MAIN(TestFaultsTray)
#include "tst_faults_tray.moc"
