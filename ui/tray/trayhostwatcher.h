#pragma once
// Notices a system tray host that appears after start (a panel started later than the app, or
// restarted): in window mode the application keeps watching, and makes its tray icon once a host
// is there. Watches the StatusNotifierWatcher name on the session bus and, for XEmbed hosts
// (whose tray selection Qt gives no signal for), asks QSystemTrayIcon::isSystemTrayAvailable()
// every pollIntervalMs while none is found.
// A StatusNotifierWatcher with a host counts whatever Qt decided at start: the tray then shows as
// our own StatusNotifierItem (TrayStatusItem), so a late SNI-only host (GNOME's AppIndicator
// extension, Wayland panels) gets the icon too.
#include <QObject>

class QDBusServiceWatcher;
class QTimer;

namespace ct::ui {

class TrayHostWatcher : public QObject
{
    Q_OBJECT
public:
    explicit TrayHostWatcher(QObject *parent = nullptr);

    void setPollIntervalMs(int ms);
    // Starts watching; emits hostAppeared() once (now, if a host is already there).
    void start();

Q_SIGNALS:
    void hostAppeared();

private:
    void check();

    QDBusServiceWatcher *m_watcher;
    QTimer *m_poll;
    bool m_done = false;
};

} // namespace ct::ui
