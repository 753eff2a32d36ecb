#include "notificationsettingsedit.h"

#include "configeditor.h"

namespace ct {

namespace {
QStringList notificationsPath(const QString &key)
{
    return {QStringLiteral("channeltray"), QStringLiteral("notifications"), key};
}
} // namespace

bool setMuteRule(QJsonObject &root, const QString &target, const MuteRule &rule, QString *error)
{
    const QStringList path = notificationsPath(QStringLiteral("mute")) << target;
    if (rule.isEmpty()) {
        ConfigEditor::removeAt(root, path);
        return true;
    }
    QJsonObject entry;
    if (rule.muted)
        entry.insert(QStringLiteral("muted"), true);
    if (rule.snoozeUntil.isValid())
        entry.insert(QStringLiteral("snoozeUntil"), rule.snoozeUntil.toUTC().toString(Qt::ISODate));
    if (rule.minPriority >= 0)
        entry.insert(QStringLiteral("minPriority"), rule.minPriority);
    return ConfigEditor::setAt(root, path, entry, error);
}

bool setQuietHours(QJsonObject &root, const std::optional<QuietHours> &quiet, QString *error)
{
    const QStringList path = notificationsPath(QStringLiteral("quietHours"));
    if (!quiet || !quiet->enabled) {
        ConfigEditor::removeAt(root, path);
        return true;
    }
    const QString format = QStringLiteral("HH:mm");
    return ConfigEditor::setAt(root, path,
                               QJsonObject{{QStringLiteral("start"), quiet->start.toString(format)},
                                           {QStringLiteral("end"), quiet->end.toString(format)},
                                           {QStringLiteral("minPriority"), quiet->minPriority}},
                               error);
}

} // namespace ct
