#pragma once
// When the network comes back or the machine wakes from sleep, every account that is waiting
// to retry (backoff) or has given up (failed) reconnects at once — each after a random delay of
// up to maxJitterMs, so many accounts on one server do not all knock at the same instant —
// instead of waiting out its backoff or the next health check; a reconnect runs the catch-up as
// any reconnect does. Connected, connecting, refreshing, needs-login and disabled accounts are
// left alone.
#include "config/accountaddress.h"

#include <QList>
#include <QObject>
#include <functional>

class QTimer;

namespace ct {

class AccountRegistry;
class ConnectivityMonitor;

class NetworkRecovery : public QObject
{
    Q_OBJECT
public:
    NetworkRecovery(AccountRegistry *registry, ConnectivityMonitor *monitor, QObject *parent = nullptr);

    void setMaxJitterMs(int ms) { m_maxJitterMs = qMax(0, ms); }
    // Random delay in [0, bound]; default QRandomGenerator.
    void setRandom(std::function<int(int bound)> random) { m_random = std::move(random); }

    // Reconnects the waiting and failed accounts (what the monitor's signals trigger).
    void recover();

Q_SIGNALS:
    // At once: the accounts that are about to reconnect.
    void recovering(const QList<ct::AccountAddress> &accounts);
    // Every one of them has been asked to reconnect.
    void recovered();

private:
    AccountRegistry *m_registry;
    int m_maxJitterMs = 3000;
    std::function<int(int)> m_random;
    QList<QTimer *> m_pending;
};

} // namespace ct
