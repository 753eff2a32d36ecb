#include "traymessagenotifications.h"

#include <QSystemTrayIcon>

namespace ct::ui {

TrayMessageNotifications::TrayMessageNotifications(QObject *parent) : NotificationBackend(parent) {}

void TrayMessageNotifications::setTrayIcon(QSystemTrayIcon *icon)
{
    if (m_icon)
        disconnect(m_icon, nullptr, this, nullptr);
    m_icon = icon;
    if (m_icon)
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastKey != 0)
                Q_EMIT actionInvoked(m_lastKey, QStringLiteral("default"));
        });
}

bool TrayMessageNotifications::isAvailable() const
{
    return m_icon && m_icon->isVisible() && QSystemTrayIcon::supportsMessages();
}

void TrayMessageNotifications::show(quint64 key, const DesktopNotification &notification)
{
    if (!isAvailable())
        return;
    m_lastKey = key;
    const QSystemTrayIcon::MessageIcon icon = notification.urgency == NotificationUrgency::Critical
                                                  ? QSystemTrayIcon::Warning
                                                  : QSystemTrayIcon::Information;
    m_icon->showMessage(notification.summary, notification.body, icon, 8000);
}

void TrayMessageNotifications::withdraw(quint64 key)
{
    if (key == m_lastKey)
        m_lastKey = 0; // a later click no longer means this one
}

} // namespace ct::ui
