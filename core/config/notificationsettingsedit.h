#pragma once
// Writes mutes and quiet hours into the raw config (channeltray.notifications, see
// notificationsettings.h), for the tray menu, the Messages tab and `channeltray notifications`.
// The caller saves the result through the format-keeping writer (saveConfigChanges).
#include "notificationsettings.h"

#include <QJsonObject>
#include <optional>

namespace ct {

// Sets the rule of a target; an empty rule removes the target's entry.
bool setMuteRule(QJsonObject &root, const QString &target, const MuteRule &rule, QString *error = nullptr);
// Sets the quiet hours; nullopt removes them.
bool setQuietHours(QJsonObject &root, const std::optional<QuietHours> &quiet, QString *error = nullptr);

} // namespace ct
