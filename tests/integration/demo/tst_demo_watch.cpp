// End to end, as a newcomer's demo runs: channeltray-sandbox (loopback Gotify x2 + OpenIM,
// a trickle of messages, an OpenIM token that expires after a few seconds and an http refresh
// recipe) and `channeltray watch --json` on the config it writes. Every account connects,
// messages arrive once each, the expired token is refreshed and the account reconnects, and no
// token is ever printed.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestDemoWatch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_sandbox;

    static QString bin(const QString &relative)
    {
        return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QLatin1Char('/') + relative;
    }

    // `channeltray watch --json [args] --config <the sandbox's>`, history in its own folder.
    void startWatch(QProcess &watch, const QString &dataDir, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(dataDir));
        watch.setProcessEnvironment(env);
        watch.start(bin(QStringLiteral("app/channeltray")),
                    QStringList{QStringLiteral("watch"), QStringLiteral("--json")} + args
                        + QStringList{QStringLiteral("--config"), m_dir.filePath(QStringLiteral("config.json"))});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sandbox.start(bin(QStringLiteral("tests/servers/sandbox/channeltray-sandbox")),
                        {QStringLiteral("--write-config"), m_dir.filePath(QStringLiteral("config.json")),
                         QStringLiteral("--interval-ms"), QStringLiteral("700"),
                         QStringLiteral("--token-lifetime-s"), QStringLiteral("5"), QStringLiteral("--quiet")});
        QVERIFY(m_sandbox.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_dir.filePath(QStringLiteral("config.json"))).size() > 0, 15000);
    }

    void cleanupTestCase()
    {
        m_sandbox.terminate();
        m_sandbox.waitForFinished(5000);
    }

    void watch_connectsEveryAccount_deliversOnce_andRefreshesTheExpiredToken()
    {
        QProcess watch;
        startWatch(watch, QStringLiteral("data"), {QStringLiteral("--timeout"), QStringLiteral("20")});
        QVERIFY(watch.waitForFinished(60000));
        QCOMPARE(watch.exitCode(), 0);
        const QByteArray out = watch.readAllStandardOutput();
        const QByteArray err = watch.readAllStandardError();

        QSet<QString> connected;
        QHash<QString, int> messages;
        QSet<QString> ids;
        int refreshedOk = 0;
        bool reconnectedAfterRefresh = false;
        bool sawRefreshing = false;
        for (const QByteArray &line : out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            const QString type = o.value(QStringLiteral("type")).toString();
            const QString account = o.value(QStringLiteral("account")).toString();
            if (type == QLatin1String("state")) {
                const QString state = o.value(QStringLiteral("state")).toString();
                if (state == QLatin1String("connected")) {
                    connected << account;
                    if (refreshedOk > 0 && account == QLatin1String("multi-openim/primary"))
                        reconnectedAfterRefresh = true;
                }
                sawRefreshing = sawRefreshing || state == QLatin1String("refreshing");
            } else if (type == QLatin1String("message")) {
                ++messages[account];
                const QString key = account + QLatin1Char('#') + o.value(QStringLiteral("id")).toString();
                QVERIFY2(!ids.contains(key), qPrintable(QStringLiteral("printed twice: ") + key));
                ids << key;
                QVERIFY(o.value(QStringLiteral("session")).toString().startsWith(QLatin1String("agent:")));
            } else if (type == QLatin1String("refresh")) {
                QCOMPARE(account, QStringLiteral("multi-openim/primary"));
                QVERIFY2(o.value(QStringLiteral("reason")).toString().contains(QLatin1String("errCode=1501")),
                         line.constData());
                if (o.value(QStringLiteral("result")).toString() == QLatin1String("ok"))
                    ++refreshedOk;
            }
        }
        QCOMPARE(connected, (QSet<QString>{QStringLiteral("gotify/ops"), QStringLiteral("gotify/alerts"),
                                           QStringLiteral("multi-openim/primary")}));
        QVERIFY2(messages.value(QStringLiteral("gotify/ops")) > 0, out.constData());
        QVERIFY2(messages.value(QStringLiteral("multi-openim/primary")) > 0, out.constData());
        QVERIFY2(refreshedOk >= 1, out.constData());
        QVERIFY(sawRefreshing);
        QVERIFY2(reconnectedAfterRefresh, out.constData());

        // No token in anything the command printed: every token-looking value of the config.
        QFile config(m_dir.filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        const QRegularExpression tokenValue(
            QStringLiteral("\"(?:token|appToken|clientToken)\"\\s*:\\s*\"([^\"]+)\""));
        int checked = 0;
        for (auto it = tokenValue.globalMatch(text); it.hasNext();) {
            const QByteArray token = it.next().captured(1).toUtf8();
            QVERIFY(!out.contains(token));
            QVERIFY(!err.contains(token));
            ++checked;
        }
        QVERIFY(checked >= 3);
    }

    // `watch` without --count or --timeout runs until it is told to stop: SIGTERM (and Ctrl+C)
    // end it like its own limits do — exit 0, its messages stored and printed.
    void watch_endsCleanlyOnSigterm()
    {
        QProcess watch;
        startWatch(watch, QStringLiteral("data-sigterm"), {});
        QVERIFY(watch.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput()).contains("\"type\":\"message\""), 20000);
        watch.terminate(); // SIGTERM
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoWatch)
#include "tst_demo_watch.moc"
