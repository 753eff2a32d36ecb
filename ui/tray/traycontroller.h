#pragma once
// The system tray icon, driven by the AccountRegistry: icon (state dot + unread badge),
// tooltip (counts per state, next retry) and the menu (TrayMenu, built when shown).
// Changes are coalesced: any number of account changes within one frame (kRepaintDelayMs)
// make one repaint, which reads the registry's running counts (no walk over the accounts),
// and sets the icon and tooltip only when they differ from what is shown.
// Attention: while an account failed or needs a login, the history takes no writes, or a
// critical message is unread (high Gotify priority, an OpenIM mention), the StatusNotifierItem
// says NeedsAttention and the icon's badge (XEmbed and SNI alike) is red.
// The history: while it takes no writes (showStorageTrouble: disk full, read-only, locked, ...), the
// dot is red as for a failed account, and the tooltip says why and how many messages are held
// in memory (issue 14: a storage fault shows a visible error state while it lasts); the same,
// with nothing held, while it takes writes but cannot copy them into the history file (its
// checkpoints fail). A history
// that could not be read was moved aside and a new one started (showHistoryMovedAside): the
// tooltip says where the old one is kept, for as long as the tray runs; one deleted or replaced
// under the app (showHistoryReplaced): that a new one holds the messages from then on.
#include "trayactions.h"
#include "trayhealth.h"

#include <QObject>
#include <QSystemTrayIcon>
#include <QTimer>
#include <functional>

class QMenu;

namespace ct {
class AccountRegistry;
} // namespace ct

namespace ct {
class AutostartFile;
} // namespace ct

namespace ct::ui {

class MessageBox;
class TrayMenu;
class TrayStatusItem;

class TrayController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRepaintDelayMs = 16;

    TrayController(const AccountRegistry *registry, AutostartFile *autostart, MessageBox *messageBox,
                   TrayActions actions, QObject *parent = nullptr);
    ~TrayController() override;

    // Shows the tray: as our own StatusNotifierItem where the panel hosts those, else as the
    // QSystemTrayIcon (XEmbed, or Qt's own choice).
    void show();
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // The StatusNotifierItem when show() chose it, else null.
    TrayStatusItem *statusItem() const { return m_statusItem; }
    QMenu *menu() const;

    // What is shown; a repaint that is still pending is done first.
    TrayHealth health();
    int unreadTotal();
    // Where the count of unread critical messages comes from (the history); asked at the next
    // repaint after criticalUnreadChanged(), not per message.
    void setCriticalUnreadSource(std::function<int()> source);
    void criticalUnreadChanged();
    int criticalUnread();
    // Shows the history's storage trouble while it lasts (AppRuntime::storageChanged: the
    // reason, empty once it takes writes again, and the messages held in memory meanwhile).
    void showStorageTrouble(const QString &error, int held);
    // The unreadable history was moved to `movedTo` (HistoryStore::movedAside); empty: none was.
    void showHistoryMovedAside(const QString &movedTo);
    // The history at `path` was deleted (or replaced) under the app (HistoryStore::fileReplaced).
    void showHistoryReplaced(const QString &path, bool deleted);
    // What the StatusNotifierItem's Status says (NeedsAttention), also on an XEmbed tray.
    bool needsAttention();
    QString toolTipText() const;

    // A desktop notification through the tray (freedesktop service or a balloon).
    void notify(const QString &title, const QString &body);
    QString lastNotificationTitle() const { return m_lastTitle; }

    // Rebuilds the menu now (it is also rebuilt before it is shown).
    void rebuildMenu();
    // Repaints now if a repaint is pending.
    void repaintNow();
    // How many repaints and menu builds there were (tests bound them by a constant).
    int repaintCount() const { return m_repaints; }
    int menuBuildCount() const;

Q_SIGNALS:
    void notificationClicked();

private:
    void scheduleRepaint();
    void repaint();

    const AccountRegistry *m_registry;
    TrayActions m_actions;
    QSystemTrayIcon *m_tray;
    TrayMenu *m_menu;
    TrayStatusItem *m_statusItem = nullptr;
    QTimer m_repaintTimer;
    TrayHealth m_health = TrayHealth::AllDisabled;
    int m_unread = 0;
    int m_critical = 0;
    bool m_criticalStale = false;
    std::function<int()> m_criticalSource;
    QString m_storageError; // empty while the history takes writes
    int m_held = 0;         // messages the pipeline holds meanwhile
    QString m_movedAside;   // where the unreadable history was kept
    QString m_replaced;     // the tooltip's line about a history deleted or replaced under the app
    bool m_iconSet = false;
    QString m_toolTip;
    QString m_lastTitle;
    int m_repaints = 0;
};

} // namespace ct::ui
