// `channeltray notifications`, run as a user runs it (the real binary, a JSON5 config with
// comments in a temporary folder): mute, snooze, minimum priority and quiet hours land in
// channeltray.notifications where the tray reads them, everything else in the file stays as
// it was, and bad targets or values are refused with the usage exit code.
#include "config/configloader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

const QByteArray kConfig =
    "{\n"
    "  // ops alerts\n"
    "  channels: {\n"
    "    gotify: { accounts: { ops: { serverUrl: 'https://gotify.example.org', clientToken: 'C1' } } },\n"
    "    'multi-openim': { tokenRefresh: { mode: 'off' }, accounts: { primary: {\n"
    "      wsAddr: 'ws://127.0.0.1:10001', apiAddr: 'http://127.0.0.1:10002', token: 't' } } },\n"
    "  },\n"
    "}\n";
} // namespace

class TestCliNotifications : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--config"), m_config, QStringLiteral("notifications")} + args;
    }
    QByteArray file() const
    {
        QFile f(m_config);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_config = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(kConfig);
    }

    void muteSnoozeMinPriorityQuietHours_areWrittenWhereTheTrayReadsThem_andTheRestOfTheFileStays()
    {
        Run r = run(cli({QStringLiteral("mute"), QStringLiteral("gotify/ops/app:3")}));
        QCOMPARE(r.exitCode, 0);
        r = run(cli({QStringLiteral("mute"), QStringLiteral("multi-openim/primary/conversation:si_alice_bot"),
                     QStringLiteral("--for"), QStringLiteral("2h")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("snoozed until")), qPrintable(r.out));
        QCOMPARE(
            run(cli({QStringLiteral("min-priority"), QStringLiteral("gotify/ops"), QStringLiteral("6")})).exitCode,
            0);
        r = run(cli({QStringLiteral("quiet-hours"), QStringLiteral("22:30"), QStringLiteral("06:00"),
                     QStringLiteral("--min-priority"), QStringLiteral("9")}));
        QCOMPARE(r.exitCode, 0);

        const QByteArray text = file();
        QVERIFY2(
            text.startsWith(
                "{\n  // ops alerts\n  channels: {\n    gotify: { accounts: { ops: { serverUrl: 'https://gotify.example.org'"),
            text.constData());
        const LoadResult load = loadConfig(m_config);
        QVERIFY(load.problems.isEmpty());
        const NotificationSettings &n = load.config.app.notifications;
        QVERIFY(n.mute.value(QStringLiteral("gotify/ops/app:3")).muted);
        const QDateTime until = n.mute.value(QStringLiteral("multi-openim/primary/conversation:si_alice_bot"))
                                    .snoozeUntil;
        QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(7000)
                && until <= QDateTime::currentDateTimeUtc().addSecs(7200));
        QCOMPARE(n.mute.value(QStringLiteral("gotify/ops")).minPriority, 6);
        QCOMPARE(n.quietHours.start, QTime(22, 30));
        QCOMPARE(n.quietHours.minPriority, 9);

        r = run(cli({QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(listed.value(QStringLiteral("quietHours")).toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("22:30"));
        QVERIFY(listed.value(QStringLiteral("mute")).toObject().contains(QStringLiteral("gotify/ops/app:3")));

        // Undone again: the entries go.
        QCOMPARE(run(cli({QStringLiteral("unmute"), QStringLiteral("gotify/ops/app:3")})).exitCode, 0);
        QCOMPARE(run(cli({QStringLiteral("quiet-hours"), QStringLiteral("off")})).exitCode, 0);
        const LoadResult after = loadConfig(m_config);
        QVERIFY(!after.config.app.notifications.mute.contains(QStringLiteral("gotify/ops/app:3")));
        QVERIFY(!after.config.app.notifications.quietHours.enabled);
    }

    void badTargetsAndValues_areRefused_andTheFileIsUntouched()
    {
        QCOMPARE(run(cli({QStringLiteral("mute"), QStringLiteral("gotify/ops/conversation:x")})).exitCode, 2);
        QCOMPARE(run(cli({QStringLiteral("mute"), QStringLiteral("gotify/nobody")})).exitCode, 1);
        QCOMPARE(run(cli({QStringLiteral("mute"), QStringLiteral("gotify/ops"), QStringLiteral("--for"),
                          QStringLiteral("soon")}))
                     .exitCode,
                 2);
        QCOMPARE(
            run(cli({QStringLiteral("quiet-hours"), QStringLiteral("25:00"), QStringLiteral("06:00")})).exitCode,
            2);
        QCOMPARE(run(cli({QStringLiteral("min-priority"), QStringLiteral("gotify/ops"), QStringLiteral("high")}))
                     .exitCode,
                 2);
        QCOMPARE(file(), kConfig);
    }
};

QTEST_GUILESS_MAIN(TestCliNotifications)
#include "tst_cli_notifications.moc"
