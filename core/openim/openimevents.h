#pragma once
// OpenIM error codes → the vendor SDK's event names (docs/protocols.md "Error codes").
#include <QString>

namespace ct::openim {

// 1501 OnUserTokenExpired; 1502/1503/1504/1505/1507 OnUserTokenInvalid; 1506 OnKickedOffline;
// anything else OnConnectFailed.
inline QString eventForErrorCode(int code)
{
    switch (code) {
    case 1501:
        return QStringLiteral("OnUserTokenExpired");
    case 1502:
    case 1503:
    case 1504:
    case 1505:
    case 1507:
        return QStringLiteral("OnUserTokenInvalid");
    case 1506:
        return QStringLiteral("OnKickedOffline");
    default:
        return QStringLiteral("OnConnectFailed");
    }
}

inline bool isTokenEvent(const QString &event)
{
    return event != QStringLiteral("OnConnectFailed");
}

} // namespace ct::openim
