#include "secretserviceprobe.h"

#ifdef CHANNELTRAY_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
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

bool isSecretCollectionLocked()
{
#ifdef CHANNELTRAY_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusReply<QDBusVariant> locked = bus.call(get, QDBus::Block, 2000);
    return locked.isValid() && locked.value().variant().toBool();
#else
    return false;
#endif
}

} // namespace ct
