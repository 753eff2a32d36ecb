#pragma once
// channeltray.notifications beyond gotifyMinPriority: how a Gotify priority maps to a desktop
// notification's urgency. Read by notificationsettingsreader.cpp; used by NotificationPolicy.
//
//   "channeltray": { "notifications": { "urgency": { "normalFrom": 4, "criticalFrom": 8 } } }
//
// Priorities below normalFrom are low, from normalFrom normal, from criticalFrom critical
// (the freedesktop urgency levels 0, 1, 2; GNOME hides low-urgency pop-ups).

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

struct NotificationSettings
{
    UrgencyMapping urgency;
};

} // namespace ct
