#pragma once
// Mute, snooze, minimum priority and quiet hours (channeltray.notifications, see
// config/notificationsettings.h) applied to one message at one moment. Pure functions: the
// caller passes the time, so tests choose it.
//  - Targets of a message, broadest first: its account ("gotify/ops"), then its Gotify
//    application ("gotify/ops/app:3") or OpenIM conversation ("multi-openim/primary/
//    conversation:si_alice_bot"). Any target muted, or snoozed past `now`, silences it; so
//    does any target's minPriority above the message's priority.
//  - Priority: a Gotify message's own; an OpenIM message counts 10 when it mentions the
//    account (or everyone), else 5.
//  - Quiet hours (local time): only messages with priority >= quietHours.minPriority.
#include "config/notificationsettings.h"
#include "inboundmessage.h"

#include <QStringList>

namespace ct {

enum class Silenced { No, Muted, Snoozed, BelowMinimum, QuietHours };

QString accountTarget(const AccountAddress &account);
QString applicationTarget(const AccountAddress &account, const QString &appId);
QString conversationTarget(const AccountAddress &account, const QString &conversationId);
// The account part of a target, invalid when the target is not one of the three forms.
AccountAddress accountOfTarget(const QString &target);

QStringList muteTargetsOf(const InboundMessage &message);
int notificationPriority(const InboundMessage &message);
Silenced silencedBy(const NotificationSettings &settings, const InboundMessage &message, const QDateTime &now);

} // namespace ct
