#include "connectivitymonitor.h"

#include "logging/logging.h"

#include <QDBusConnection>
#include <QNetworkInformation>

namespace ct {

ConnectivityMonitor::ConnectivityMonitor(QObject *parent) : QObject(parent) {}

void ConnectivityMonitor::watchSystem(bool *reachability, bool *sleep)
{
    const bool haveReachability = QNetworkInformation::loadBackendByFeatures(
        QNetworkInformation::Feature::Reachability);
    if (haveReachability) {
        QNetworkInformation *info = QNetworkInformation::instance();
        const auto apply = [this](QNetworkInformation::Reachability r) {
            // Unknown (the backend cannot tell) counts as online: never hold accounts back on a guess.
            setOnline(r != QNetworkInformation::Reachability::Disconnected);
        };
        connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
        apply(info->reachability());
    } else {
        qCInfo(lcNet) << "no network information backend: the network counts as always up";
    }
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
