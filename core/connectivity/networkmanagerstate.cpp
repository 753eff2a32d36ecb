#include "networkmanagerstate.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>

namespace ct {

namespace {
const char kService[] = "org.freedesktop.NetworkManager";
const char kPath[] = "/org/freedesktop/NetworkManager";
} // namespace

NetworkManagerState::NetworkManagerState(QObject *parent) : QObject(parent) {}

bool NetworkManagerState::stateIsOnline(uint state)
{
    return state != 20 && state != 30;
}

bool NetworkManagerState::start()
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(QLatin1String(kService)))
        return false;
    if (!bus.connect(QLatin1String(kService), QLatin1String(kPath), QLatin1String(kService),
                     QStringLiteral("StateChanged"), this, SLOT(onStateChanged(uint))))
        return false;
    QDBusMessage get = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                                      QStringLiteral("org.freedesktop.DBus.Properties"),
                                                      QStringLiteral("Get"));
    get << QLatin1String(kService) << QStringLiteral("State");
    const QDBusMessage reply = bus.call(get, QDBus::Block, 2000);
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
        m_online = stateIsOnline(reply.arguments().constFirst().value<QDBusVariant>().variant().toUInt());
    return true;
}

void NetworkManagerState::onStateChanged(uint state)
{
    const bool online = stateIsOnline(state);
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

} // namespace ct
