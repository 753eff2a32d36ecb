// kill -9 mid-burst: the file is never corrupt, and every message a process reported as
// delivered is in it after a reopen.
#include "historytestsupport.h"
#include "inbound/historystore.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

class TestHistoryCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killNineMidBurst_fileIntact_everyDeliveredIdPresent_data()
    {
        QTest::addColumn<int>("killAfterLines");
        QTest::newRow("early") << 500;
        QTest::newRow("mid") << 5000;
        QTest::newRow("late") << 30000;
    }
    void killNineMidBurst_fileIntact_everyDeliveredIdPresent()
    {
        QFETCH(int, killAfterLines);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        // A first, completed run so the kill hits a file that already has content.
        QCOMPARE(test::runWriter(db, 1, 1000).size(), 1000);

        QProcess writer;
        writer.start(test::historyWriterPath(), {db, QStringLiteral("1000001"), QStringLiteral("9000000")});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        while (output.count('\n') < killAfterLines && clock.elapsed() < 60000) {
            writer.waitForReadyRead(100);
            output += writer.readAllStandardOutput();
        }
        QVERIFY2(writer.state() == QProcess::Running, "the writer ended before it could be killed");
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();
        const QStringList delivered = test::completeLines(output);
        QVERIFY(delivered.size() >= killAfterLines);

        HistoryStore store(db);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QString detail;
        QVERIFY2(store.integrityOk(&detail), qPrintable(detail));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        int missing = 0;
        for (const QString &id : delivered)
            missing += store.contains(ops, id) ? 0 : 1;
        QCOMPARE(missing, 0);
        QCOMPARE(store.count(HistoryQuery{}) >= 1000 + int(delivered.size()), true);
        // The ids the writer delivered are unique and in order: nothing was delivered twice.
        QCOMPARE(QSet<QString>(delivered.cbegin(), delivered.cend()).size(), delivered.size());
        // And the file takes writes again.
        QList<bool> inserted;
        InboundMessage m;
        m.account = ops;
        m.id = QStringLiteral("after-crash");
        QVERIFY(store.storeBatch({m}, &inserted));
        QCOMPARE(inserted, QList<bool>{true});
    }
};

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_history_crash.moc"
