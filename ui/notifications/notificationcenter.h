#pragma once
// The tray application's desktop notifications, wired: the runtime's NotificationPolicy feeds a
// DesktopNotifier over the freedesktop service (fallbacks: the tray icon's messages, then pop-ups
// of our own where there is neither, as on a StatusNotifier panel without a daemon); its actions
// open the message in the main window or mark it read in the history; reading in the window
// withdraws notifications.
#include <QObject>

#include <functional>

class QSystemTrayIcon;

namespace ct {
class AppRuntime;
}

namespace ct::ui {

class DesktopNotifier;
class FreedesktopNotifications;
class MainWindow;
class PopupNotifications;
class TrayMessageNotifications;

class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    NotificationCenter(AppRuntime &runtime, MainWindow *window, QObject *parent = nullptr);
    // The window made when first needed (a click on a notification makes it); attachWindow()
    // once it exists.
    NotificationCenter(AppRuntime &runtime, std::function<MainWindow *()> window, QObject *parent = nullptr);
    void attachWindow(MainWindow *window);

    // The tray icon for the fallback; null when there is no tray (window mode).
    void setTrayIcon(QSystemTrayIcon *icon);
    DesktopNotifier *notifier() const { return m_notifier; }
    FreedesktopNotifications *freedesktop() const { return m_freedesktop; }
    PopupNotifications *popups() const { return m_popups; }

private:
    FreedesktopNotifications *m_freedesktop;
    TrayMessageNotifications *m_trayMessages;
    PopupNotifications *m_popups;
    DesktopNotifier *m_notifier;
};

} // namespace ct::ui
