// First run with no ChannelTray config but a gateway's ~/.openclaw/openclaw.json (in a temporary
// home): the welcome page offers the file in place; choosing it makes it the config without a
// copy (the choice remembered for the next start), its account connects to the loopback Gotify
// server with the token written in the file, and an edit lands in that file, keeping its
// comments, with a .bak.
#include "common/messagebox.h"
#include "config/configlocation.h"
#include "firstrun/welcomepage.h"
#include "gotifyserver.h"
#include "mainwindow/accountstab.h"
#include "mainwindow/mainwindow.h"
#include "runtime/appruntime.h"
#include "tray/appcontroller.h"
#include "traywiring.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using ct::testserver::GotifyServer;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    GotifyServer m_gotify;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(".config").toUtf8());
        qunsetenv("OPENCLAW_CONFIG_PATH");
        qunsetenv("OPENCLAW_STATE_DIR");
        qunsetenv("OPENCLAW_HOME");
        QVERIFY(m_gotify.listen());
    }

    void useInPlace_gatewayFileBecomesTheConfig_rememberedConnectsAndTakesEditsInPlace()
    {
        const QString gateway = m_home.filePath(".openclaw/openclaw.json");
        QVERIFY(QDir().mkpath(m_home.filePath(".openclaw")));
        const QByteArray text = QStringLiteral(
                                    "// the gateway's own config\n"
                                    "{\n"
                                    "  gateway: { mode: 'local' },\n"
                                    "  channels: {\n"
                                    "    gotify: {\n"
                                    "      accounts: {\n"
                                    "        ops: { serverUrl: '%1', clientToken: '%2' }, // office\n"
                                    "        spare: { serverUrl: '%1', clientToken: '%2', enabled: false },\n"
                                    "      },\n"
                                    "    },\n"
                                    "  },\n"
                                    "}\n")
                                    .arg(m_gotify.url().toString(), m_gotify.clientToken())
                                    .toUtf8();
        {
            QFile f(gateway);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const ConfigLocation own = resolveConfigLocation({}, {});
        QVERIFY(!own.gatewayInPlace);
        QVERIFY(!QFile::exists(own.path));

        AppRuntime runtime({own.path, m_home.filePath("history.sqlite")});
        MessageBox box;
        AppController controller(runtime, app::trayServicesFor(runtime), &box, nullptr);
        WelcomePage *welcome = controller.mainWindow()->welcomePage();
        QVERIFY(!welcome->inPlaceButton()->isHidden());
        QVERIFY2(welcome->inPlaceButton()->text().contains(gateway), qPrintable(welcome->inPlaceButton()->text()));

        box.setNextAnswer(QMessageBox::Yes);
        welcome->inPlaceButton()->click();
        QCOMPARE(controller.configPath(), gateway);
        QCOMPARE(runtime.configPath(), gateway);
        QVERIFY(!QFile::exists(own.path)); // no copy
        QCOMPARE(readAll(gateway), text);
        const ConfigLocation next = resolveConfigLocation({}, {});
        QVERIFY(next.gatewayInPlace);
        QCOMPARE(next.path, gateway);

        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        QTRY_VERIFY_WITH_TIMEOUT(runtime.registry().rowOf(ops) >= 0
                                     && runtime.registry().stateCount(AccountState::Connected) == 1,
                                 20000);

        const AccountAddress spare{kGotifyChannel, QStringLiteral("spare")};
        Q_EMIT controller.mainWindow()->accountsTab()->removeRequested(spare);
        QByteArray want = text;
        const qsizetype from = want.indexOf("        spare:");
        want.remove(from, want.indexOf('\n', from) + 1 - from);
        QCOMPARE(readAll(gateway), want);
        QCOMPARE(readAll(gateway + ".bak"), text);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
