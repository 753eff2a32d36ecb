#pragma once
// The system tray icon, driven by the AccountRegistry: icon (state dot + unread badge),
// tooltip (counts per state, next retry), and the menu of accounts and windows.
#include "trayactions.h"
#include "trayhealth.h"

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QMenu;
class QAction;

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class AutostartFile;
class MessageBox;

class TrayController : public QObject
{
    Q_OBJECT
public:
    TrayController(AccountRegistry *registry, AutostartFile *autostart, MessageBox *messageBox,
                   TrayActions actions, QObject *parent = nullptr);
    ~TrayController() override;

    void show();
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

    TrayHealth health() const { return m_health; }
    int unreadTotal() const { return m_unread; }
    QString toolTipText() const;

    // A desktop notification through the tray (freedesktop service or a balloon).
    void notify(const QString &title, const QString &body);
    QString lastNotificationTitle() const { return m_lastTitle; }

    // Rebuilds the menu now (it is also rebuilt before it is shown and when accounts change).
    void rebuildMenu();

Q_SIGNALS:
    void notificationClicked();

private:
    void refresh();
    void addAccountMenu(int row);
    void toggleAutostart(bool on);

    AccountRegistry *m_registry;
    AutostartFile *m_autostart;
    MessageBox *m_messageBox;
    TrayActions m_actions;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    TrayHealth m_health = TrayHealth::AllDisabled;
    int m_unread = 0;
    QString m_lastTitle;
};

} // namespace ct::ui
