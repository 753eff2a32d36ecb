#pragma once
#include <QJsonObject>
#include <QString>

namespace ct {

// Writes `root` as indented JSON to `path` ("~/" expanded), atomically: the new content goes to
// a temporary file next to it that replaces the old file only when fully written, so a failed
// save leaves the old file as it was. The file mode is 0600 on every save, also when an
// existing file was more open. Missing parent directories are created with mode 0700
// (existing ones are left alone). On failure returns false and puts a sentence naming the file
// and the reason in `*error` (when given).
//
// QJsonObject keeps keys sorted, so a round trip keeps every key and value but not the order
// of keys, and comments are not supported by the JSON reader in the first place.
bool saveConfigJson(const QString &path, const QJsonObject &root, QString *error = nullptr);

} // namespace ct
