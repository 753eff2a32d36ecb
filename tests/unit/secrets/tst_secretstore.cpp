// SecretStore against the real Secret Service (gnome-keyring under tools/headless.sh):
// write, read back, overwrite, delete, missing entries, FIFO order of queued jobs, and a
// typed NoBackend error when no Secret Service is reachable (checked in a child process,
// because libsecret keeps its bus connection for the life of a process).
#include "secrets/keychainerror.h"
#include "secrets/secretstore.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <cstdio>
#include <memory>

using namespace ct;

namespace {

constexpr int kKeychainTimeoutMs = 15000;
const char kChildModeVariable[] = "CT_SECRETSTORE_CHILD";
const char kChildSecretVariable[] = "CT_SECRETSTORE_CHILD_SECRET";

AccountAddress freshAccount(const QString &channel = kGotifyChannel)
{
    return {channel, QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces)};
}

struct Outcome
{
    bool done = false;
    SecretResult result;
};

// Wraps a callback that records the result, so a test can wait for it with QTRY_*.
SecretStore::Callback recordInto(const std::shared_ptr<Outcome> &outcome)
{
    return [outcome](const SecretResult &result) {
        outcome->done = true;
        outcome->result = result;
    };
}

// The child: no Secret Service reachable. Prints "<operation>=<error name>" lines.
int runNoBackendChild()
{
    SecretStore store;
    store.setRetryDelayMs(200);
    int retries = 0;
    QObject::connect(&store, &SecretStore::retryScheduled, [&retries] { ++retries; });
    const AccountAddress account{kGotifyChannel, QStringLiteral("child")};
    const QString secret = qEnvironmentVariable(kChildSecretVariable);
    const SecretResult written = store.writeBlocking(account, QStringLiteral("appToken"), secret,
                                                     kKeychainTimeoutMs);
    const SecretResult read = store.readBlocking(account, QStringLiteral("appToken"), kKeychainTimeoutMs);
    const SecretResult removed = store.removeBlocking(account, QStringLiteral("appToken"), kKeychainTimeoutMs);
    std::printf("write=%s\nread=%s\nremove=%s\nretries=%d\nmessage=%s\nvalue=%s\n",
                qPrintable(secretErrorName(written.error)), qPrintable(secretErrorName(read.error)),
                qPrintable(secretErrorName(removed.error)), retries, qPrintable(read.message),
                read.value.isEmpty() ? "empty" : "set");
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

    SecretResult run(const std::function<quint64(SecretStore::Callback)> &start)
    {
        auto outcome = std::make_shared<Outcome>();
        start(recordInto(outcome));
        if (!QTest::qWaitFor([&] { return outcome->done; }, kKeychainTimeoutMs))
            return SecretResult{SecretError::Other, QString(), QStringLiteral("test: no answer")};
        return outcome->result;
    }

private Q_SLOTS:
    void keyFor_isChannelSlashAccountSlashField()
    {
        QCOMPARE(SecretStore::keyFor({kGotifyChannel, "ops"}, "appToken"), QStringLiteral("gotify/ops/appToken"));
        QCOMPARE(SecretStore::keyFor({kOpenImChannel, "primary"}, "token"),
                 QStringLiteral("multi-openim/primary/token"));
        QCOMPARE(SecretStore::keyFor({kGotifyChannel, "ops"}, "clientToken"),
                 QStringLiteral("gotify/ops/clientToken"));
        QVERIFY(SecretStore::keyFor({kGotifyChannel, "ops"}, "password").isEmpty());
        QVERIFY(SecretStore::keyFor({kGotifyChannel, QString()}, "token").isEmpty());
        QVERIFY(SecretStore::keyFor({}, "token").isEmpty());
        QCOMPARE(SecretStore::kDefaultService, QStringLiteral("channeltray"));
        QCOMPARE(SecretStore().service(), QStringLiteral("channeltray"));
    }

    void keychainErrors_mapToTypedErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<bool>("serviceReachable");
        QTest::addColumn<int>("expected");
        auto row = [](const char *name, QKeychain::Error code, const char *detail, bool reachable, SecretError e) {
            QTest::newRow(name) << int(code) << QString::fromUtf8(detail) << reachable << int(e);
        };
        row("no error", QKeychain::NoError, "", true, SecretError::None);
        row("entry not found", QKeychain::EntryNotFound, "No match", true, SecretError::NotFound);
        row("no backend", QKeychain::NoBackendAvailable, "", true, SecretError::NoBackend);
        row("not implemented", QKeychain::NotImplemented, "", true, SecretError::NoBackend);
        row("denied by user", QKeychain::AccessDeniedByUser, "", true, SecretError::AccessDenied);
        row("locked collection", QKeychain::AccessDenied, "Cannot create an item in a locked collection", true,
            SecretError::Locked);
        row("access denied", QKeychain::AccessDenied, "Access to keychain denied", true,
            SecretError::AccessDenied);
        row("could not delete", QKeychain::CouldNotDeleteEntry, "x", true, SecretError::Other);
        row("other, service up", QKeychain::OtherError, "something", true, SecretError::Other);
        row("other, no bus", QKeychain::OtherError, "Could not connect: No such file or directory", false,
            SecretError::NoBackend);
    }

    void keychainErrors_mapToTypedErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, detail);
        QFETCH(bool, serviceReachable);
        QFETCH(int, expected);
        const SecretResult result = secretResultFromKeychain(QKeychain::Error(code), detail, "gotify/ops/appToken",
                                                             [serviceReachable] { return serviceReachable; });
        QCOMPARE(int(result.error), expected);
        QCOMPARE(result.message.isEmpty(), result.ok());
        if (result.error == SecretError::NoBackend)
            QCOMPARE(result.message, QStringLiteral("No Secret Service is running (is gnome-keyring or "
                                                    "KeePassXC's Secret Service enabled?)"));
    }

    void write_thenRead_returnsTheValue()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        const QString value = QStringLiteral("AbCdEf.0123456789");
        QCOMPARE(run([&](auto cb) { return store.write(account, "appToken", value, cb); }).error,
                 SecretError::None);
        const SecretResult read = run([&](auto cb) { return store.read(account, "appToken", cb); });
        QCOMPARE(read.error, SecretError::None);
        QCOMPARE(read.value, value);
        QVERIFY(read.message.isEmpty());
        run([&](auto cb) { return store.remove(account, "appToken", cb); });
    }

    void write_overExistingEntry_replacesTheValue()
    {
        SecretStore store;
        const AccountAddress account = freshAccount(kOpenImChannel);
        QVERIFY(run([&](auto cb) { return store.write(account, "token", "first-token", cb); }).ok());
        QVERIFY(run([&](auto cb) { return store.write(account, "token", "second-token", cb); }).ok());
        QCOMPARE(run([&](auto cb) { return store.read(account, "token", cb); }).value,
                 QStringLiteral("second-token"));
        run([&](auto cb) { return store.remove(account, "token", cb); });
    }

    void remove_thenRead_reportsNotFound()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        QVERIFY(run([&](auto cb) { return store.write(account, "clientToken", "to-be-removed", cb); }).ok());
        QCOMPARE(run([&](auto cb) { return store.remove(account, "clientToken", cb); }).error, SecretError::None);
        const SecretResult read = run([&](auto cb) { return store.read(account, "clientToken", cb); });
        QCOMPARE(read.error, SecretError::NotFound);
        QVERIFY(read.value.isEmpty());
    }

    void read_missingEntry_reportsNotFound_withAMessage()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        const SecretResult read = run([&](auto cb) { return store.read(account, "appToken", cb); });
        QCOMPARE(read.error, SecretError::NotFound);
        QVERIFY(read.message.contains(account.toString() + QStringLiteral("/appToken")));
        QCOMPARE(secretErrorName(read.error), QStringLiteral("not-found"));
    }

    void remove_missingEntry_succeeds()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        QCOMPARE(run([&](auto cb) { return store.remove(account, "token", cb); }).error, SecretError::None);
    }

    void fieldsOfOneAccount_areKeptApart()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        QVERIFY(run([&](auto cb) { return store.write(account, "appToken", "app-value", cb); }).ok());
        QVERIFY(run([&](auto cb) { return store.write(account, "clientToken", "client-value", cb); }).ok());
        QCOMPARE(run([&](auto cb) { return store.read(account, "appToken", cb); }).value,
                 QStringLiteral("app-value"));
        QCOMPARE(run([&](auto cb) { return store.read(account, "clientToken", cb); }).value,
                 QStringLiteral("client-value"));
        run([&](auto cb) { return store.remove(account, "appToken", cb); });
        run([&](auto cb) { return store.remove(account, "clientToken", cb); });
    }

    void operations_issuedBackToBack_runInFifoOrder()
    {
        SecretStore store;
        const AccountAddress a = freshAccount();
        const AccountAddress b = freshAccount();
        QList<quint64> completed;
        QStringList values;
        auto note = [&](quint64 *id) {
            return [&, id](const SecretResult &result) {
                QVERIFY2(result.ok(), qPrintable(result.message));
                completed << *id;
                values << result.value;
            };
        };
        quint64 ids[7] = {};
        ids[0] = store.write(a, "appToken", "A1", note(&ids[0]));
        ids[1] = store.write(b, "appToken", "B1", note(&ids[1]));
        ids[2] = store.read(a, "appToken", note(&ids[2]));
        ids[3] = store.write(a, "appToken", "A2", note(&ids[3]));
        ids[4] = store.read(a, "appToken", note(&ids[4]));
        ids[5] = store.read(b, "appToken", note(&ids[5]));
        ids[6] = store.remove(a, "appToken", note(&ids[6]));
        QCOMPARE(store.pending(), 7);
        QVERIFY(completed.isEmpty()); // nothing finishes before the event loop runs
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 7, kKeychainTimeoutMs);
        QCOMPARE(completed, (QList<quint64>{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]}));
        QCOMPARE(values, (QStringList{"", "", "A1", "", "A2", "B1", ""}));
        QCOMPARE(store.pending(), 0);
        QVERIFY(!store.busy());
        run([&](auto cb) { return store.remove(b, "appToken", cb); });
    }

    void finishedSignal_carriesIdOperationKeyAndResult()
    {
        SecretStore store;
        QSignalSpy finished(&store, &SecretStore::finished);
        const AccountAddress account = freshAccount();
        SecretResult fromCallback;
        const quint64 writeId = store.write(account, "token", "signal-value");
        const quint64 readId = store.read(account, "token", [&](const SecretResult &r) {
            fromCallback = r;
            QCOMPARE(finished.size(), 1); // the callback runs before the signal of its request
        });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kKeychainTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toULongLong(), writeId);
        QCOMPARE(finished.at(0).at(1).value<SecretStore::Operation>(), SecretStore::Operation::Write);
        QCOMPARE(finished.at(1).at(0).toULongLong(), readId);
        QCOMPARE(finished.at(1).at(1).value<SecretStore::Operation>(), SecretStore::Operation::Read);
        QCOMPARE(finished.at(1).at(2).toString(), account.toString() + QStringLiteral("/token"));
        const SecretResult fromSignal = finished.at(1).at(3).value<SecretResult>();
        QCOMPARE(fromSignal.value, QStringLiteral("signal-value"));
        QCOMPARE(fromCallback.value, QStringLiteral("signal-value"));
        run([&](auto cb) { return store.remove(account, "token", cb); });
    }

    void storedEntry_isFoundBySecretTool_underServiceChannelTray()
    {
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        QVERIFY2(!secretTool.isEmpty(), "secret-tool (libsecret-tools, tools/deps.txt) is required");
        SecretStore store;
        const AccountAddress account = freshAccount();
        QVERIFY(run([&](auto cb) { return store.write(account, "appToken", "seen-from-outside", cb); }).ok());
        QProcess lookup;
        lookup.start(secretTool, {"lookup", "server", "channeltray", "user", account.toString() + "/appToken"});
        QVERIFY(lookup.waitForFinished(kKeychainTimeoutMs));
        QCOMPARE(lookup.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), QStringLiteral("seen-from-outside"));
        run([&](auto cb) { return store.remove(account, "appToken", cb); });
    }

    void unicodeAndLongValues_roundTrip()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        const QString value = QStringLiteral("ключ-密钥-🔑-") + QString(4096, QLatin1Char('x'));
        QVERIFY(run([&](auto cb) { return store.write(account, "token", value, cb); }).ok());
        QCOMPARE(run([&](auto cb) { return store.read(account, "token", cb); }).value, value);
        run([&](auto cb) { return store.remove(account, "token", cb); });
    }

    void invalidAddressOrField_failsWithoutTouchingTheKeychain()
    {
        SecretStore store;
        const SecretResult badField = run(
            [&](auto cb) { return store.write(freshAccount(), "password", "x", cb); });
        QCOMPARE(badField.error, SecretError::Other);
        QVERIFY(badField.message.contains(QStringLiteral("password")));
        const SecretResult badAddress = run([&](auto cb) { return store.read(AccountAddress{}, "token", cb); });
        QCOMPARE(badAddress.error, SecretError::Other);
    }

    void blockingHelpers_writeReadRemove()
    {
        SecretStore store;
        const AccountAddress account = freshAccount();
        QCOMPARE(store.writeBlocking(account, "appToken", "blocking-value").error, SecretError::None);
        const SecretResult read = store.readBlocking(account, "appToken");
        QCOMPARE(read.error, SecretError::None);
        QCOMPARE(read.value, QStringLiteral("blocking-value"));
        QCOMPARE(store.removeBlocking(account, "appToken").error, SecretError::None);
        QCOMPARE(store.readBlocking(account, "appToken").error, SecretError::NotFound);
    }

    void noSecretService_reportsNoBackend_afterOneRetry()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret = QStringLiteral("child-secret-") + QUuid::createUuid().toString(QUuid::Id128);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-such-bus")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QString::fromLatin1(kChildModeVariable), QStringLiteral("no-backend"));
        env.insert(QString::fromLatin1(kChildSecretVariable), secret);
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("write=no-backend\n")), qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("read=no-backend\n")), qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("remove=no-backend\n")), qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("retries=3\n")),
                 qPrintable(out)); // once per operation
        QVERIFY2(out.contains(QStringLiteral("message=No Secret Service is running")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("value=empty\n")));

        // Never a plain-text fallback: nothing under the child's HOME holds the secret, and the
        // secret is in none of its output.
        QVERIFY(!(out + err).contains(secret));
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable(kChildModeVariable) == QLatin1String("no-backend"))
        return runNoBackendChild();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
