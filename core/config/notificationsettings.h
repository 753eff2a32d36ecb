#pragma once
// channeltray.notifications beyond gotifyMinPriority: how a Gotify priority maps to a desktop
// notification's urgency, what is muted, and the quiet hours. Read by
// notificationsettingsreader.cpp, written by notificationsettingsedit.cpp, applied by
// NotificationPolicy (core/inbound/notificationrules.h).
//
//   "channeltray": { "notifications": {
//     "urgency": { "normalFrom": 4, "criticalFrom": 8 },
//     "quietHours": { "start": "22:00", "end": "07:00", "minPriority": 8 },
//     "mute": {
//       "gotify/ops": { "muted": true },
//       "gotify/alerts/app:3": { "snoozeUntil": "2026-12-02T12:00:00Z" },
//       "multi-openim/primary/conversation:si_alice_bot": { "minPriority": 9 } } } }
//
// Urgency: priorities below normalFrom are low, from normalFrom normal, from criticalFrom
// critical (the freedesktop urgency levels 0, 1, 2; GNOME hides low-urgency pop-ups).
// Mute targets: an account, a Gotify application of an account (app:<appid>) or an OpenIM
// conversation of an account (conversation:<conversationID>). Quiet hours are local time; the
// end may be past midnight; present means on (unless "enabled": false).
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QTime>

namespace ct {

enum class NotificationUrgency { Low = 0, Normal = 1, Critical = 2 };

struct UrgencyMapping
{
    int normalFrom = 4;
    int criticalFrom = 8;

    NotificationUrgency forPriority(int priority) const
    {
        if (priority >= criticalFrom)
            return NotificationUrgency::Critical;
        if (priority >= normalFrom)
            return NotificationUrgency::Normal;
        return NotificationUrgency::Low;
    }
};

struct MuteRule
{
    bool muted = false;
    QDateTime snoozeUntil; // UTC; invalid = not snoozed
    int minPriority = -1;  // -1 = none

    bool isEmpty() const { return !muted && !snoozeUntil.isValid() && minPriority < 0; }
};

struct QuietHours
{
    bool enabled = false;
    QTime start{22, 0};
    QTime end{7, 0};
    int minPriority = 8; // what still notifies during quiet hours

    bool contains(const QTime &t) const
    {
        if (!enabled || start == end)
            return false;
        return start < end ? (t >= start && t < end) : (t >= start || t < end);
    }
};

struct NotificationSettings
{
    UrgencyMapping urgency;
    QuietHours quietHours;
    QMap<QString, MuteRule> mute; // target → rule
};

} // namespace ct
