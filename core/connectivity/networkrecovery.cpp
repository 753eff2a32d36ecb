#include "networkrecovery.h"

#include "accounts/accountregistry.h"
#include "connectivitymonitor.h"
#include "logging/logging.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace ct {

NetworkRecovery::NetworkRecovery(AccountRegistry *registry, ConnectivityMonitor *monitor, QObject *parent)
    : NetworkRecovery(
        [registry] {
            QList<AccountConnection *> out;
            for (const AccountAddress &a : registry->addresses())
                if (AccountConnection *c = registry->connection(a))
                    out << c;
            return out;
        },
        monitor, parent)
{
    connect(registry, &AccountRegistry::accountStateChanged, this,
            [this, registry](const AccountAddress &a) { holdIfOffline(registry->connection(a)); });
}

NetworkRecovery::NetworkRecovery(Connections connections, ConnectivityMonitor *monitor, QObject *parent)
    : QObject(parent), m_connections(std::move(connections))
{
    connect(monitor, &ConnectivityMonitor::onlineChanged, this, [this](bool online) { setOffline(!online); });
    connect(monitor, &ConnectivityMonitor::woke, this, &NetworkRecovery::recover);
    m_offline = !monitor->isOnline();
}

void NetworkRecovery::track(AccountConnection *connection)
{
    connect(connection, &AccountConnection::stateChanged, this, [this, connection] { holdIfOffline(connection); });
}

void NetworkRecovery::setOffline(bool offline)
{
    m_offline = offline;
    if (!offline) {
        recover();
        return;
    }
    for (AccountConnection *c : m_connections())
        holdIfOffline(c);
}

void NetworkRecovery::holdIfOffline(AccountConnection *c)
{
    // Stopping a connection changes its state once more: that change is ours, not a drop.
    if (!m_offline || m_holding || !c)
        return;
    if (c->state() != AccountState::Backoff && c->state() != AccountState::Failed)
        return;
    m_holding = true;
    qCInfo(lcNet) << c->address().toString() << "is offline until the network returns";
    c->markOffline(tr("no network"));
    m_holding = false;
}

void NetworkRecovery::recover()
{
    qDeleteAll(m_pending); // a second trigger replaces what the first one scheduled
    m_pending.clear();
    QList<AccountAddress> due;
    QList<QPointer<AccountConnection>> connections;
    for (AccountConnection *c : m_connections()) {
        const AccountState s = c->state();
        if (s == AccountState::Backoff || s == AccountState::Failed || s == AccountState::Offline) {
            due << c->address();
            connections << c;
        }
    }
    qCInfo(lcNet) << "reconnecting" << due.size() << "offline, waiting or failed account(s) now";
    Q_EMIT recovering(due);
    if (due.isEmpty()) {
        Q_EMIT recovered();
        return;
    }
    for (const QPointer<AccountConnection> &c : std::as_const(connections)) {
        const int delay = m_maxJitterMs == 0 ? 0
                          : m_random         ? qBound(0, m_random(m_maxJitterMs), m_maxJitterMs)
                                             : int(QRandomGenerator::global()->bounded(m_maxJitterMs + 1));
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, timer, c] {
            m_pending.removeOne(timer);
            timer->deleteLater();
            if (c)
                c->reconnectNow();
            if (m_pending.isEmpty())
                Q_EMIT recovered();
        });
        m_pending << timer;
        timer->start(delay);
    }
}

} // namespace ct
