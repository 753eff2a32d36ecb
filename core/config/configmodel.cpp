#include "configmodel.h"

namespace ct {

QString dmScopeName(DmScope scope)
{
    switch (scope) {
    case DmScope::Main:
        return QStringLiteral("main");
    case DmScope::PerPeer:
        return QStringLiteral("per-peer");
    case DmScope::PerChannelPeer:
        return QStringLiteral("per-channel-peer");
    case DmScope::PerAccountChannelPeer:
        return QStringLiteral("per-account-channel-peer");
    }
    return QStringLiteral("main");
}

std::optional<DmScope> dmScopeFromName(const QString &name)
{
    for (DmScope s : {DmScope::Main, DmScope::PerPeer, DmScope::PerChannelPeer, DmScope::PerAccountChannelPeer})
        if (dmScopeName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace ct
