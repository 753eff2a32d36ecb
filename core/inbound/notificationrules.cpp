#include "notificationrules.h"

namespace ct {

QString accountTarget(const AccountAddress &account)
{
    return account.toString();
}

QString applicationTarget(const AccountAddress &account, const QString &appId)
{
    return account.toString() + QStringLiteral("/app:") + appId;
}

QString conversationTarget(const AccountAddress &account, const QString &conversationId)
{
    return account.toString() + QStringLiteral("/conversation:") + conversationId;
}

AccountAddress accountOfTarget(const QString &target)
{
    const QStringList parts = target.split(QLatin1Char('/'));
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return {};
    const AccountAddress a{parts.at(0), parts.at(1)};
    if (a.channel != kGotifyChannel && a.channel != kOpenImChannel)
        return {};
    if (parts.size() == 3) {
        const QString prefix = a.channel == kGotifyChannel ? QStringLiteral("app:")
                                                           : QStringLiteral("conversation:");
        if (!parts.at(2).startsWith(prefix) || parts.at(2).size() == prefix.size())
            return {};
    }
    return a;
}

QStringList muteTargetsOf(const InboundMessage &m)
{
    QStringList out{accountTarget(m.account)};
    if (m.account.channel == kGotifyChannel && !m.sender.isEmpty())
        out << applicationTarget(m.account, m.sender);
    else if (m.account.channel == kOpenImChannel && !m.conversationId.isEmpty())
        out << conversationTarget(m.account, m.conversationId);
    return out;
}

int notificationPriority(const InboundMessage &m)
{
    if (m.account.channel == kGotifyChannel)
        return m.priority;
    return (m.mentionsMe || m.mentionsAll) ? 10 : 5;
}

Silenced silencedBy(const NotificationSettings &settings, const InboundMessage &m, const QDateTime &now)
{
    const int priority = notificationPriority(m);
    for (const QString &target : muteTargetsOf(m)) {
        const auto it = settings.mute.constFind(target);
        if (it == settings.mute.constEnd())
            continue;
        if (it->muted)
            return Silenced::Muted;
        if (it->snoozeUntil.isValid() && now < it->snoozeUntil)
            return Silenced::Snoozed;
        if (it->minPriority >= 0 && priority < it->minPriority)
            return Silenced::BelowMinimum;
    }
    if (settings.quietHours.contains(now.toLocalTime().time()) && priority < settings.quietHours.minPriority)
        return Silenced::QuietHours;
    return Silenced::No;
}

} // namespace ct
