// A keychain that comes late, is locked, or whose entry changes reaches the running accounts
// without a restart. The test runs its own session bus (no service activation, so nothing
// starts a keyring behind its back) and a real gnome-keyring-daemon that it starts, stops,
// locks and unlocks; the app side is a real AppRuntime against the loopback Gotify server.
// Nothing is faked: the events are the keyring's own D-Bus signals.
#include "accounts/accountregistry.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "runtime/appruntime.h"
#include "secrets/secretstore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

const QString kPassword = QStringLiteral("channeltray-keychain-test");
const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kLogin = QStringLiteral("/org/freedesktop/secrets/collection/login");

// org.freedesktop.Secret.Secret: (session, parameters, value, content type).
struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &a, const DBusSecret &s)
{
    a.beginStructure();
    a << s.session << s.parameters << s.value << s.contentType;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, DBusSecret &s)
{
    a.beginStructure();
    a >> s.session >> s.parameters >> s.value >> s.contentType;
    a.endStructure();
    return a;
}

} // namespace

Q_DECLARE_METATYPE(DBusSecret)

class TestAppRuntimeKeychain : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QProcessEnvironment m_keyringEnv;
    testserver::GotifyServer m_gotify;
    const AccountAddress m_ops{kGotifyChannel, QStringLiteral("ops")};

    Config gotifyConfig()
    {
        const QJsonObject ops{{"serverUrl", m_gotify.url().toString()}};
        const QJsonObject root{
            {"channels",
             QJsonObject{{"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", ops}}},
                                                {"inbound", QJsonObject{{"reconnectDelayMs", 100}}}}}}}};
        return configFromJson(root).config;
    }
    static QString detailOf(AppRuntime &rt, const AccountAddress &a)
    {
        const int row = rt.registry().rowOf(a);
        return row < 0 ? QString() : rt.registry().index(row).data(AccountRegistry::DetailRole).toString();
    }
    static QString stateOf(AppRuntime &rt, const AccountAddress &a)
    {
        const int row = rt.registry().rowOf(a);
        return row < 0 ? QString() : rt.registry().index(row).data(AccountRegistry::StateNameRole).toString();
    }
    // Applies the config; once the accounts are started, "ops" is failed and says `why`.
    void startAndExpectWaiting(AppRuntime &rt, const QString &why)
    {
        QVERIFY(rt.open(nullptr));
        QSignalSpy started(&rt, &AppRuntime::accountsStarted);
        rt.applyConfig(gotifyConfig());
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        QCOMPARE(stateOf(rt, m_ops), QStringLiteral("failed"));
        QVERIFY2(detailOf(rt, m_ops).contains(why), qPrintable(detailOf(rt, m_ops)));
    }
    // The newest stream request the server saw came with `token`.
    bool lastStreamUsed(const QString &token) const
    {
        const QList<testserver::GotifyRequestRecord> log = m_gotify.requestLog();
        for (auto it = log.crbegin(); it != log.crend(); ++it) {
            if (!it->isStream)
                continue;
            for (const auto &h : it->headers)
                if (h.first.compare("X-Gotify-Key", Qt::CaseInsensitive) == 0)
                    return h.second == token.toUtf8();
            return false;
        }
        return false;
    }
    bool secretsOnBus() const
    {
        return QDBusConnection::sessionBus().interface()->isServiceRegistered(kSecrets).value();
    }
    // Starts gnome-keyring-daemon on the test's bus and unlocks its login keyring.
    bool startKeyring()
    {
        m_keyring.setProcessEnvironment(m_keyringEnv);
        m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_keyring.start(
            QStringLiteral("gnome-keyring-daemon"),
            {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(10000))
            return false;
        m_keyring.write(kPassword.toUtf8());
        m_keyring.closeWriteChannel();
        return QTest::qWaitFor([this] { return secretsOnBus(); }, 15000);
    }
    void stopKeyring()
    {
        if (m_keyring.state() == QProcess::NotRunning)
            return;
        m_keyring.terminate();
        if (!m_keyring.waitForFinished(5000)) {
            m_keyring.kill();
            m_keyring.waitForFinished(5000);
        }
    }
    // Stores a token as QtKeychain's libsecret backend does, from a separate process
    // (secret-tool), so this process's own libsecret has never seen that keyring daemon.
    bool storeWithSecretTool(const QString &key, const QString &value)
    {
        QProcess tool;
        tool.setProcessEnvironment(m_keyringEnv);
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("store"), QStringLiteral("--label=channeltray test"), QStringLiteral("server"),
                    QStringLiteral("channeltray"), QStringLiteral("user"), key, QStringLiteral("type"),
                    QStringLiteral("plaintext")});
        if (!tool.waitForStarted(10000))
            return false;
        tool.write(value.toUtf8());
        tool.closeWriteChannel();
        return tool.waitForFinished(15000) && tool.exitCode() == 0;
    }
    bool setLoginLocked(bool locked)
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (locked) {
            QDBusMessage lock = QDBusMessage::createMethodCall(
                kSecrets, QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
            lock << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(kLogin)});
            return bus.call(lock).type() == QDBusMessage::ReplyMessage;
        }
        // gnome-keyring's own unlock with the password, over a "plain" session (no prompt).
        QDBusMessage open = QDBusMessage::createMethodCall(kSecrets, QStringLiteral("/org/freedesktop/secrets"),
                                                           QStringLiteral("org.freedesktop.Secret.Service"),
                                                           QStringLiteral("OpenSession"));
        open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
        const QDBusMessage opened = bus.call(open);
        if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2)
            return false;
        DBusSecret secret{opened.arguments().at(1).value<QDBusObjectPath>(),
                          {},
                          kPassword.toUtf8(),
                          QStringLiteral("text/plain")};
        QDBusMessage unlock = QDBusMessage::createMethodCall(
            kSecrets, QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
            QStringLiteral("UnlockWithMasterPassword"));
        unlock << QVariant::fromValue(QDBusObjectPath(kLogin)) << QVariant::fromValue(secret);
        const QDBusMessage reply = bus.call(unlock);
        if (reply.type() != QDBusMessage::ReplyMessage)
            qWarning() << reply.errorMessage();
        return reply.type() == QDBusMessage::ReplyMessage;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        qDBusRegisterMetaType<DBusSecret>();
        // A session bus of our own, without service activation.
        const QString conf = m_dir.filePath(QStringLiteral("bus.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>unix:tmpdir="
                + m_dir.path().toUtf8()
                + "</listen><policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                  "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        f.close();
        m_bus.setProcessChannelMode(QProcess::SeparateChannels);
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                     QStringLiteral("--config-file=") + conf});
        QVERIFY(m_bus.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([this] { return m_bus.canReadLine(); }, 10000));
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        // Nothing in this process has used D-Bus yet: from here on, its session bus is ours.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_keyringEnv = QProcessEnvironment::systemEnvironment();
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const QString run = m_dir.filePath(QStringLiteral("run"));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/.local/share")));
        QVERIFY(QDir().mkpath(run));
        QFile::setPermissions(run, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_keyringEnv.insert(QStringLiteral("HOME"), home);
        m_keyringEnv.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        m_keyringEnv.insert(QStringLiteral("XDG_RUNTIME_DIR"), run); // not the session's own keyring
        m_keyringEnv.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(address));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QVERIFY(!secretsOnBus());
    }

    void cleanupTestCase()
    {
        stopKeyring();
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void lateKeyring_accountWaitsForIt_thenConnectsWhenItStarts_withoutARestart()
    {
        // The token is in the login keyring on disk; the keyring daemon is not running yet.
        QVERIFY(startKeyring());
        QVERIFY(storeWithSecretTool(SecretStore::keyFor(m_ops, QStringLiteral("clientToken")),
                                    m_gotify.clientToken()));
        stopKeyring();
        QVERIFY(QTest::qWaitFor([this] { return !secretsOnBus(); }, 10000));

        AppRuntime rt({m_dir.filePath(QStringLiteral("c1.json")), m_dir.filePath(QStringLiteral("h1.sqlite"))});
        startAndExpectWaiting(rt, QStringLiteral("waiting for the keychain: no Secret Service"));
        if (QTest::currentTestFailed())
            return;

        QVERIFY(startKeyring());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, m_ops), QStringLiteral("connected"), 15000);
        QVERIFY(lastStreamUsed(m_gotify.clientToken()));
    }

    void tokenChangedInTheKeychain_reconnectsTheRunningAccount_withTheNewToken()
    {
        AppRuntime rt({m_dir.filePath(QStringLiteral("c2.json")), m_dir.filePath(QStringLiteral("h2.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(gotifyConfig());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, m_ops), QStringLiteral("connected"), 15000);
        const QString oldToken = m_gotify.clientToken();
        QVERIFY(lastStreamUsed(oldToken));

        const QString newToken = m_gotify.addClient(QStringLiteral("rotated"));
        SecretStore store;
        QVERIFY(store.writeBlocking(m_ops, QStringLiteral("clientToken"), newToken).ok());
        QTRY_VERIFY_WITH_TIMEOUT(lastStreamUsed(newToken), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, m_ops), QStringLiteral("connected"), 15000);
        // The old token is gone from the server: the account stays on the new one.
        QVERIFY(m_gotify.revokeToken(oldToken));
        m_gotify.postMessage(QStringLiteral("after rotation"), QStringLiteral("t"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(rt.registry().unread(m_ops), 1, 15000);

        // Changed again by another program (secret-tool, libsecret's own client): the same.
        const QString thirdToken = m_gotify.addClient(QStringLiteral("rotated by another tool"));
        QVERIFY(storeWithSecretTool(SecretStore::keyFor(m_ops, QStringLiteral("clientToken")), thirdToken));
        QTRY_VERIFY_WITH_TIMEOUT(lastStreamUsed(thirdToken), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, m_ops), QStringLiteral("connected"), 15000);
        QVERIFY(m_gotify.revokeToken(newToken));
        m_gotify.postMessage(QStringLiteral("after the second rotation"), QStringLiteral("t"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(rt.registry().unread(m_ops), 2, 15000);
    }

    void lockedKeyring_accountWaits_thenConnectsWhenItIsUnlocked()
    {
        QVERIFY(setLoginLocked(true));
        AppRuntime rt({m_dir.filePath(QStringLiteral("c3.json")), m_dir.filePath(QStringLiteral("h3.sqlite"))});
        startAndExpectWaiting(rt, QStringLiteral("waiting for the keychain to be unlocked"));
        if (QTest::currentTestFailed())
            return;

        QVERIFY(setLoginLocked(false));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, m_ops), QStringLiteral("connected"), 15000);
    }
};

QTEST_GUILESS_MAIN(TestAppRuntimeKeychain)
#include "tst_appruntime_keychain.moc"
