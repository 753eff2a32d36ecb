#include "notificationsettingsreader.h"

#include "jsonreader.h"

namespace ct {

namespace {

void readUrgency(const QJsonObject &notifications, const QString &path, JsonReader &r, NotificationSettings &out)
{
    QJsonObject urgency;
    if (!r.readObject(notifications, path, QStringLiteral("urgency"), urgency))
        return;
    const QString urgencyPath = JsonReader::join(path, QStringLiteral("urgency"));
    UrgencyMapping m;
    r.readInt(urgency, urgencyPath, QStringLiteral("normalFrom"), m.normalFrom);
    r.readInt(urgency, urgencyPath, QStringLiteral("criticalFrom"), m.criticalFrom);
    if (m.criticalFrom < m.normalFrom) {
        r.addProblem(
            JsonReader::join(urgencyPath, QStringLiteral("criticalFrom")),
            QStringLiteral("must not be below normalFrom (%1), got %2").arg(m.normalFrom).arg(m.criticalFrom));
        return;
    }
    out.urgency = m;
}

bool readTime(const QJsonObject &obj, const QString &path, const QString &key, JsonReader &r, QTime &out)
{
    QString text;
    if (!r.readString(obj, path, key, text))
        return false;
    const QTime t = QTime::fromString(text, QStringLiteral("HH:mm"));
    if (!t.isValid()) {
        r.addProblem(JsonReader::join(path, key),
                     QStringLiteral("expected a time as \"HH:mm\", got %1").arg(JsonReader::quoted(text)));
        return false;
    }
    out = t;
    return true;
}

void readQuietHours(const QJsonObject &notifications, const QString &path, JsonReader &r,
                    NotificationSettings &out)
{
    QJsonObject quiet;
    if (!r.readObject(notifications, path, QStringLiteral("quietHours"), quiet))
        return;
    const QString quietPath = JsonReader::join(path, QStringLiteral("quietHours"));
    QuietHours q;
    q.enabled = true;
    r.readBool(quiet, quietPath, QStringLiteral("enabled"), q.enabled);
    const bool start = readTime(quiet, quietPath, QStringLiteral("start"), r, q.start);
    const bool end = readTime(quiet, quietPath, QStringLiteral("end"), r, q.end);
    r.readInt(quiet, quietPath, QStringLiteral("minPriority"), q.minPriority, 0);
    if (!start || !end) {
        if (!quiet.contains(QStringLiteral("start")) || !quiet.contains(QStringLiteral("end")))
            r.addProblem(quietPath, QStringLiteral("needs both \"start\" and \"end\""));
        return;
    }
    out.quietHours = q;
}

void readMute(const QJsonObject &notifications, const QString &path, JsonReader &r, NotificationSettings &out)
{
    QJsonObject mute;
    if (!r.readObject(notifications, path, QStringLiteral("mute"), mute))
        return;
    const QString mutePath = JsonReader::join(path, QStringLiteral("mute"));
    for (auto it = mute.constBegin(); it != mute.constEnd(); ++it) {
        QJsonObject entry;
        if (!r.readObject(mute, mutePath, it.key(), entry))
            continue;
        const QString entryPath = JsonReader::join(mutePath, it.key());
        MuteRule rule;
        r.readBool(entry, entryPath, QStringLiteral("muted"), rule.muted);
        r.readInt(entry, entryPath, QStringLiteral("minPriority"), rule.minPriority, 0);
        QString until;
        if (r.readString(entry, entryPath, QStringLiteral("snoozeUntil"), until)) {
            rule.snoozeUntil = QDateTime::fromString(until, Qt::ISODate);
            if (!rule.snoozeUntil.isValid())
                r.addProblem(
                    JsonReader::join(entryPath, QStringLiteral("snoozeUntil")),
                    QStringLiteral("expected an ISO 8601 date and time, got %1").arg(JsonReader::quoted(until)));
            else
                rule.snoozeUntil = rule.snoozeUntil.toUTC();
        }
        out.mute.insert(it.key(), rule);
    }
}

} // namespace

void readNotificationSettings(const QJsonObject &notifications, const QString &path, JsonReader &r,
                              NotificationSettings &out)
{
    readUrgency(notifications, path, r, out);
    readQuietHours(notifications, path, r, out);
    readMute(notifications, path, r, out);
}

} // namespace ct
