// Network return and wake-up: every account offline, waiting to retry or failed reconnects at
// once (each within the jitter), the others are left alone. Network gone: waiting and failed
// accounts, and those that drop meanwhile, show Offline and make no attempts. Reachability and logind's
// PrepareForSleep are driven through ConnectivityMonitor's seam (setOnline / reportWake):
// neither NetworkManager nor logind runs in the test session. Jitter delays come from the
// test's random function, and "the others are left alone" is checked once recovered() says
// every reconnect was started.
#include "accounts/accountregistry.h"
#include "config/configloader.h"
#include "connectivity/connectivitymonitor.h"
#include "connectivity/networkrecovery.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace ct;

namespace {
class Driven : public AccountConnection
{
public:
    using AccountConnection::AccountConnection;
    int reconnects = 0;
    int stops = 0;
    void start() override { setState(AccountState::Connecting); }
    void stop(bool) override
    {
        ++stops;
        setState(AccountState::Failed, QStringLiteral("stopped")); // as OpenImConnection::stop does
    }
    void reconnectNow() override
    {
        ++reconnects;
        setState(AccountState::Connecting);
    }
    void drive(AccountState s)
    {
        setState(s, {}, s == AccountState::Backoff ? QDateTime::currentDateTimeUtc().addSecs(600) : QDateTime());
    }
};

Config fiveAccounts()
{
    QJsonObject accounts;
    for (const char *id : {"a", "b", "c", "d", "e"})
        accounts.insert(QLatin1String(id),
                        QJsonObject{{QStringLiteral("serverUrl"), QStringLiteral("http://127.0.0.1:1")},
                                    {QStringLiteral("clientToken"), QStringLiteral("C")}});
    return configFromJson(QJsonObject{{QStringLiteral("channels"),
                                       QJsonObject{{QStringLiteral("gotify"),
                                                    QJsonObject{{QStringLiteral("accounts"), accounts}}}}}})
        .config;
}
} // namespace

class TestNetworkRecovery : public QObject
{
    Q_OBJECT
    AccountRegistry *m_registry = nullptr;
    ConnectivityMonitor *m_monitor = nullptr;
    NetworkRecovery *m_recovery = nullptr;
    QList<int> m_bounds;

    Driven *account(const char *id) const
    {
        return static_cast<Driven *>(m_registry->connection({kGotifyChannel, QString::fromLatin1(id)}));
    }

private Q_SLOTS:
    void init()
    {
        m_registry = new AccountRegistry(
            [](const Config &, const AccountAddress &a) -> AccountConnection * { return new Driven(a); }, this);
        m_registry->setConfig(fiveAccounts());
        m_registry->startAll();
        account("a")->drive(AccountState::Failed);
        account("b")->drive(AccountState::Backoff);
        account("c")->drive(AccountState::Connected);
        account("d")->drive(AccountState::NeedsLogin);
        account("e")->drive(AccountState::Failed);
        m_monitor = new ConnectivityMonitor(this);
        m_recovery = new NetworkRecovery(m_registry, m_monitor, this);
        m_recovery->setMaxJitterMs(40);
        m_bounds.clear();
        m_recovery->setRandom([this](int bound) {
            m_bounds << bound;
            return int(m_bounds.size()) * 10; // 10, 20, 30 ms: spread, within the bound
        });
    }
    void cleanup()
    {
        delete m_recovery;
        delete m_monitor;
        delete m_registry;
    }

    void networkReturns_failedAndWaitingAccountsReconnectAtOnce_othersAreLeftAlone()
    {
        QSignalSpy recovering(m_recovery, &NetworkRecovery::recovering);
        QSignalSpy recovered(m_recovery, &NetworkRecovery::recovered);
        m_monitor->setOnline(false);
        QCOMPARE(recovering.size(), 0); // going offline reconnects nothing
        m_monitor->setOnline(true);
        QCOMPARE(recovering.size(), 1);
        const auto due = recovering.first().first().value<QList<AccountAddress>>();
        QCOMPARE(due.size(), 3);
        QCOMPARE(m_bounds, (QList<int>{40, 40, 40}));
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(account("a")->reconnects, 1);
        QCOMPARE(account("b")->reconnects, 1);
        QCOMPARE(account("e")->reconnects, 1);
        QCOMPARE(account("c")->reconnects, 0);
        QCOMPARE(account("d")->reconnects, 0);
        QCOMPARE(account("a")->state(), AccountState::Connecting);
    }

