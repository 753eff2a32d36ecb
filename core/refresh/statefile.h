#pragma once
// The refresh state file (tokenRefresh.http.stateFile): a JSON object keyed by account id,
// each value an object of fields ({"primary": {"refreshToken": "…", "deviceId": "…"}}).
// Placeholders {state.<field>} read it; stateWriteBack writes fields back into it.
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ct {

class StateFile
{
public:
    // Reads the whole file ("~/" expanded). A file that does not exist is an empty object;
    // a file that is not a JSON object is an error naming the file (never echoing content).
    static std::optional<QJsonObject> read(const QString &path, QString *error = nullptr);

    // stateFile[accountId], empty when absent or when the file cannot be read.
    static QJsonObject accountState(const QJsonObject &root, const QString &accountId);

    // Sets `fields` into stateFile[accountId] (other fields and accounts kept), written
    // atomically with mode 0600, also over an existing file with a wider mode (it holds
    // refresh tokens); a write that changes no field still narrows such a mode.
    static bool writeBack(const QString &path, const QString &accountId, const QJsonObject &fields,
                          QString *error = nullptr);
};

} // namespace ct
