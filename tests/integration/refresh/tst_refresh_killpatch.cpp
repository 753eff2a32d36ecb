// SIGKILL during a config token patch never leaves a broken file: after every kill the file
// parses as JSON and differs from the original only in the token's value.
#include "refreshtesthelpers.h"

#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace refreshtest;

namespace {
const QByteArray kTemplate = refreshtest::killPatchTemplate();

QString tokenOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes)["channels"]["multi-openim"]["accounts"]["primary"]["token"].toString();
}
} // namespace

class TestRefreshKillPatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigkillDuringPatch_fileAlwaysOldOrNew()
    {
        const QString program = qEnvironmentVariable("REFRESH_PATCH_LOOP");
        QVERIFY2(QFile::exists(program), "REFRESH_PATCH_LOOP not set by CTest");
        QTemporaryDir dir;
        const QString config = dir.filePath("config.json");
        QByteArray original = kTemplate;
        original.replace("TOKEN", "token-start");
        QVERIFY(writeFile(config, original));
        QVERIFY(QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner));

        for (int round = 0; round < 25; ++round) {
            QProcess patcher;
            patcher.start(program, {config});
            QVERIFY(patcher.waitForStarted());
            // Let it get some patches done, then kill it at a random moment.
            QTRY_VERIFY(patcher.bytesAvailable() > 0 || patcher.state() == QProcess::NotRunning);
            QTest::qWait(int(QRandomGenerator::global()->bounded(1, 30)));
            patcher.kill(); // SIGKILL
            QVERIFY(patcher.waitForFinished(5000));
            QVERIFY2(patcher.exitStatus() == QProcess::CrashExit, patcher.readAllStandardError().constData());

            const QByteArray now = readFile(config);
            QJsonParseError error{};
            QJsonDocument::fromJson(now, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            const QString token = tokenOf(now);
            QVERIFY(token.startsWith("token-"));
            QByteArray expected = kTemplate;
            expected.replace("TOKEN", token.toUtf8());
            QCOMPARE(now, expected); // every other byte as it was
            QCOMPARE(unixMode(config), QFile::ReadOwner | QFile::WriteOwner);
        }
    }
};

QTEST_GUILESS_MAIN(TestRefreshKillPatch)
#include "tst_refresh_killpatch.moc"
