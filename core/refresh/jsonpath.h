#pragma once
// Dot-path lookup in JSON values: "tokens.openimToken", "data.items.0.token" (a segment that
// is a number indexes an array). Used for responseTokenPath and stateWriteBack fallbacks.
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ct {

// The value at `path` in `root`; nullopt when any segment is missing (an explicit JSON null
// at the end is returned as a null QJsonValue). An empty path is the root itself.
std::optional<QJsonValue> jsonPathValue(const QJsonValue &root, const QString &path);

// The first of `paths` that leads to a value that is neither missing nor null. When
// `matchedPath` is given it receives the path that matched.
std::optional<QJsonValue> jsonPathFirst(const QJsonValue &root, const QStringList &paths,
                                        QString *matchedPath = nullptr);

// Like jsonPathFirst, but only a non-empty string counts as found.
std::optional<QString> jsonPathFirstString(const QJsonValue &root, const QStringList &paths,
                                           QString *matchedPath = nullptr);

} // namespace ct
