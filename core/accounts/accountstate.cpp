#include "accountstate.h"

namespace ct {

QString accountStateName(AccountState state)
{
    switch (state) {
    case AccountState::Disabled:
        return QStringLiteral("disabled");
    case AccountState::Connecting:
        return QStringLiteral("connecting");
    case AccountState::Connected:
        return QStringLiteral("connected");
    case AccountState::Backoff:
        return QStringLiteral("backoff");
    case AccountState::Refreshing:
        return QStringLiteral("refreshing");
    case AccountState::NeedsLogin:
        return QStringLiteral("needs-login");
    case AccountState::Failed:
        return QStringLiteral("failed");
    case AccountState::Offline:
        return QStringLiteral("offline");
    }
    return QStringLiteral("failed");
}

} // namespace ct
