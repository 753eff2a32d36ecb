#pragma once
// The one summary of every account's state that the tray icon shows as a coloured dot.
#include "accounts/accountstate.h"

#include <QColor>
#include <QHash>

namespace ct::ui {

enum class TrayHealth {
    AllConnected, // green: every enabled account is live
    Reconnecting, // amber: some account is connecting, waiting to retry, refreshing or offline
    Failing,      // red: some account failed or needs a login (or the history takes no writes)
    AllDisabled,  // grey: nothing enabled (or no account at all)
};

// Red wins over amber, amber over green; grey only when no account is enabled.
TrayHealth trayHealthFrom(const QHash<AccountState, int> &counts);
QColor trayHealthColor(TrayHealth health);

} // namespace ct::ui
