// `channeltray watch` under storage faults, beside another watch, and killed with -9, end to end:
// the real binary, the loopback Gotify server on 127.0.0.1, and the history on a real 8 MiB
// tmpfs that the test fills up (a full disk, not a simulated one: SQLite gets ENOSPC) or
// remounts read-only (EROFS).
#include "floodhistory.h"
#include "inbound/historystore.h"
#include "smallfilesystem.h"
#include "watchfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ct;
using namespace ct::test;
using ct::testserver::GotifyServer;

class TestFaultsWatch : public QObject
{
    Q_OBJECT
    RunFolders m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(channeltrayBinary()), qPrintable(channeltrayBinary())); }

    void diskFull_everyMessageIsHeld_toldWhy_andPrintedOnceWhenSpaceReturns()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        SmallFilesystem fs;
        QString error;
        const QString data = m_dir.fresh(QStringLiteral("full"));
        QVERIFY2(fs.mount(data, 8 << 20, &error), qPrintable(error));
        WatchProcess watch(writeWatchConfig(m_dir.filePath(QStringLiteral("full.json")), server), data);
        QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
        const QStringList before = post(server, 50);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 50, 20000);

        QVERIFY(fs.fill() > 0);
        const QStringList during = post(server, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("failing")), 20000);
        const QJsonObject failing = watch.historyLines().first();
        QVERIFY2(failing.value(QStringLiteral("detail")).toString().contains(QLatin1String("full")),
                 qPrintable(failing.value(QStringLiteral("detail")).toString()));
        QCOMPARE(watch.ids().size(), 50); // nothing delivered that is not stored

        fs.release();
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 1050, 30000);
        QVERIFY(watch.saidHistory(QStringLiteral("ok")));
        QCOMPARE(watch.ids(), before + during); // each once, in order
        QVERIFY(watch.stop());
        QCOMPARE(storedOf(data, before + during), 1050);
    }

    void readOnlyFilesystemAtStart_watchWaitsAndSaysWhy_thenFetchesEverythingOnceItIsWritable()
    {
        // The history exists (an earlier run) on a filesystem that is read-only when watch
        // starts (a disk the kernel remounted read-only after an error, a read-only snapshot).
        // The accounts wait for the history (their catch-up starts from what it holds), so what
        // arrives meanwhile stays on the server, and is fetched once the history takes writes.
        GotifyServer server;
        QVERIFY(server.listen());
        SmallFilesystem fs;
        QString error;
        const QString data = m_dir.fresh(QStringLiteral("readonly"));
        QVERIFY2(fs.mount(data, 8 << 20, &error), qPrintable(error));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("readonly.json")), server);
        QStringList posted;
        {
            WatchProcess earlier(config, data);
            QVERIFY2(earlier.startConnected(server), earlier.stderrText().constData());
            posted += post(server, 10);
            QTRY_COMPARE_WITH_TIMEOUT(earlier.ids().size(), 10, 20000);
            QVERIFY(earlier.stop());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 0, 10000);
        QVERIFY(fs.setReadOnly(true));
        WatchProcess watch(config, data);
        QVERIFY(watch.start());
        QTRY_VERIFY_WITH_TIMEOUT(watch.saidHistory(QStringLiteral("waiting")), 20000);
        const QString detail = watch.historyLines().first().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QLatin1String("read")), qPrintable(detail)); // read-only / readonly
        const QStringList during = post(server, 200);
        QVERIFY(!watch.connected());
        QCOMPARE(server.streamCount(), 0);
        QVERIFY(watch.ids().isEmpty()); // nothing delivered that is not stored

        QVERIFY(fs.setReadOnly(false)); // the user fixed the disk; watch is not restarted
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 200, 30000);
        QVERIFY(watch.connected());
        QCOMPARE(watch.ids(), during); // each once, in order
        posted += post(server, 5);     // and the stream flows
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 205, 20000);
        QVERIFY(watch.stop());
        QCOMPARE(storedOf(data, posted + during), 215);
    }

    void doctor_saysTheHistoryIsOnAFullOrReadOnlyDisk_andWhereAMovedAsideCopyIs()
    {
        // `doctor`, the third place a storage fault must be visible (besides the tray and
        // watch's history lines): the history made by a watch run, then its disk full, then
        // read-only, then an unreadable copy moved aside. doctor only looks (read-only).
        GotifyServer server;
        QVERIFY(server.listen());
        SmallFilesystem fs;
        QString error;
        const QString data = m_dir.fresh(QStringLiteral("doctor"));
        QVERIFY2(fs.mount(data, 64 << 20, &error), qPrintable(error)); // above doctor's 16 MiB "nearly full"
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("doctor.json")), server);
        {
            WatchProcess watch(config, data);
            QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
            post(server, 5);
            QTRY_COMPARE_WITH_TIMEOUT(watch.ids().size(), 5, 20000);
            QVERIFY(watch.stop());
        }
        QJsonObject history = doctorHistory(config, data);
        QVERIFY2(history.value(QStringLiteral("problems")).toArray().isEmpty(),
                 QJsonDocument(history).toJson().constData());

        QVERIFY(fs.fill() > 0);
        history = doctorHistory(config, data);
        QVERIFY2(doctorSaid(history, "problems", QStringLiteral("the disk holding the history is nearly full")),
                 QJsonDocument(history).toJson().constData());
        fs.release();

        QVERIFY(fs.setReadOnly(true));
        history = doctorHistory(config, data);
        QVERIFY2(doctorSaid(history, "problems", QStringLiteral("is read-only")),
                 QJsonDocument(history).toJson().constData());
        QVERIFY(fs.setReadOnly(false));

        const QString aside = historyFile(data) + QStringLiteral(".corrupt-20261203T070000Z");
        {
            QFile f(aside);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("what an unreadable history left");
        }
        history = doctorHistory(config, data);
        QVERIFY2(doctorSaid(history, "notes", QStringLiteral("moved aside and kept: ") + aside),
                 QJsonDocument(history).toJson().constData());
        QCOMPARE(history.value(QStringLiteral("movedAside")).toArray(), QJsonArray{aside});
        QCOMPARE(storedCount(data), 5); // doctor changed nothing
    }

    void diskFull_thenKilled_theRestartFetchesEveryHeldMessageOnce()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        SmallFilesystem fs;
        QString error;
        const QString data = m_dir.fresh(QStringLiteral("fullkill"));
        QVERIFY2(fs.mount(data, 8 << 20, &error), qPrintable(error));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("fullkill.json")), server);
        QStringList printed;
        QStringList posted;
        {
            WatchProcess first(config, data);
            QVERIFY2(first.startConnected(server), first.stderrText().constData());
            posted += post(server, 20);
            QTRY_COMPARE_WITH_TIMEOUT(first.ids().size(), 20, 20000);
            QVERIFY(fs.fill() > 0);
            posted += post(server, 1000);
            QTRY_VERIFY_WITH_TIMEOUT(first.saidHistory(QStringLiteral("failing")), 20000);
            first.kill9(); // holding 1,000 messages in memory only
            printed += first.ids();
        }
        fs.release();
        posted += post(server, 30); // and some while nobody listens
        WatchProcess second(config, data);
        QVERIFY(second.start());
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 30000);
        QCOMPARE(storedOf(data, posted), posted.size());
        QTRY_COMPARE_WITH_TIMEOUT(second.ids().size(), posted.size() - printed.size(), 20000);
        const QStringList byFirst = printed;
        printed += second.ids();
        QVERIFY2(duplicates(printed) == 0,
                 qPrintable(QStringLiteral("first printed %1\nsecond printed %2")
                                .arg(byFirst.join(QLatin1Char(' ')), second.ids().join(QLatin1Char(' ')))));
        QCOMPARE(QSet<QString>(printed.cbegin(), printed.cend()), QSet<QString>(posted.cbegin(), posted.cend()));
        QVERIFY(second.stop());
    }

    void twoWatchesOnOneHistory_eachPrintsEveryMessageOnce_noLockErrors()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("two"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("two.json")), server);
        WatchProcess a(config, data);
        WatchProcess b(config, data);
        QVERIFY(a.start());
        QVERIFY(b.start());
        QTRY_VERIFY_WITH_TIMEOUT(a.connected() && b.connected() && server.streamCount() == 2, 20000);
        // At once, while each first-connect catch-up may still run: its answer can overtake older
        // frames still on the stream, which must not come after its newer messages (81..100 were
        // printed before 1..80 while the first page took the newest 20 of all; issue 14).
        const QStringList posted = post(server, 3001);
        QTRY_COMPARE_WITH_TIMEOUT(a.ids().size(), 3001, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(b.ids().size(), 3001, 60000);
        QCOMPARE(a.ids(), posted);
        QCOMPARE(b.ids(), posted);
        QVERIFY2(
            a.historyLines().isEmpty(),
            a.historyLines().isEmpty()
                ? ""
                : QJsonDocument(a.historyLines().first()).toJson().constData()); // no busy/locked error surfaced
        QVERIFY(b.historyLines().isEmpty());
        QVERIFY(a.stop());
        QVERIFY(b.stop());
        HistoryStore store(historyFile(data));
        QVERIFY(store.openReadOnly());
        QCOMPARE(store.count(HistoryQuery{}), 3001);
    }

    void corruptHistory_isMovedAsideKept_theUserIsToldWhere_andWatchRuns()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("corrupt"));
        QDir().mkpath(data + QStringLiteral("/channeltray"));
        {
            QFile f(historyFile(data));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("not a database at all ").repeated(500));
        }
        WatchProcess watch(writeWatchConfig(m_dir.filePath(QStringLiteral("corrupt.json")), server), data);
        QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
        QVERIFY(watch.saidHistory(QStringLiteral("moved-aside")));
        const QString movedTo = watch.historyLines().first().value(QStringLiteral("movedTo")).toString();
        QVERIFY(movedTo.startsWith(historyFile(data) + QStringLiteral(".corrupt-")));
        QCOMPARE(QFileInfo(movedTo).size(), qint64(22 * 500)); // kept whole
        QVERIFY(watch.stderrText().contains(movedTo.toUtf8()));
        const QStringList posted = post(server, 10);
        QTRY_COMPARE_WITH_TIMEOUT(watch.ids(), posted, 20000);
        QVERIFY(watch.stop());
    }

    void killNineBetweenStoringABatchAndPrintingIt_theNextRunPrintsTheRest_nothingTwice()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("unprinted"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("unprinted.json")), server);
        // The first run prints into a pipe one page deep that is read only while the run is
        // stopped: a dozen lines fill it, and the run blocks in the middle of printing a batch
        // it has stored.
        const QString fifo = m_dir.filePath(QStringLiteral("unprinted.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        QVERIFY(::fcntl(reader, F_SETPIPE_SZ, 4096) >= 4096);
        QStringList printed; // message ids the first run printed
        QByteArray pending;
        const auto readPipe = [&] {
            char buffer[4096];
            ssize_t n;
            while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
                pending.append(buffer, n);
            for (qsizetype end; (end = pending.indexOf('\n')) >= 0; pending.remove(0, end + 1)) {
                const QJsonObject o = QJsonDocument::fromJson(pending.left(end)).object();
                if (o.value(QStringLiteral("type")).toString() == QLatin1String("message"))
                    printed << o.value(QStringLiteral("id")).toString();
            }
        };
        const auto bytesInPipe = [&] {
            int n = 0;
            return ::ioctl(reader, FIONREAD, &n) == 0 ? n : 0;
        };
        WatchProcess first(config, data);
        first.setStandardOutputFile(fifo);
        QVERIFY(first.start());
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        QStringList posted = post(server, 1); // stored: the first connect's catch-up is over
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), 1, 20000);
        // Stopped (SIGSTOP), it can print nothing more: its lines are all in the pipe. Stored
        // more than it printed: it is between a commit and its print, and is killed there.
        // Else it goes on (SIGCONT) with more to print.
        bool between = false;
        for (int attempt = 0; attempt < 20 && !between; ++attempt) {
            posted += post(server, 100);
            // Blocked on the full pipe, or well ahead of what it printed.
            QTRY_VERIFY_WITH_TIMEOUT(bytesInPipe() >= 4096 - 1024 || storedCount(data) > printed.size() + 20,
                                     20000);
            QCOMPARE(::kill(pid_t(first.pid()), SIGSTOP), 0);
            readPipe();
            between = storedCount(data) > printed.size();
            if (!between)
                QCOMPARE(::kill(pid_t(first.pid()), SIGCONT), 0);
        }
        QVERIFY(between);
        const int storedByFirst = storedCount(data);
        first.kill9();
        readPipe();
        ::close(reader);
        QVERIFY2(printed.size() < storedByFirst,
                 qPrintable(QStringLiteral("printed %1, stored %2").arg(printed.size()).arg(storedByFirst)));
        // The next run prints what the first stored and did not print, then the rest (fetched
        // by its catch-up), each once; only the one line whose print the kill interrupted (the
        // run blocked in its write) may be missing: counted as printed, so never printed twice.
        WatchProcess second(config, data);
        QVERIFY(second.start());
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(printed.size() + second.ids().size() >= posted.size() - 1, 30000);
        const QStringList byFirst = printed;
        printed += second.ids();
        QVERIFY2(duplicates(printed) == 0,
                 qPrintable(QStringLiteral("first printed %1\nsecond printed %2")
                                .arg(byFirst.join(QLatin1Char(' ')), second.ids().join(QLatin1Char(' ')))));
        QSet<QString> missing(posted.cbegin(), posted.cend());
        missing.subtract(QSet<QString>(printed.cbegin(), printed.cend()));
        const QString interrupted = posted.value(posted.indexOf(byFirst.value(byFirst.size() - 1)) + 1);
        QVERIFY2(missing.isEmpty() || missing == QSet<QString>{interrupted},
                 qPrintable(QStringList(missing.cbegin(), missing.cend()).join(QLatin1Char(' '))));
        QVERIFY(second.stop());
        qInfo("stored by the killed run %d, printed by it %d; posted %d", storedByFirst,
              int(printed.size() - second.ids().size()), int(posted.size()));
    }

    void killNineAtRandomMomentsOfAFlood_historyHoldsEachOnce_nothingPrintedTwice()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.fresh(QStringLiteral("kill"));
        const QString config = writeWatchConfig(m_dir.filePath(QStringLiteral("kill.json")), server);
        QStringList posted;
        QStringList printed;
        QRandomGenerator random(QRandomGenerator::global()->generate());
        for (int round = 0; round < 4; ++round) {
            WatchProcess watch(config, data);
            QVERIFY2(watch.startConnected(server), watch.stderrText().constData());
            // A flood, and the kill somewhere inside it (or, last round, a clean end).
            posted += flood(server, round < 3 ? int(random.bounded(50, 1500)) : -1);
            if (round < 3) {
                // The very first run must have stored something: a history without any cursor
                // is a first connect, which by design takes only the newest few (GotifyCatchup).
                if (round == 0)
                    QTRY_VERIFY_WITH_TIMEOUT(storedCount(data) > 0, 20000);
                watch.kill9();
            } else {
                QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 30000);
                QVERIFY(watch.stop());
            }
            printed += watch.ids();
            QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 0, 10000);
        }
        QCOMPARE(storedOf(data, posted), posted.size()); // every message the server holds
        HistoryStore store(historyFile(data));
        QVERIFY(store.openReadOnly());
        QCOMPARE(store.count(HistoryQuery{}), posted.size()); // once each
        QCOMPARE(duplicates(printed), 0);                     // nothing delivered twice
        // Every message printed by some run, but for the one line each kill may interrupt.
        QVERIFY2(printed.size() >= posted.size() - 3,
                 qPrintable(QStringLiteral("posted %1, printed %2").arg(posted.size()).arg(printed.size())));
        qInfo("posted %d, printed %d", int(posted.size()), int(printed.size()));
    }
};

CT_TEST_MAIN_WITH_MOUNTS(TestFaultsWatch) // mounting the small filesystem needs the namespace

#include "tst_faults_watch.moc"
