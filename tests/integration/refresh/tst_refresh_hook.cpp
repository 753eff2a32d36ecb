// tokenRefresh.mode = "hook" with real scripts, and mode "off".
#include "refresh/tokenrefresher.h"
#include "refreshtesthelpers.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ct;
using namespace refreshtest;

namespace {
const AccountAddress kPrimary{kOpenImChannel, QStringLiteral("primary")};
const QString kOldToken = QStringLiteral("old-keychain-token-abcdef");
} // namespace

class TestRefreshHook : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    TokenRefresher *m_refresher = nullptr;
    QStringList m_written;

    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString script(const QString &name, const QByteArray &body)
    {
        const QString p = path(name);
        writeFile(p, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + path(name + ".argv").toUtf8() + "\"\n"
                         + body + "\n");
        QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return p;
    }
    void configure(RefreshMode mode, const QStringList &command, int timeoutMs = 3000)
    {
        TokenRefreshConfig config;
        config.mode = mode;
        config.hook.command = command;
        config.hook.timeoutMs = timeoutMs;
        config.manualLoginMarkerPath = path("m/manual-login.json");
        OpenImAccountConfig account;
        account.id = "primary"; // token in the keychain
        m_refresher->setConfig(config, {account}, path("config.json"));
    }
    // Triggers and waits for the terminal failure; returns the error.
    QString expectTerminalFailure()
    {
        QSignalSpy failed(m_refresher, &TokenRefresher::refreshFailed);
        QSignalSpy marker(m_refresher, &TokenRefresher::markerWritten);
        m_refresher->trigger(kPrimary, "OnUserTokenInvalid errCode=1502");
        if (!failed.wait(10000) || failed.size() != 1 || !failed.first().at(3).toBool() || marker.size() != 1)
            return QStringLiteral("<no terminal failure>");
        const QByteArray text = readFile(m_refresher->markerPath(kPrimary));
        if (text.contains(kOldToken.toUtf8()))
            return QStringLiteral("<token in marker>");
        if (QJsonDocument::fromJson(text).object()["tried"].toObject()["attempts"].toInt() > 1)
            return QStringLiteral("<hook retried>");
        return failed.first().at(2).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_refresher = new TokenRefresher;
        m_refresher->setRetryPolicy({10, 10, 3, 0.0});
        m_written.clear();
        m_refresher->setTokenWriter(
            [this](const AccountAddress &, const QString &token, std::function<void(bool, const QString &)> done) {
                m_written << token;
                done(true, {});
            });
    }
    void cleanup()
    {
        delete m_refresher;
        delete m_dir;
    }

    void hook_success_readsTokenAndItsUserIDWins_noTokenOnArgv()
    {
        const QString token = makeJwt("u_claims");
        const QString s = script("ok.sh",
                                 "echo '{\"token\": \"" + token.toUtf8() + "\", \"userID\": \"u_hook\"}'");
        configure(RefreshMode::Hook, {s, "--account", "{accountId}", "--why={reason}"});
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        m_refresher->trigger(kPrimary, "OnUserTokenExpired errCode=1501");
        QVERIFY(ok.wait(10000));
        QCOMPARE(m_written, QStringList{token});
        QCOMPARE(m_refresher->credentials(kPrimary)->userID, QStringLiteral("u_hook")); // the hook names the user
        const QByteArray argv = readFile(s + ".argv");
        QCOMPARE(argv, QByteArray("--account\nprimary\n--why=OnUserTokenExpired errCode=1501\n"));
        QVERIFY(!argv.contains(token.toUtf8()));
        QVERIFY(!argv.contains(kOldToken.toUtf8()));
    }

    void hook_userIDFromOutput_whenTokenIsNotAJwt()
    {
        const QString s = script("plain.sh", "echo '{\"token\":\"opaque-token\",\"userID\":\"u_hook\"}'");
        configure(RefreshMode::Hook, {s});
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        m_refresher->trigger(kPrimary, "OnKickedOffline");
        QVERIFY(ok.wait(10000));
        QCOMPARE(m_refresher->credentials(kPrimary)->userID, QStringLiteral("u_hook"));
    }

    void hook_failures_areTerminal_markerWritten_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("non-zero exit") << QByteArray("echo '{\"token\":\"t\"}'; exit 3") << 5000
                                       << "exited with code 3";
        QTest::newRow("timeout") << QByteArray("exec sleep 30") << 300 << "did not finish within 300 ms";
        QTest::newRow("null") << QByteArray("echo null") << 5000 << "printed null";
        QTest::newRow("empty output") << QByteArray("true") << 5000 << "printed nothing";
        QTest::newRow("no token") << QByteArray("echo '{\"userID\":\"u\"}'") << 5000 << "has no token";
        QTest::newRow("garbage") << QByteArray("echo not json") << 5000 << "not a JSON object";
    }
    void hook_failures_areTerminal_markerWritten()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, timeoutMs);
        QFETCH(QString, expected);
        configure(RefreshMode::Hook, {script("fail.sh", body)}, timeoutMs);
        const QString error = expectTerminalFailure();
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(m_written.isEmpty());
    }

    void hook_withoutCommand_behavesAsOff()
    {
        configure(RefreshMode::Hook, {});
        const QString error = expectTerminalFailure();
        QVERIFY2(error.contains("hook.command"), qPrintable(error));
    }

    void hook_programMissing_terminal()
    {
        configure(RefreshMode::Hook, {path("does-not-exist")});
        const QString error = expectTerminalFailure();
        QVERIFY2(error.contains("could not be started"), qPrintable(error));
    }

    void off_markerAtOnce_perAccount()
    {
        configure(RefreshMode::Off, {});
        QSignalSpy marker(m_refresher, &TokenRefresher::markerWritten);
        m_refresher->trigger(kPrimary, "OnUserTokenExpired");
        m_refresher->trigger({kOpenImChannel, "team-b"}, "OnKickedOffline");
        QCOMPARE(marker.size(), 0); // never from inside trigger()
        QTRY_COMPARE(marker.size(), 2);
        QCOMPARE(marker.at(0).at(1).toString(), path("m/manual-login.primary.json"));
        QCOMPARE(marker.at(1).at(1).toString(), path("m/manual-login.team-b.json"));
        const QJsonObject m = readJson(path("m/manual-login.team-b.json"));
        QCOMPARE(m["account"].toString(), QStringLiteral("multi-openim/team-b"));
        QCOMPARE(m["reason"].toString(), QStringLiteral("OnKickedOffline"));
        QCOMPARE(m["tried"].toObject()["mode"].toString(), QStringLiteral("off"));
        QCOMPARE(m["tried"].toObject()["attempts"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRefreshHook)
#include "tst_refresh_hook.moc"
