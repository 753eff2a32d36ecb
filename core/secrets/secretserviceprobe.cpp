#include "secretserviceprobe.h"

#ifdef CHANNELTRAY_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QStringList>
#endif

namespace ct {

bool isSecretServiceReachable(QString *why)
{
#ifdef CHANNELTRAY_HAVE_DBUS
    const QString service = QStringLiteral("org.freedesktop.secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (why)
            *why = QStringLiteral("the D-Bus session bus is not reachable (%1)").arg(bus.lastError().message());
        return false;
    }
    QDBusConnectionInterface *daemon = bus.interface();
    if (!daemon) {
        if (why)
            *why = QStringLiteral("the D-Bus session bus does not answer");
        return false;
    }
    const QDBusReply<bool> registered = daemon->isServiceRegistered(service);
    if (registered.isValid() && registered.value())
        return true;
    const QDBusReply<QStringList> activatable = daemon->call(QStringLiteral("ListActivatableNames"));
    if (activatable.isValid() && activatable.value().contains(service))
        return true;
    if (why)
        *why = QStringLiteral("nothing provides %1 on the session bus").arg(service);
    return false;
#else
    Q_UNUSED(why)
    return true;
#endif
}

} // namespace ct
