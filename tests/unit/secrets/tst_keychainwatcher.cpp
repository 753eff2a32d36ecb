// KeychainWatcher against the real Secret Service of tools/headless.sh (gnome-keyring): an
// item of another application is ignored (an explicit event says so), one of ours, created,
// changed or deleted, counts; without a service every item counts.
#include "secrets/keychainwatcher.h"
#include "secrets/secretstore.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ct;

namespace {
const AccountAddress kAccount{kGotifyChannel, QStringLiteral("watched")};
const QString kOurs = QStringLiteral("channeltray-test-watcher");
const QString kTheirs = QStringLiteral("some-other-application");
} // namespace

class TestKeychainWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no session bus: run the suite under tools/headless.sh");
    }

    void itemOfAnotherApplication_isIgnored_oneOfOurs_counts()
    {
        KeychainWatcher watcher;
        QVERIFY(watcher.isWatching());
        watcher.setService(kOurs);
        watcher.setSettleDelayMs(0);
        QSignalSpy changed(&watcher, &KeychainWatcher::changed);
        QSignalSpy ignored(&watcher, &KeychainWatcher::ignored);

        SecretStore theirs(kTheirs);
        QVERIFY(theirs.writeBlocking(kAccount, QStringLiteral("token"), QStringLiteral("their-secret")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!ignored.isEmpty(), 10000);
        QCOMPARE(changed.size(), 0);

        SecretStore ours(kOurs);
        QVERIFY(ours.writeBlocking(kAccount, QStringLiteral("token"), QStringLiteral("our-secret")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);

        // Removed: the item cannot be asked whose it was, so it counts.
        changed.clear();
        QVERIFY(ours.removeBlocking(kAccount, QStringLiteral("token")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QVERIFY(theirs.removeBlocking(kAccount, QStringLiteral("token")).ok());
    }

    void withoutAService_everyItemCounts()
    {
        KeychainWatcher watcher;
        watcher.setSettleDelayMs(0);
        QSignalSpy changed(&watcher, &KeychainWatcher::changed);
        QSignalSpy ignored(&watcher, &KeychainWatcher::ignored);
        SecretStore theirs(kTheirs);
        QVERIFY(theirs.writeBlocking(kAccount, QStringLiteral("token"), QStringLiteral("their-secret")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QCOMPARE(ignored.size(), 0);
        QVERIFY(theirs.removeBlocking(kAccount, QStringLiteral("token")).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainWatcher)
#include "tst_keychainwatcher.moc"
