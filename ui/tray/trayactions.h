#pragma once
// What the tray asks of the rest of the application. Each is optional; a missing action's
// menu entry is disabled. Keeps TrayController free of any window or config logic.
#include "config/accountaddress.h"

#include <functional>

class QMenu;

namespace ct::ui {

struct TrayActions
{
    std::function<void()> showMainWindow; // left click
    std::function<void()> showMessages;
    std::function<void()> showAccounts;
    std::function<void()> findAccount; // the Accounts tab with its search field focused
    std::function<void()> showDiagnostics;
    std::function<void()> showGotifyAdmin;
    std::function<void()> showAbout;
    // Invalid address: the dialog opens without an account chosen.
    std::function<void(const AccountAddress &)> sendTestMessage;
    std::function<void(const AccountAddress &, bool enabled)> setAccountEnabled;
    std::function<void(const AccountAddress &)> reconnect; // "Reconnect now"
    std::function<QString(const AccountAddress &)> sessionKeyFor;
    std::function<void()> quit;
    // Hooks for entries owned elsewhere (notification mutes, quiet hours): called at the end of
    // an account's submenu, and before "Start at login" in the main menu.
    std::function<void(QMenu *, const AccountAddress &)> extendAccountMenu;
    std::function<void(QMenu *)> extendMenu;
};

} // namespace ct::ui
