#include "connectivitymonitor.h"

#include "defaultroutewatcher.h"
#include "logging/logging.h"
#include "networkmanagerstate.h"

#include <QDBusConnection>

namespace ct {

namespace {
// Starts `source` and has `monitor` follow it; false (and the source gone) when it cannot start.
template <typename Source, typename Changed>
bool follow(ConnectivityMonitor *monitor, Source *source, Changed changed, bool (Source::*online)() const)
{
    if (!source->start()) {
        delete source;
        return false;
    }
    QObject::connect(source, changed, monitor, &ConnectivityMonitor::setOnline);
    monitor->setOnline((source->*online)());
    return true;
}
} // namespace

ConnectivityMonitor::ConnectivityMonitor(QObject *parent) : QObject(parent) {}

void ConnectivityMonitor::watchSystem(bool *reachability, bool *sleep)
{
    // NetworkManager where it runs, else the kernel's routing table; never QNetworkInformation,
    // which loads GIO through its glib backend plugin (networkmanagerstate.h).
    const bool haveReachability = follow(this, new NetworkManagerState(this), &NetworkManagerState::onlineChanged,
                                         &NetworkManagerState::isOnline)
                                  || follow(this, new DefaultRouteWatcher(this),
                                            &DefaultRouteWatcher::defaultRouteChanged,
                                            &DefaultRouteWatcher::hasDefaultRoute);
    if (!haveReachability)
        qCInfo(lcNet) << "no network information: the network counts as always up";
    const bool haveSleep = QDBusConnection::systemBus().connect(
        QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
        QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"), this,
        SLOT(onPrepareForSleep(bool)));
    if (!haveSleep)
        qCInfo(lcNet) << "no system bus: waking from sleep is not noticed";
    if (reachability)
        *reachability = haveReachability;
    if (sleep)
        *sleep = haveSleep;
}

void ConnectivityMonitor::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    qCInfo(lcNet) << (online ? "network is back" : "network is gone");
    Q_EMIT onlineChanged(online);
}

void ConnectivityMonitor::reportWake()
{
    qCInfo(lcNet) << "woke from sleep";
    Q_EMIT woke();
}

void ConnectivityMonitor::onPrepareForSleep(bool sleeping)
{
    if (!sleeping)
        reportWake();
}

} // namespace ct
