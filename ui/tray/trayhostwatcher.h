#pragma once
// Notices a system tray host that appears after start (a panel started later than the app, or
// restarted): in window mode the application keeps watching, and makes its tray icon once a host
// is there. Watches the StatusNotifierWatcher name on the session bus and, for XEmbed hosts
// (whose tray selection Qt gives no signal for), asks QSystemTrayIcon::isSystemTrayAvailable()
// every pollIntervalMs while none is found.
// Qt decides once per process whether to use StatusNotifierItem: a process that started with no
// watcher on the bus uses XEmbed for its tray icon later, so a late panel must also host XEmbed
// icons (xfce4-panel, KDE's and LXQt's do; GNOME's AppIndicator extension does not).
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
