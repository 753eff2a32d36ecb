// "Try the demo": the welcome page's button runs the application's demo launcher. Without the
// sandbox it says where it looked; with it, the sandbox writes its demo config, the single-
// instance lock is released, the relaunch starts and this instance is asked to quit; a relaunch
// that cannot start takes the lock back and says so. Every step shows on the page.
#include "common/singleinstance.h"
#include "firstrun/demostarter.h"
#include "firstrun/welcomepage.h"
#include "traywiring.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace ct;
using namespace ct::ui;

class TestDemo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static void stopSandbox(const QString &demoDir)
    {
        QFile f(demoDir + QStringLiteral("/sandbox.pid"));
        if (f.open(QIODevice::ReadOnly)) {
            const qint64 pid = f.readAll().trimmed().toLongLong();
            if (pid > 0)
                ::kill(pid_t(pid), SIGTERM);
        }
    }

private Q_SLOTS:
    void noSandbox_saysWhereItLooked_andKeepsRunning()
    {
        QObject owner;
        WelcomePage page;
        app::DemoPaths paths;
        paths.sandbox = m_dir.filePath(QStringLiteral("nowhere/channeltray-sandbox"));
        paths.demoDir = m_dir.filePath(QStringLiteral("demo-missing"));
        DemoStarter starter(app::demoLauncher(&owner, paths), &page);
        QSignalSpy quit(&starter, &DemoStarter::quitRequested);
        connect(&page, &WelcomePage::demoRequested, &starter, &DemoStarter::start);
        page.demoButton()->click();
        QVERIFY2(page.demoStatus().contains(QStringLiteral("were not found")), qPrintable(page.demoStatus()));
        QVERIFY(page.demoStatus().contains(paths.sandbox));
        QVERIFY(page.demoButton()->isEnabled());
        QCOMPARE(quit.count(), 0);
    }

    void sandboxThatExitsAtOnce_saysWhatItSaid_andLeavesNoPidFile()
    {
        // Stands in for a sandbox that cannot start (say, its ports are taken): a script that
        // complains on stderr and exits.
        const QString fake = m_dir.filePath(QStringLiteral("failing-sandbox"));
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'sandbox: cannot listen on 127.0.0.1' >&2\nexit 1\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QObject owner;
        WelcomePage page;
        app::DemoPaths paths;
        paths.sandbox = fake;
        paths.demoDir = m_dir.filePath(QStringLiteral("demo-failing"));
        paths.program = QStringLiteral("/bin/true");
        DemoStarter starter(app::demoLauncher(&owner, paths), &page);
        QSignalSpy quit(&starter, &DemoStarter::quitRequested);
        starter.start();
        QTRY_VERIFY_WITH_TIMEOUT(page.demoStatus().contains(QStringLiteral("cannot listen on 127.0.0.1")), 10000);
        QVERIFY(page.demoButton()->isEnabled());
        QVERIFY(!QFile::exists(paths.demoDir + QStringLiteral("/sandbox.pid")));
        QCOMPARE(quit.count(), 0);
    }

#ifdef CHANNELTRAY_SANDBOX
    void sandbox_writesItsConfig_lockIsReleased_relaunchStarts_andThisOneQuits()
    {
        QObject owner;
        WelcomePage page;
        SingleInstance instance(
            QStringLiteral("channeltray-demo-test-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(instance.start());
        QVERIFY(instance.isPrimary());
        app::DemoPaths paths;
        paths.sandbox = QStringLiteral(CHANNELTRAY_SANDBOX);
        paths.demoDir = m_dir.filePath(QStringLiteral("demo"));
        paths.program = QStringLiteral("/bin/true");
        DemoStarter starter(app::demoLauncher(&owner, paths), &page);
        starter.setSingleInstance(&instance);
        QSignalSpy quit(&starter, &DemoStarter::quitRequested);
        starter.start();
        QVERIFY(!page.demoButton()->isEnabled());
        QVERIFY(page.demoStatus().contains(QStringLiteral("demo configuration")));
        QVERIFY(quit.wait(30000));
        QVERIFY(!instance.isPrimary()); // released for the demo instance
        QVERIFY(page.demoStatus().startsWith(QStringLiteral("Starting ChannelTray on the demo configuration")));
        QFile config(paths.demoDir + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(config.readAll()).object().contains(QStringLiteral("channels")));
        QVERIFY(QFile::exists(paths.demoDir + QStringLiteral("/data")));
        stopSandbox(paths.demoDir);
    }

    void relaunchCannotStart_takesTheLockBack_andSaysSo()
    {
        QObject owner;
        WelcomePage page;
        SingleInstance instance(
            QStringLiteral("channeltray-demo-test2-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(instance.start());
        app::DemoPaths paths;
        paths.sandbox = QStringLiteral(CHANNELTRAY_SANDBOX);
        paths.demoDir = m_dir.filePath(QStringLiteral("demo2"));
        paths.program = m_dir.filePath(QStringLiteral("no-such-program"));
        DemoStarter starter(app::demoLauncher(&owner, paths), &page);
        starter.setSingleInstance(&instance);
        QSignalSpy quit(&starter, &DemoStarter::quitRequested);
        starter.start();
        QTRY_VERIFY_WITH_TIMEOUT(page.demoStatus().contains(QStringLiteral("could not be started")), 30000);
        QVERIFY(page.demoStatus().contains(paths.program));
        QVERIFY(instance.isPrimary());
        QVERIFY(page.demoButton()->isEnabled());
        QCOMPARE(quit.count(), 0);
        stopSandbox(paths.demoDir);
    }
#endif
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
