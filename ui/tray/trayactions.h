#pragma once
// What the tray asks of the rest of the application. Each is optional; a missing action's
// menu entry is disabled. Keeps TrayController free of any window or config logic.
#include "config/accountaddress.h"

#include <functional>

namespace ct::ui {

struct TrayActions
{
    std::function<void()> showMainWindow;   // left click
    std::function<void()> showMessages;
    std::function<void()> showAccounts;
    std::function<void()> showDiagnostics;
    std::function<void()> showGotifyAdmin;
    std::function<void()> showAbout;
    // Invalid address: the dialog opens without an account chosen.
    std::function<void(const AccountAddress &)> sendTestMessage;
    std::function<void(const AccountAddress &, bool enabled)> setAccountEnabled;
    std::function<QString(const AccountAddress &)> sessionKeyFor;
    std::function<void()> quit;
};

} // namespace ct::ui
