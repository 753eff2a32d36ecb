#include "freedesktopnotifications.h"

#include "logging/logging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace ct::ui {

const QString FreedesktopNotifications::kService = QStringLiteral("org.freedesktop.Notifications");
const QString FreedesktopNotifications::kAppId = QStringLiteral("org.channeltray.ChannelTray");

namespace {
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

FreedesktopNotifications::FreedesktopNotifications(const QDBusConnection &bus, QObject *parent)
    : NotificationBackend(parent), m_bus(bus),
      m_watcher(new QDBusServiceWatcher(kService, bus, QDBusServiceWatcher::WatchForOwnerChange, this))
{
    if (QDBusConnectionInterface *iface = m_bus.interface()) {
        m_registered = iface->isServiceRegistered(kService);
        const QDBusReply<QStringList> names = iface->call(QStringLiteral("ListActivatableNames"));
        m_activatable = names.isValid() && names.value().contains(kService);
    }
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                m_registered = !newOwner.isEmpty();
                serviceOwnerChanged();
            });
    m_bus.connect(QString(), kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QString(), kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    if (m_registered)
        queryCapabilities();
}

bool FreedesktopNotifications::isAvailable() const
{
    return m_bus.isConnected() && (m_registered || m_activatable);
}

void FreedesktopNotifications::queryCapabilities()
{
    if (m_capsQueried)
        return;
    m_capsQueried = true;
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                             QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        m_caps = reply.isValid() ? reply.value() : QStringList{};
        if (!reply.isValid())
            qCWarning(lcUi) << "notification service: GetCapabilities failed:" << reply.error().message();
        m_capsKnown = true;
        Q_EMIT capabilitiesChanged();
        // Whatever waited for the answer goes out now.
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (!it->inFlight && it->next)
                send(it.key());
    });
}

void FreedesktopNotifications::serviceOwnerChanged()
{
    // A new (or no) server: its ids and capabilities are not the old one's.
    const QList<quint64> shown = m_entries.keys();
    m_entries.clear();
    m_keyOf.clear();
    m_caps.clear();
    m_capsKnown = false;
    m_capsQueried = false;
    for (quint64 key : shown)
        Q_EMIT closed(key);
    if (m_registered)
        queryCapabilities();
}

void FreedesktopNotifications::show(quint64 key, const DesktopNotification &notification)
{
    Entry &e = m_entries[key];
    e.next = notification;
    e.withdrawn = false;
    if (!m_capsKnown) {
        queryCapabilities(); // sent when the answer is in
        return;
    }
    if (!e.inFlight)
        send(key);
}

void FreedesktopNotifications::send(quint64 key)
{
    Entry &e = m_entries[key];
    const DesktopNotification n = *e.next;
    e.next.reset();
    e.inFlight = true;

    QStringList actions;
    for (const auto &[actionKey, label] : n.actions)
        actions << actionKey << label;
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(n.urgency)));
    hints.insert(QStringLiteral("desktop-entry"), kAppId);
    const bool markup = m_caps.contains(QStringLiteral("body-markup"));
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("ChannelTray") << e.serverId << kAppId << n.summary
         << (markup ? n.body.toHtmlEscaped() : n.body) << actions << hints << qint32(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        auto it = m_entries.find(key);
        if (it == m_entries.end())
            return; // the service changed hands meanwhile
        it->inFlight = false;
        if (!reply.isValid()) {
            qCWarning(lcUi) << "notification service: Notify failed:" << reply.error().message();
            m_entries.erase(it);
            Q_EMIT closed(key);
            return;
        }
        if (it->serverId != 0 && it->serverId != reply.value())
            m_keyOf.remove(it->serverId);
        it->serverId = reply.value();
        m_keyOf.insert(it->serverId, key);
        if (it->withdrawn) {
            const uint id = it->serverId;
            m_keyOf.remove(id);
            m_entries.erase(it);
            closeOnServer(id);
        } else if (it->next) {
            send(key);
        }
    });
}

void FreedesktopNotifications::withdraw(quint64 key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    if (it->inFlight) {
        it->withdrawn = true;
        it->next.reset();
        return;
    }
    const uint id = it->serverId;
    m_entries.erase(it);
    if (id != 0) {
        m_keyOf.remove(id);
        closeOnServer(id);
    }
}

void FreedesktopNotifications::closeOnServer(uint serverId)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                       QStringLiteral("CloseNotification"));
    call << serverId;
    m_bus.asyncCall(call);
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keyOf.constFind(id);
    if (it != m_keyOf.constEnd())
        Q_EMIT actionInvoked(*it, action);
}

void FreedesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto it = m_keyOf.constFind(id);
    if (it == m_keyOf.constEnd())
        return;
    const quint64 key = *it;
    m_keyOf.erase(it);
    auto entry = m_entries.find(key);
    if (entry != m_entries.end() && entry->inFlight) {
        entry->serverId = 0; // a replacement is on its way: it becomes a new notification
        return;
    }
    m_entries.remove(key);
    Q_EMIT closed(key);
}

} // namespace ct::ui
