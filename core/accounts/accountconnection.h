#pragma once
// Base of every account's live connection (one per account, owned by AccountRegistry).
// Channel clients (gotify/, openim/) derive from it and drive the state with setState().
#include "accountstate.h"
#include "config/accountaddress.h"

#include <QDateTime>
#include <QObject>

namespace ct {

class AccountConnection : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ct::AccountState state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int latencyMs READ latencyMs NOTIFY latencyChanged)
    Q_PROPERTY(QDateTime nextRetryAt READ nextRetryAt NOTIFY stateChanged)
    Q_PROPERTY(QDateTime tokenExpiresAt READ tokenExpiresAt NOTIFY tokenExpiresAtChanged)

public:
    explicit AccountConnection(const AccountAddress &address, QObject *parent = nullptr);

    AccountAddress address() const { return m_address; }
    AccountState state() const { return m_state; }
    QString detail() const { return m_detail; }
    QString lastError() const { return m_lastError; }
    int latencyMs() const { return m_latencyMs; } // -1 when unknown
    QDateTime nextRetryAt() const { return m_nextRetryAt; }
    QDateTime tokenExpiresAt() const { return m_tokenExpiresAt; }

    // Start connecting (no-op when disabled or already connected/connecting).
    virtual void start() {}
    // Close the connection; the state becomes Disabled when `disable` is true.
    virtual void stop(bool disable = false) { Q_UNUSED(disable); }
    // "Reconnect now": drop any backoff and connect at once (also leaves Failed).
    virtual void reconnectNow() {}

    // Set by whoever runs the token refresh for this account (the connection itself cannot
    // know): Refreshing while a refresh is in flight, NeedsLogin when it failed for good.
    void markRefreshing(const QString &reason) { setState(AccountState::Refreshing, reason); }
    void markNeedsLogin(const QString &detail) { setState(AccountState::NeedsLogin, detail); }
    // Set by NetworkRecovery while the machine reports no network: the connection is stopped
    // (no retries burn its budget) and shows Offline until reconnectNow().
    void markOffline(const QString &detail)
    {
        stop(false);
        setState(AccountState::Offline, detail);
    }
    // Latency measured by the health monitor's probe.
    void reportLatency(int latencyMs) { setLatencyMs(latencyMs); }

Q_SIGNALS:
    void stateChanged(ct::AccountState state, const QString &detail);
    void lastErrorChanged(const QString &error);
    void latencyChanged(int latencyMs);
    void tokenExpiresAtChanged(const QDateTime &at);

protected:
    void setState(AccountState state, const QString &detail = {}, const QDateTime &nextRetryAt = {});
    void setLastError(const QString &error);
    void setLatencyMs(int latencyMs);
    void setTokenExpiresAt(const QDateTime &at);

private:
    AccountAddress m_address;
    AccountState m_state = AccountState::Disabled;
    QString m_detail;
    QString m_lastError;
    int m_latencyMs = -1;
    QDateTime m_nextRetryAt;
    QDateTime m_tokenExpiresAt;
};

} // namespace ct
