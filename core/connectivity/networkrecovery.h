#pragma once
// Accounts and the network:
//   - while the machine reports no network, an account that is waiting to retry (backoff) or
//     has given up (failed) is stopped and shows Offline instead of burning its retry budget;
//     so is one that drops or fails to connect meanwhile. Connected accounts are left alone (a
//     server on this machine or the LAN may still answer);
//   - when the network comes back or the machine wakes from sleep, every account that is
//     offline, waiting or failed reconnects at once — each after a random delay of up to
//     maxJitterMs, so many accounts on one server do not all knock at the same instant —
//     instead of waiting out its backoff or the next health check; a reconnect runs the
//     catch-up as any reconnect does. Connected, connecting, refreshing, needs-login and
//     disabled accounts are left alone.
// Works on an AccountRegistry (AppRuntime owns one, with Options::followNetwork: the tray and
// `watch`) or on any list of connections.
#include "config/accountaddress.h"

#include <QList>
#include <QObject>
#include <functional>

class QTimer;

namespace ct {

class AccountConnection;
class AccountRegistry;
class ConnectivityMonitor;

class NetworkRecovery : public QObject
{
    Q_OBJECT
public:
    using Connections = std::function<QList<AccountConnection *>()>;

    NetworkRecovery(AccountRegistry *registry, ConnectivityMonitor *monitor, QObject *parent = nullptr);
    // For owners without a registry: `connections` lists them; track() each one.
    NetworkRecovery(Connections connections, ConnectivityMonitor *monitor, QObject *parent = nullptr);

    // Follows the connection's state (an account that drops while offline goes offline).
    void track(AccountConnection *connection);

    void setMaxJitterMs(int ms) { m_maxJitterMs = qMax(0, ms); }
    // Random delay in [0, bound]; default QRandomGenerator.
    void setRandom(std::function<int(int bound)> random) { m_random = std::move(random); }

    bool isOffline() const { return m_offline; }
    // Reconnects the offline, waiting and failed accounts (what the monitor's signals trigger).
    void recover();

Q_SIGNALS:
    // At once: the accounts that are about to reconnect.
    void recovering(const QList<ct::AccountAddress> &accounts);
    // Every one of them has been asked to reconnect.
    void recovered();

private:
    void setOffline(bool offline);
    void holdIfOffline(AccountConnection *connection);

    Connections m_connections;
    bool m_offline = false;
    bool m_holding = false;
    int m_maxJitterMs = 3000;
    std::function<int(int)> m_random;
    QList<QTimer *> m_pending;
};

} // namespace ct
