#pragma once
// Periodic health checks of every account (docs/architecture.md "Health monitor").
// Each account has an interval (healthCheckIntervalMinutes: default 30, per channel, per
// account; see intervalFor()) and a probe that its channel plugs in (Gotify GET /health,
// OpenIM REST). On each account's tick:
//   connected → the probe runs; its latency goes out through latencyMeasured() (the registry
//               owner records it); a probe that says the token was refused calls the refresh
//               requester (TokenRefresher::trigger) with reason "HealthProbe <error>";
//   failed    → reconnectNow() (a failed account is retried on every tick);
//   otherwise → nothing (connecting, backoff, refreshing, needs-login, disabled).
// ONE single-shot timer serves all accounts, armed for the earliest due account only, coarse
// (Qt::VeryCoarseTimer for intervals of a minute or more), so an idle process wakes only
// when a probe is due.
#include "config/accountaddress.h"
#include "config/configmodel.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace ct {

class AccountConnection;

struct ProbeResult
{
    bool ok = false;
    int latencyMs = -1;
    bool tokenRefused = false; // the server refused the account's token (401, errCode 1501…)
    QString error;             // never containing a token
};

class HealthMonitor : public QObject
{
    Q_OBJECT
public:
    // A probe runs asynchronously and calls `done` exactly once.
    using Probe = std::function<void(std::function<void(const ProbeResult &)> done)>;
    // The live connection of an account (nullptr when gone), e.g. AccountRegistry::connection.
    using ConnectionLookup = std::function<AccountConnection *(const AccountAddress &)>;
    using RefreshRequester = std::function<void(const AccountAddress &, const QString &reason)>;

    explicit HealthMonitor(ConnectionLookup lookup, QObject *parent = nullptr);
    ~HealthMonitor() override;

    // The account's configured interval (account setting, which the loader fills from the
    // channel's), as milliseconds; the documented 30 min when the account is unknown.
    static std::chrono::milliseconds intervalFor(const Config &config, const AccountAddress &address);

    // Adds or replaces an account; its first tick is one interval from now. A null probe means
    // the account is only retried when failed.
    void setAccount(const AccountAddress &address, std::chrono::milliseconds interval, Probe probe);
    void removeAccount(const AccountAddress &address);
    void clear();
    void setRefreshRequester(RefreshRequester requester) { m_refresh = std::move(requester); }

    // Runs the account's check now (the tray's "check now"); the next tick stays as it was.
    void checkNow(const AccountAddress &address);
    // The next check of every account, one `spacing` apart starting `from` now (the first look
    // after start: a thousand accounts are probed over a while, not in one burst). Accounts
    // with the same non-empty `groupOf` (their server, whose one probe answers them all) share
    // one turn, so a thousand accounts on four servers take four turns, one wake-up, instead
    // of a wake-up a second for 20 s. An account not connected yet at its turn is looked at
    // again every second until it is.
    void spreadNextChecks(std::chrono::milliseconds from, std::chrono::milliseconds spacing,
                          const std::function<QString(const AccountAddress &)> &groupOf = {});

    QList<AccountAddress> accounts() const { return m_accounts.keys(); }
    QDateTime nextCheckAt(const AccountAddress &address) const;
    // When the shared timer fires next; invalid when nothing is scheduled.
    QDateTime timerDueAt() const;

Q_SIGNALS:
    // checkNow() was called: the answer must be fresh (an owner that shares answers between
    // accounts drops its shared one).
    void checkRequested(const ct::AccountAddress &address);
    void probeFinished(const ct::AccountAddress &address, const ct::ProbeResult &result);
    void latencyMeasured(const ct::AccountAddress &address, int latencyMs);
    void retryingFailed(const ct::AccountAddress &address);
    void tokenRefused(const ct::AccountAddress &address, const QString &error);

private:
    struct Entry
    {
        std::chrono::milliseconds interval{0};
        Probe probe;
        QDateTime due;
        quint64 probeGeneration = 0; // a result of an older probe is dropped
        bool probing = false;
        bool firstPending = false; // spreadNextChecks: probe as soon as it is connected
    };
    void check(const AccountAddress &address);
    void onTimer();
    void arm();

    ConnectionLookup m_lookup;
    RefreshRequester m_refresh;
    QHash<AccountAddress, Entry> m_accounts;
    QTimer m_timer;
    QDateTime m_timerDue;
    quint64 m_generation = 0;
};

} // namespace ct
