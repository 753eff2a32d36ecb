#pragma once
// Reads channeltray.notifications' urgency mapping (notificationsettings.h) into the config.
#include "notificationsettings.h"

#include <QJsonObject>
#include <QString>

namespace ct {

class JsonReader;

// `notifications` is the channeltray.notifications object, `path` its JSON path.
void readNotificationSettings(const QJsonObject &notifications, const QString &path, JsonReader &r,
                              NotificationSettings &out);

} // namespace ct
