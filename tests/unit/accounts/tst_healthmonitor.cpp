// HealthMonitor: per-account intervals on one timer, probes, latency, failed retries, refresh.
#include "accounts/accountconnection.h"
#include "accounts/healthmonitor.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ct;
using namespace std::chrono_literals;

namespace {
class FakeConnection : public AccountConnection
{
public:
    using AccountConnection::AccountConnection;
    void force(AccountState s) { setState(s); }
    void reconnectNow() override { ++reconnects; }
    int reconnects = 0;
};
} // namespace

class TestHealthMonitor : public QObject
{
    Q_OBJECT
private:
    const AccountAddress m_a{kOpenImChannel, QStringLiteral("a")};
    const AccountAddress m_b{kGotifyChannel, QStringLiteral("b")};

private Q_SLOTS:
    void connectedAccount_probedEachInterval_latencyReported()
    {
        FakeConnection a(m_a);
        a.force(AccountState::Connected);
        HealthMonitor monitor([&](const AccountAddress &x) { return x == m_a ? &a : nullptr; });
        int probes = 0;
        monitor.setAccount(m_a, 100ms, [&](auto done) {
            ++probes;
            done(ProbeResult{true, 7, false, {}});
        });
        QSignalSpy latency(&monitor, &HealthMonitor::latencyMeasured);
        QTRY_VERIFY_WITH_TIMEOUT(latency.size() >= 3, 3000);
        QCOMPARE(latency.first().at(1).toInt(), 7);
        QCOMPARE(probes, latency.size());
    }

    void failedAccount_reconnectedOnEachTick_notProbed()
    {
        FakeConnection a(m_a);
        a.force(AccountState::Failed);
        HealthMonitor monitor([&](const AccountAddress &) { return &a; });
        int probes = 0;
        monitor.setAccount(m_a, 80ms, [&](auto done) {
            ++probes;
            done(ProbeResult{true, 1, false, {}});
        });
        QTRY_VERIFY_WITH_TIMEOUT(a.reconnects >= 2, 3000);
        QCOMPARE(probes, 0);
    }

    void otherStates_leftAlone()
    {
        FakeConnection a(m_a);
        HealthMonitor monitor([&](const AccountAddress &) { return &a; });
        int probes = 0;
        monitor.setAccount(m_a, 50ms, [&](auto done) {
            ++probes;
            done(ProbeResult{true, 1, false, {}});
        });
        for (AccountState s : {AccountState::Backoff, AccountState::Refreshing, AccountState::NeedsLogin,
                               AccountState::Connecting, AccountState::Disabled}) {
            a.force(s);
            monitor.checkNow(m_a);
        }
        QCOMPARE(probes, 0);
        QCOMPARE(a.reconnects, 0);
    }

    void tokenRefused_requestsRefresh()
    {
        FakeConnection a(m_a);
        a.force(AccountState::Connected);
        HealthMonitor monitor([&](const AccountAddress &) { return &a; });
        QList<QPair<AccountAddress, QString>> refreshes;
        monitor.setRefreshRequester([&](const AccountAddress &x, const QString &r) { refreshes.append({x, r}); });
        monitor.setAccount(m_a, 1h, [](auto done) { done(ProbeResult{false, -1, true, "errCode=1501"}); });
        QSignalSpy latency(&monitor, &HealthMonitor::latencyMeasured);
        monitor.checkNow(m_a);
        QCOMPARE(refreshes.size(), 1);
        QCOMPARE(refreshes.first().first, m_a);
        QCOMPARE(refreshes.first().second, QStringLiteral("HealthProbe errCode=1501"));
        QCOMPARE(latency.size(), 0);
    }

    void oneTimer_armedForEarliestAccount_coarse()
    {
        FakeConnection a(m_a), b(m_b);
        HealthMonitor monitor([&](const AccountAddress &x) -> AccountConnection * { return x == m_a ? &a : &b; });
        monitor.setAccount(m_a, 30min, {});
        monitor.setAccount(m_b, 5min, {});
        const QDateTime due = monitor.timerDueAt();
        QVERIFY(due.isValid());
        QCOMPARE(due, monitor.nextCheckAt(m_b));
        QVERIFY(monitor.nextCheckAt(m_a) > due);
        monitor.removeAccount(m_b);
        QCOMPARE(monitor.timerDueAt(), monitor.nextCheckAt(m_a));
        monitor.clear();
        QVERIFY(!monitor.timerDueAt().isValid());
    }

    void spreadNextChecks_accountsOfOneServerShareATurn_serversOneSpacingApart()
    {
        const AccountAddress c{kGotifyChannel, QStringLiteral("c")};
        const AccountAddress d{kGotifyChannel, QStringLiteral("d")};
        HealthMonitor monitor([](const AccountAddress &) -> AccountConnection * { return nullptr; });
        for (const AccountAddress &x : {m_a, m_b, c, d})
            monitor.setAccount(x, 30min, {});
        // a and c on one server, b on another, d with no server named: its own turn.
        const QHash<AccountAddress, QString> server{{m_a, "s1"}, {c, "s1"}, {m_b, "s2"}};
        monitor.spreadNextChecks(10min, 1min, [&](const AccountAddress &x) { return server.value(x); });
        QCOMPARE(monitor.nextCheckAt(m_a), monitor.nextCheckAt(c));
        QSet<QDateTime> turns;
        for (const AccountAddress &x : {m_a, m_b, c, d})
            turns << monitor.nextCheckAt(x);
        QCOMPARE(turns.size(), 3); // s1, s2 and d
        const QDateTime first = *std::min_element(turns.cbegin(), turns.cend());
        const QDateTime last = *std::max_element(turns.cbegin(), turns.cend());
        QCOMPARE(first.msecsTo(last), qint64(2 * 60 * 1000)); // three turns, one minute apart
        QCOMPARE(monitor.timerDueAt(), first);

        // Without groups every account has its own turn, as before.
        monitor.spreadNextChecks(10min, 1min);
        turns.clear();
        for (const AccountAddress &x : {m_a, m_b, c, d})
            turns << monitor.nextCheckAt(x);
        QCOMPARE(turns.size(), 4);
    }

    void intervalFor_accountSettingWins_defaultThirty()
    {
        Config config;
        OpenImAccountConfig acc;
        acc.id = "a";
        acc.healthCheckIntervalMinutes = 7;
        config.openim.accounts = {acc};
        QCOMPARE(HealthMonitor::intervalFor(config, m_a), std::chrono::milliseconds(7min));
        QCOMPARE(HealthMonitor::intervalFor(config, {kOpenImChannel, "ghost"}), std::chrono::milliseconds(30min));
        QCOMPARE(HealthMonitor::intervalFor(config, m_b), std::chrono::milliseconds(30min));
    }

    void slowProbe_notStackedOnItself()
    {
        FakeConnection a(m_a);
        a.force(AccountState::Connected);
        HealthMonitor monitor([&](const AccountAddress &) { return &a; });
        int probes = 0;
        std::function<void(const ProbeResult &)> pending;
        monitor.setAccount(m_a, 1h, [&](auto done) {
            ++probes;
            pending = done;
        });
        monitor.checkNow(m_a);
        monitor.checkNow(m_a);
        QCOMPARE(probes, 1);
        pending(ProbeResult{true, 3, false, {}});
        monitor.checkNow(m_a);
        QCOMPARE(probes, 2);
    }
};

QTEST_GUILESS_MAIN(TestHealthMonitor)
#include "tst_healthmonitor.moc"
