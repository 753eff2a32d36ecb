#pragma once
// The fallback where no freedesktop notification service exists: the tray icon's own message
// (QSystemTrayIcon::showMessage). One message at a time, no actions but a click (reported as
// the "default" action of the last one shown), and it cannot be withdrawn.
#include "notificationbackend.h"

#include <QPointer>

class QSystemTrayIcon;

namespace ct::ui {

class TrayMessageNotifications : public NotificationBackend
{
    Q_OBJECT
public:
    explicit TrayMessageNotifications(QObject *parent = nullptr);

    // The tray icon to show messages on; null (no tray) makes this backend unavailable.
    void setTrayIcon(QSystemTrayIcon *icon);

    bool isAvailable() const override;
    void show(quint64 key, const DesktopNotification &notification) override;
    void withdraw(quint64 key) override;

private:
    QPointer<QSystemTrayIcon> m_icon;
    quint64 m_lastKey = 0;
};

} // namespace ct::ui
