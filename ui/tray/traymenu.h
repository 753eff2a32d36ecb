#pragma once
// The tray's context menu, built only when it is about to be shown (an account changing state
// costs the menu nothing), usable with a thousand accounts:
//   - up to kFlatLimit accounts: each account is a submenu at the top, as before;
//   - more: the accounts that need attention (failed, needs a login) come first, capped at
//     kAttentionLimit, then one submenu per channel and server ("Gotify — host:port"), each
//     filled only when opened, split into pages of kPageSize accounts; "Find account…" opens
//     the Accounts tab with its search field.
// Then the windows, "Start at login" and Quit. Every submenu is deleted at the next rebuild.
#include "accounts/accountstate.h"
#include "trayactions.h"

#include <QHash>
#include <QIcon>
#include <QObject>

class QMenu;

namespace ct {
class AccountRegistry;
struct AccountAddress;
} // namespace ct

namespace ct {
class AutostartFile;
} // namespace ct

namespace ct::ui {

class MessageBox;

class TrayMenu : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFlatLimit = 12;
    static constexpr int kAttentionLimit = 10;
    static constexpr int kPageSize = 50;

    TrayMenu(const AccountRegistry *registry, AutostartFile *autostart, MessageBox *messageBox,
             TrayActions actions, QObject *parent = nullptr);
    ~TrayMenu() override;

    QMenu *menu() const { return m_menu; }
    // Rebuilds the top level now (it is rebuilt before each showing).
    void rebuild();
    // How many times the top level was built (tests bound it; it must not follow state changes).
    int buildCount() const { return m_builds; }

private:
    void addAccountMenu(QMenu *parent, int row);
    void addGroups();
    void fillGroup(QMenu *menu, const QString &channel, const QString &server);
    void addWindowActions();
    void toggleAutostart(bool on);
    QIcon stateIcon(AccountState state);

    const AccountRegistry *m_registry;
    AutostartFile *m_autostart;
    MessageBox *m_messageBox;
    TrayActions m_actions;
    QMenu *m_menu;
    QHash<int, QIcon> m_icons; // one per state, shared by every entry
    int m_builds = 0;
};

} // namespace ct::ui