    void wakeFromSleep_reconnectsTheSame()
    {
        QSignalSpy recovered(m_recovery, &NetworkRecovery::recovered);
        m_monitor->reportWake();
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(account("a")->reconnects + account("b")->reconnects + account("e")->reconnects, 3);
        QCOMPARE(account("c")->reconnects, 0);
    }

    void stillOnline_isNoReturn_nothingHappens()
    {
        QSignalSpy recovering(m_recovery, &NetworkRecovery::recovering);
        m_monitor->setOnline(true); // already online: no change, no signal
        QCOMPARE(recovering.size(), 0);
    }

    void secondTriggerBeforeTheFirstIsDone_replacesIt_eachAccountOnce()
    {
        m_recovery->setRandom([](int bound) { return bound; });
        QSignalSpy recovered(m_recovery, &NetworkRecovery::recovered);
        m_monitor->reportWake();
        m_monitor->reportWake();
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(account("a")->reconnects, 1);
        QCOMPARE(account("b")->reconnects, 1);
    }

    void networkGone_waitingAndFailedAccountsShowOffline_dropsMeanwhileToo_connectedStay_thenAllReconnect()
    {
        QSignalSpy recovered(m_recovery, &NetworkRecovery::recovered);
        m_monitor->setOnline(false);
        for (const char *id : {"a", "b", "e"}) {
            QCOMPARE(account(id)->state(), AccountState::Offline);
            QCOMPARE(account(id)->detail(), QStringLiteral("no network"));
            QCOMPARE(account(id)->stops, 1); // its retries are stopped
        }
        QCOMPARE(account("c")->state(), AccountState::Connected);
        QCOMPARE(account("d")->state(), AccountState::NeedsLogin);
        QCOMPARE(m_registry->stateCount(AccountState::Offline), 3);
        // The connected one drops while the network is gone: it goes offline too, no retry.
        account("c")->drive(AccountState::Backoff);
        QCOMPARE(account("c")->state(), AccountState::Offline);
        QCOMPARE(recovered.size(), 0);
        for (const char *id : {"a", "b", "c", "d", "e"})
            QCOMPARE(account(id)->reconnects, 0);

        m_monitor->setOnline(true);
        QTRY_COMPARE(recovered.size(), 1);
        for (const char *id : {"a", "b", "c", "e"}) {
            QCOMPARE(account(id)->reconnects, 1);
            QCOMPARE(account(id)->state(), AccountState::Connecting);
        }
        QCOMPARE(account("d")->reconnects, 0);
    }

    void withoutARegistry_trackedConnectionsGoOfflineAndComeBack()
    {
        // As `watch` runs it: a plain list of connections.
        ConnectivityMonitor monitor;
        Driven one({kGotifyChannel, QStringLiteral("one")});
        Driven two({kGotifyChannel, QStringLiteral("two")});
        one.start();
        two.start();
        two.drive(AccountState::Connected);
        NetworkRecovery recovery([&] { return QList<AccountConnection *>{&one, &two}; }, &monitor);
        recovery.setMaxJitterMs(0);
        recovery.track(&one);
        recovery.track(&two);
        monitor.setOnline(false);
        QCOMPARE(one.state(), AccountState::Connecting); // an attempt under way is left to finish
        one.drive(AccountState::Backoff);
        QCOMPARE(one.state(), AccountState::Offline);
        QCOMPARE(two.state(), AccountState::Connected);
        QSignalSpy recovered(&recovery, &NetworkRecovery::recovered);
        monitor.setOnline(true);
        QTRY_COMPARE(recovered.size(), 1);
        QCOMPARE(one.reconnects, 1);
        QCOMPARE(two.reconnects, 0);
    }

    void systemSources_areOptional_andTheNetworkCountsAsUpWithoutThem()
    {
        ConnectivityMonitor monitor;
        bool reachability = true, sleep = true;
        monitor.watchSystem(&reachability, &sleep); // no NetworkManager, no system bus here
        QVERIFY(monitor.isOnline());
    }
};

QTEST_GUILESS_MAIN(TestNetworkRecovery)
#include "tst_networkrecovery.moc"
