#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ct {

std::optional<QJsonValue> jsonPathValue(const QJsonValue &root, const QString &path)
{
    if (path.isEmpty())
        return root;
    QJsonValue current = root;
    const QStringList segments = path.split(QLatin1Char('.'));
    for (const QString &segment : segments) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(segment);
            if (it == object.constEnd())
                return std::nullopt;
            current = it.value();
        } else if (current.isArray()) {
            bool isIndex = false;
            const int index = segment.toInt(&isIndex);
            const QJsonArray array = current.toArray();
            if (!isIndex || index < 0 || index >= array.size())
                return std::nullopt;
            current = array.at(index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

std::optional<QJsonValue> jsonPathFirst(const QJsonValue &root, const QStringList &paths, QString *matchedPath)
{
    for (const QString &path : paths) {
        const auto value = jsonPathValue(root, path);
        if (value && !value->isNull() && !value->isUndefined()) {
            if (matchedPath)
                *matchedPath = path;
            return value;
        }
    }
    return std::nullopt;
}

std::optional<QString> jsonPathFirstString(const QJsonValue &root, const QStringList &paths, QString *matchedPath)
{
    for (const QString &path : paths) {
        const auto value = jsonPathValue(root, path);
        if (value && value->isString() && !value->toString().isEmpty()) {
            if (matchedPath)
                *matchedPath = path;
            return value->toString();
        }
    }
    return std::nullopt;
}

} // namespace ct
