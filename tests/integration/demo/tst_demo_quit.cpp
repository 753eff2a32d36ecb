// Quitting the demo stops the demo: a tray whose config sits next to a sandbox.pid (what "Try
// the demo" leaves in its folder) stops that channeltray-sandbox and removes the file when it
// quits; any other tray leaves every sandbox alone. The real sandbox and the real tray (on xcb:
// tools/headless.sh provides Xvfb and a tray host), asked to quit with SIGTERM as a session
// logout or `kill` does.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <signal.h>
#include <sys/types.h>
#include <vector>

namespace {

QString bin(const QString &relative)
{
    return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QLatin1Char('/') + relative;
}

// The pid file as "Try the demo" writes it: the number alone.
bool writePidFile(const QString &path, qint64 pid)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray::number(pid)) > 0;
}

qint64 pidInFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

} // namespace

class TestDemoQuit : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    // Terminated when still running, then deleted, after every test.
    std::vector<std::unique_ptr<QProcess>> m_processes;

    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    // channeltray-sandbox writing its config into `folder` (which it creates); waits for it.
    QProcess *startSandbox(const QString &folder)
    {
        QDir().mkpath(path(folder));
        const QString config = path(folder + QStringLiteral("/config.json"));
        auto *sandbox = m_processes.emplace_back(std::make_unique<QProcess>()).get();
        // Its stderr is kept: it says every signal it receives (sandboxGotNoSigterm).
        sandbox->start(bin(QStringLiteral("tests/servers/sandbox/channeltray-sandbox")),
                       {QStringLiteral("--write-config"), config, QStringLiteral("--quiet")});
        const bool ready = sandbox->waitForStarted(10000)
                           && QTest::qWaitFor([&] { return QFileInfo(config).size() > 0; }, 15000);
        return ready ? sandbox : nullptr;
    }

    // The tray on `config`, its history under the test's folder, and its single-instance socket
    // there too (TMPDIR), apart from any other tray of this user.
    QProcess *startTray(const QString &config)
    {
        auto *tray = m_processes.emplace_back(std::make_unique<QProcess>()).get();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("TMPDIR"), m_dir->path());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("channeltray.ui.info=true"));
        tray->setProcessEnvironment(env);
        tray->start(bin(QStringLiteral("app/channeltray")), {QStringLiteral("--config"), config});
        return tray;
    }

    // Until it logs that it runs (its signal handling is installed before), or has ended.
    static bool waitUntilRunning(QProcess *tray)
    {
        QByteArray log;
        auto startedOrEnded = [&] {
            log += tray->readAllStandardError();
            return log.contains("tray started with config") || tray->state() == QProcess::NotRunning;
        };
        if (QTest::qWaitFor(startedOrEnded, 30000) && tray->state() == QProcess::Running)
            return true;
        qWarning("the tray did not start:\n%s", log.constData());
        return false;
    }

    // What "Try the demo" leaves: demo/config.json written by a running sandbox, and
    // demo/sandbox.pid naming it.
    QProcess *startDemoSandbox()
    {
        QProcess *sandbox = startSandbox(QStringLiteral("demo"));
        if (!sandbox || !writePidFile(path(QStringLiteral("demo/sandbox.pid")), sandbox->processId()))
            return nullptr;
        return sandbox;
    }

    // Proves that nobody sent the sandbox SIGTERM, without waiting for "long enough": SIGINT from
    // here, sent after the tray has exited (so whatever the tray sent is already pending there or
    // handled), and the sandbox reports every signal it receives in order until it ends: SIGINT
    // must be the only one. A SIGTERM from the tray would be said before or with it.
    static void sandboxGotNoSigterm(QProcess *sandbox)
    {
        QCOMPARE(sandbox->state(), QProcess::Running);
        QVERIFY(::kill(pid_t(sandbox->processId()), SIGINT) == 0);
        QVERIFY(sandbox->waitForFinished(15000));
        const QByteArray said = sandbox->readAllStandardError();
        QVERIFY2(said.contains("sandbox: SIGINT"), said.constData());
        QVERIFY2(!said.contains("SIGTERM"), said.constData());
    }

    // SIGTERM, as a logout does; the tray must end cleanly (exit 0, not killed by the signal).
    static void quitTray(QProcess *tray)
    {
        QVERIFY(::kill(pid_t(tray->processId()), SIGTERM) == 0);
        QVERIFY(tray->waitForFinished(15000));
        QCOMPARE(tray->exitStatus(), QProcess::NormalExit);
        QCOMPARE(tray->exitCode(), 0);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        for (const auto &p : m_processes)
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                p->waitForFinished(5000);
            }
        m_processes.clear();
        m_dir.reset();
    }

    void demoTray_quits_stopsItsSandbox_andRemovesThePidFile()
    {
        QProcess *sandbox = startDemoSandbox();
        QVERIFY(sandbox);
        QProcess *tray = startTray(path(QStringLiteral("demo/config.json")));
        QVERIFY(waitUntilRunning(tray));
        QCOMPARE(sandbox->state(), QProcess::Running);

        quitTray(tray);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox->state(), QProcess::NotRunning, 5000);
        QCOMPARE(sandbox->exitStatus(), QProcess::NormalExit); // its own SIGTERM handling
        QVERIFY(!QFile::exists(path(QStringLiteral("demo/sandbox.pid"))));
    }

    // The tray that started the demo quits right after the relaunch, on the user's config.
    void trayOnAnotherConfig_quits_leavesTheDemoSandboxRunning()
    {
        QProcess *sandbox = startDemoSandbox();
        QVERIFY(sandbox);
        QDir().mkpath(path(QStringLiteral("user")));
        QVERIFY(QFile::copy(path(QStringLiteral("demo/config.json")), path(QStringLiteral("user/config.json"))));
        QProcess *tray = startTray(path(QStringLiteral("user/config.json")));
        QVERIFY(waitUntilRunning(tray));

        quitTray(tray);
        QCOMPARE(pidInFile(path(QStringLiteral("demo/sandbox.pid"))), sandbox->processId());
        sandboxGotNoSigterm(sandbox);
    }

    // A second launch only asks the running demo tray to show itself; it never ran the tray.
    void secondLaunchOnTheDemoConfig_stepsAside_leavesTheSandboxRunning()
    {
        QProcess *sandbox = startDemoSandbox();
        QVERIFY(sandbox);
        QProcess *first = startTray(path(QStringLiteral("demo/config.json")));
        QVERIFY(waitUntilRunning(first));

        QProcess *second = startTray(path(QStringLiteral("demo/config.json")));
        QVERIFY(second->waitForFinished(15000));
        QCOMPARE(second->exitCode(), 0);
        QCOMPARE(pidInFile(path(QStringLiteral("demo/sandbox.pid"))), sandbox->processId());
        sandboxGotNoSigterm(sandbox);

        quitTray(first); // the demo is still the first tray's: it takes the pid file away
        QVERIFY(!QFile::exists(path(QStringLiteral("demo/sandbox.pid"))));
    }

    // "Try the demo" from a demo tray: the new sandbox's pid replaces the old one in the same
    // folder before the old tray quits; the old tray must not stop the new demo's sandbox.
    void demoTray_pidFileNowNamesANewerSandbox_leavesThatOneRunning()
    {
        QVERIFY(startDemoSandbox());
        QProcess *tray = startTray(path(QStringLiteral("demo/config.json")));
        QVERIFY(waitUntilRunning(tray));
        QProcess *newer = startSandbox(QStringLiteral("newer"));
        QVERIFY(newer);
        QVERIFY(writePidFile(path(QStringLiteral("demo/sandbox.pid")), newer->processId()));

        quitTray(tray);
        QCOMPARE(pidInFile(path(QStringLiteral("demo/sandbox.pid"))), newer->processId());
        sandboxGotNoSigterm(newer);
    }
};

QTEST_GUILESS_MAIN(TestDemoQuit)
#include "tst_demo_quit.moc"
