#pragma once
// Small edits of the raw config JSON (Config::raw), addressed by path segments such as
// {"channels", "gotify", "accounts", "ops", "serverUrl"}. Segments, not a dotted string, so an
// account id with a '.' in it stays one segment. Everything not touched — unknown keys
// included — is kept. Save the result with saveConfigJson().
#include "accountaddress.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace ct {

class ConfigEditor
{
public:
    // The value at `path`, or an undefined QJsonValue when any segment is absent.
    static QJsonValue valueAt(const QJsonObject &root, const QStringList &path);

    // Sets the value at `path`, creating missing intermediate objects. Refuses (returns false,
    // `root` unchanged, reason in `*error`) when the path is empty or an intermediate value
    // exists but is not an object: user data is never replaced to make room.
    static bool setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value,
                      QString *error = nullptr);

    // Removes the key at `path`. Returns false when there was nothing to remove. Parents that
    // become empty are kept.
    static bool removeAt(QJsonObject &root, const QStringList &path);

    // {"channels", <channel>, "accounts", <id>}
    static QStringList accountPath(const AccountAddress &address);

    // Where `field` of an account should be written. Normally accountPath + field. For
    // gotify/default written in the single-account form (and without a named `default`), the
    // connection fields serverUrl/appToken/clientToken live directly under channels.gotify.
    static QStringList accountFieldPath(const QJsonObject &root, const AccountAddress &address,
                                        const QString &field);
    static bool setAccountField(QJsonObject &root, const AccountAddress &address, const QString &field,
                                const QJsonValue &value, QString *error = nullptr);

    // Removes an account in every form it is written in (for gotify/default also the
    // single-account keys), drops it from agents.*.channels.<channel>.accounts lists, and
    // removes channels.gotify.defaultAccount when it named the account. Returns false when
    // the account was not in the file.
    static bool removeAccount(QJsonObject &root, const AccountAddress &address);

    // "channels.gotify.accounts.ops" for messages.
    static QString dottedPath(const QStringList &path) { return path.join(QLatin1Char('.')); }
};

} // namespace ct
