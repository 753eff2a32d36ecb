#pragma once
// Patches `channels.multi-openim.accounts.<id>.token` in the config file through
// ConfigDocument (the one config writer): only the bytes of that one string literal change
// (its quote character kept); every other byte (comments, order, spacing, unknown keys) stays
// as it was. The write is atomic (QSaveFile), keeps the file mode and keeps the previous
// version as `<file>.bak`, so a crash at any moment leaves either the old or the new file. Used when a refreshed token must go back
// where the old one came from (an inline token in the config file, as the gateway expects).
#include <QString>
#include <QStringList>

namespace ct {

class ConfigTokenPatcher
{
public:
    // The key path of an OpenIM account's inline token.
    static QStringList openImTokenPath(const QString &accountId);

    // Replaces the string at `keyPath` in the JSON file `configPath` ("~/" expanded) with
    // `newValue`. Fails (file untouched) when the file is not valid JSON5, when the key is not
    // there, when it is there more than once, or when its value is not a string. `*error`
    // names the key path and the file, never the value.
    static bool patchString(const QString &configPath, const QStringList &keyPath, const QString &newValue,
                            QString *error = nullptr);

    // When the file `$include`s others, the string is patched in the file that holds it.

    // patchString() with openImTokenPath(accountId).
    static bool patchOpenImToken(const QString &configPath, const QString &accountId, const QString &newToken,
                                 QString *error = nullptr);

private:
    static bool patchInFile(const QString &path, const QStringList &keyPath, const QString &newValue,
                            QString *error);
};

} // namespace ct
