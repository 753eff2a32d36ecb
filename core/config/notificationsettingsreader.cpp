#include "notificationsettingsreader.h"

#include "jsonreader.h"

namespace ct {

void readNotificationSettings(const QJsonObject &notifications, const QString &path, JsonReader &r,
                              NotificationSettings &out)
{
    QJsonObject urgency;
    if (!r.readObject(notifications, path, QStringLiteral("urgency"), urgency))
        return;
    const QString urgencyPath = JsonReader::join(path, QStringLiteral("urgency"));
    UrgencyMapping m;
    r.readInt(urgency, urgencyPath, QStringLiteral("normalFrom"), m.normalFrom);
    r.readInt(urgency, urgencyPath, QStringLiteral("criticalFrom"), m.criticalFrom);
    if (m.criticalFrom < m.normalFrom) {
        r.addProblem(JsonReader::join(urgencyPath, QStringLiteral("criticalFrom")),
                     QStringLiteral("must not be below normalFrom (%1), got %2").arg(m.normalFrom).arg(m.criticalFrom));
        return;
    }
    out.urgency = m;
}

} // namespace ct
