#include "trayhealth.h"

namespace ct::ui {

TrayHealth trayHealthFrom(const QHash<AccountState, int> &counts)
{
    const auto n = [&](AccountState s) { return counts.value(s, 0); };
    if (n(AccountState::Failed) + n(AccountState::NeedsLogin) > 0)
        return TrayHealth::Failing;
    if (n(AccountState::Connecting) + n(AccountState::Backoff) + n(AccountState::Refreshing)
            + n(AccountState::Offline)
        > 0)
        return TrayHealth::Reconnecting;
    if (n(AccountState::Connected) > 0)
        return TrayHealth::AllConnected;
    return TrayHealth::AllDisabled;
}

QColor trayHealthColor(TrayHealth health)
{
    switch (health) {
    case TrayHealth::AllConnected:
        return QColor(0x2e, 0xa0, 0x43);
    case TrayHealth::Reconnecting:
        return QColor(0xf0, 0xa0, 0x10);
    case TrayHealth::Failing:
        return QColor(0xd0, 0x22, 0x1c);
    case TrayHealth::AllDisabled:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

} // namespace ct::ui
