#pragma once
// Desktop notifications through org.freedesktop.Notifications (the Desktop Notifications
// Specification) over QtDBus: the app icon and desktop-entry hint name the application, urgency
// goes as the `urgency` hint, actions as key/label pairs, a shown notification is replaced in
// place (replaces_id) and withdrawn with CloseNotification. The body is escaped for markup only
// when the server lists `body-markup` in GetCapabilities, which is asked before the first
// notification and again whenever the service changes hands.
#include "notificationbackend.h"

#include <QDBusConnection>
#include <QHash>
#include <QStringList>
#include <optional>

class QDBusServiceWatcher;

namespace ct::ui {

class FreedesktopNotifications : public NotificationBackend
{
    Q_OBJECT
public:
    static const QString kService; // org.freedesktop.Notifications
    static const QString kAppId;   // org.channeltray.ChannelTray: icon name and desktop entry

    explicit FreedesktopNotifications(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                      QObject *parent = nullptr);

    // Running, or startable by D-Bus activation (most daemons start on the first notification).
    bool isAvailable() const override;
    void show(quint64 key, const DesktopNotification &notification) override;
    void withdraw(quint64 key) override;

    bool capabilitiesKnown() const { return m_capsKnown; }
    QStringList capabilities() const { return m_caps; }
    // The server's id of a shown notification, 0 when none (tests, diagnostics).
    uint serverId(quint64 key) const { return m_entries.value(key).serverId; }

Q_SIGNALS:
    void capabilitiesChanged();

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Entry
    {
        uint serverId = 0;
        bool inFlight = false;                   // a Notify call is waiting for its reply
        bool withdrawn = false;                  // withdraw() came while in flight
        std::optional<DesktopNotification> next; // to send once the reply is in
    };
    void queryCapabilities();
    void send(quint64 key);
    void closeOnServer(uint serverId);
    void serviceOwnerChanged();

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher;
    bool m_registered = false;
    bool m_activatable = false;
    bool m_capsKnown = false;
    bool m_capsQueried = false;
    QStringList m_caps;
    QHash<quint64, Entry> m_entries;
    QHash<uint, quint64> m_keyOf; // server id → key
};

} // namespace ct::ui
