#pragma once
// Writing the config file. Every save goes through ConfigDocument, so only the values that
// change are touched: comments, key order, indentation, quoting and unknown keys stay byte for
// byte. The write is atomic (a temporary file renamed over the old one, so a failed save
// leaves the old file as it was); a new file is 0600, and so is one that holds a token in plain
// text (inlinesecrets.h), whatever its mode was; any other existing file keeps its mode (the
// gateway may share it). Missing parent directories are created 0700. Before the file is replaced, its previous content is
// kept next to it as `<file>.bak` (mode 0600). A save that changes nothing writes nothing.
// On failure the functions return false and put a sentence naming the file and the reason in
// `*error` (when given). A file with `$include`s is edited through ConfigSources: each change
// goes to the file that holds it (configsources.h), never flattened into the top file.
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ct {

class ConfigDocument;

// Makes the file hold `root`: the differences between the file as it is now and `root` are
// edited in. A file that does not exist yet is written fresh, two-space indented.
bool saveConfigJson(const QString &path, const QJsonObject &root, QString *error = nullptr);

// Applies the changes that turn `before` into `after` to the file as it is now. An editor
// passes the raw config it loaded as `before`: what its user did not touch is left as the file
// has it, so a token refreshed since the editor loaded the file is not written back.
bool saveConfigChanges(const QString &path, const QJsonObject &before, const QJsonObject &after,
                       QString *error = nullptr);

// Reads the file ("~/" expanded) as a document; an absent file is an empty one ("{}").
// False with a sentence naming the file, line and column when it cannot be read or parsed.
bool readConfigDocument(const QString &path, std::optional<ConfigDocument> &out, QString *error = nullptr);

// Writes `doc` over the file at `path` when its text differs from `previous` (the bytes read
// before editing), keeping `previous` as `<file>.bak`.
bool writeConfigDocument(const QString &path, const ConfigDocument &doc, const QByteArray &previous,
                         QString *error = nullptr);

} // namespace ct
