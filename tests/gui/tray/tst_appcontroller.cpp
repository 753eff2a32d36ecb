// The tray's windows edit the runtime's one config document: after a token refresh wrote the
// new OpenIM token into the config file, the document holds it, and a save from the tray (an
// account switched on) writes only that switch, through the one format-keeping writer, so the
// file keeps the refreshed token and its comments (docs/architecture.md "The config document:
// one writer"). The real runtime, a hook refresh and the loopback OpenIM server.
#include "common/messagebox.h"
#include "openimloopbackserver.h"
#include "refresh/tokenrefresher.h"
#include "runtime/appruntime.h"
#include "tray/appcontroller.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &text, QFileDevice::Permissions mode = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        return false;
    f.close();
    return mode == QFileDevice::Permissions{} || f.setPermissions(mode);
}
} // namespace

class TestAppController : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    loopback::OpenImLoopbackServer m_openim;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_openim.start());
        m_openim.addUser(QStringLiteral("bot"));
    }

    void saveFromTheTray_afterATokenRefresh_keepsTheRefreshedTokenInTheFile()
    {
        const QString oldToken = m_openim.mintBadToken(QStringLiteral("bot"), 5, 1501); // expired: refreshed
        const QString newToken = m_openim.mintToken(QStringLiteral("bot"), 5);
        const QString hook = m_dir.filePath(QStringLiteral("refresh-hook.sh"));
        QVERIFY(writeFile(hook, "#!/bin/sh\necho '{\"token\": \"" + newToken.toUtf8() + "\"}'\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const QString path = m_dir.filePath(QStringLiteral("config.json5"));
        const QByteArray text = QStringLiteral(
                                    "// kept by every save\n"
                                    "{\n"
                                    "  channels: {\n"
                                    "    gotify: {\n"
                                    "      accounts: {\n"
                                    "        spare: { serverUrl: 'http://127.0.0.1:1', clientToken: 'c', "
                                    "enabled: false },\n"
                                    "      },\n"
                                    "    },\n"
                                    "    'multi-openim': {\n"
                                    "      tokenRefresh: { mode: 'hook', hook: { command: ['%1'] }, "
                                    "manualLoginMarkerPath: '%2' },\n"
                                    "      accounts: {\n"
                                    "        primary: { wsAddr: '%3', apiAddr: '%4', token: '%5' }, // inline\n"
                                    "      },\n"
                                    "    },\n"
                                    "  },\n"
                                    "}\n")
                                    .arg(hook, m_dir.filePath(QStringLiteral("markers/login.json")),
                                         m_openim.wsAddr(), m_openim.apiAddr(), oldToken)
                                    .toUtf8();
        QVERIFY(writeFile(path, text));

        AppRuntime runtime({path, m_dir.filePath(QStringLiteral("history.sqlite"))});
        QSignalSpy refreshed(&runtime.refresher(), &TokenRefresher::refreshSucceeded);
        MessageBox box;
        AppController controller(runtime, {}, &box, nullptr);
        QCOMPARE(controller.config().openim.accounts.value(0).token, oldToken);
        controller.start();

        // The refresh patches the file where the token was written, and the document follows.
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 20000);
        QVERIFY(readAll(path).contains(newToken.toUtf8()));
        QCOMPARE(controller.config().openim.accounts.value(0).token, newToken);
        const AccountAddress primary{kOpenImChannel, QStringLiteral("primary")};
        QTRY_COMPARE_WITH_TIMEOUT(runtime.registry().connection(primary)->state(), AccountState::Connected, 20000);

        // "Enable" from the tray: only that switch is written.
        const AccountAddress spare{kGotifyChannel, QStringLiteral("spare")};
        controller.setAccountEnabled(spare, true);
        const QByteArray saved = readAll(path);
        QVERIFY2(saved.contains(newToken.toUtf8()), saved.constData());
        QVERIFY2(!saved.contains(oldToken.toUtf8()), saved.constData());
        QVERIFY(saved.startsWith("// kept by every save\n"));
        QVERIFY(saved.contains("' }, // inline\n"));
        QVERIFY2(saved.contains("clientToken: 'c', enabled: true }"), saved.constData());
        QCOMPARE(controller.config().openim.accounts.value(0).token, newToken);
        QVERIFY(controller.config().gotifyAccount(QStringLiteral("spare"))->enabled);
        QCOMPARE(runtime.registry().connection(primary)->state(), AccountState::Connected);
    }
};

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
