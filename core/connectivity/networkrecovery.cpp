#include "networkrecovery.h"

#include "accounts/accountregistry.h"
#include "connectivitymonitor.h"
#include "logging/logging.h"

#include <QRandomGenerator>
#include <QTimer>

namespace ct {

NetworkRecovery::NetworkRecovery(AccountRegistry *registry, ConnectivityMonitor *monitor, QObject *parent)
    : QObject(parent), m_registry(registry)
{
    connect(monitor, &ConnectivityMonitor::onlineChanged, this, [this](bool online) {
        if (online)
            recover();
    });
    connect(monitor, &ConnectivityMonitor::woke, this, &NetworkRecovery::recover);
}

void NetworkRecovery::recover()
{
    qDeleteAll(m_pending); // a second trigger replaces what the first one scheduled
    m_pending.clear();
    QList<AccountAddress> due;
    for (const AccountAddress &a : m_registry->addresses()) {
        const AccountConnection *c = m_registry->connection(a);
        if (c && (c->state() == AccountState::Backoff || c->state() == AccountState::Failed))
            due << a;
    }
    qCInfo(lcNet) << "reconnecting" << due.size() << "waiting or failed account(s) now";
    Q_EMIT recovering(due);
    if (due.isEmpty()) {
        Q_EMIT recovered();
        return;
    }
    for (const AccountAddress &a : due) {
        const int delay = m_maxJitterMs == 0 ? 0
                          : m_random         ? qBound(0, m_random(m_maxJitterMs), m_maxJitterMs)
                                             : int(QRandomGenerator::global()->bounded(m_maxJitterMs + 1));
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, timer, a] {
            m_pending.removeOne(timer);
            timer->deleteLater();
            if (AccountConnection *c = m_registry->connection(a))
                c->reconnectNow();
            if (m_pending.isEmpty())
                Q_EMIT recovered();
        });
        m_pending << timer;
        timer->start(delay);
    }
}

} // namespace ct
