#include "configeditor.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace ct {

namespace {

const QStringList &gotifySingleFormFields()
{
    static const QStringList fields{QStringLiteral("serverUrl"), QStringLiteral("appToken"),
                                    QStringLiteral("clientToken")};
    return fields;
}

// Recursive helpers: each level copies its object, edits the child and writes it back, which
// is how QJsonObject values are changed in place.
bool setIn(QJsonObject &obj, const QStringList &path, qsizetype index, const QJsonValue &value, QString *error)
{
    const QString &key = path.at(index);
    if (index == path.size() - 1) {
        obj.insert(key, value);
        return true;
    }
    QJsonObject child;
    const QJsonValue existing = obj.value(key);
    if (existing.isObject()) {
        child = existing.toObject();
    } else if (!existing.isUndefined() && !existing.isNull()) {
        if (error)
            *error = QStringLiteral("cannot set %1: %2 is %3, not an object")
                         .arg(ConfigEditor::dottedPath(path), ConfigEditor::dottedPath(path.mid(0, index + 1)),
                              JsonReader::describe(existing));
        return false;
    }
    if (!setIn(child, path, index + 1, value, error))
        return false;
    obj.insert(key, child);
    return true;
}

bool removeIn(QJsonObject &obj, const QStringList &path, qsizetype index)
{
    const QString &key = path.at(index);
    if (index == path.size() - 1) {
        if (!obj.contains(key))
            return false;
        obj.remove(key);
        return true;
    }
    const QJsonValue existing = obj.value(key);
    if (!existing.isObject())
        return false;
    QJsonObject child = existing.toObject();
    if (!removeIn(child, path, index + 1))
        return false;
    obj.insert(key, child);
    return true;
}

bool usesGotifySingleForm(const QJsonObject &root, const AccountAddress &address)
{
    if (address.channel != kGotifyChannel || address.accountId != QLatin1String("default"))
        return false;
    if (ConfigEditor::valueAt(root, ConfigEditor::accountPath(address)).isObject())
        return false;
    const QJsonObject block = ConfigEditor::valueAt(root, {QStringLiteral("channels"), kGotifyChannel}).toObject();
    for (const QString &f : gotifySingleFormFields())
        if (block.contains(f))
            return true;
    return false;
}

// Drops `address` from every agents.<agent>.channels.<channel>.accounts list.
void unbindFromAgents(QJsonObject &root, const AccountAddress &address)
{
    const QJsonObject agents = root.value(QStringLiteral("agents")).toObject();
    for (auto it = agents.constBegin(); it != agents.constEnd(); ++it) {
        const QStringList listPath{QStringLiteral("agents"), it.key(), QStringLiteral("channels"), address.channel,
                                   QStringLiteral("accounts")};
        const QJsonValue list = ConfigEditor::valueAt(root, listPath);
        if (!list.isArray())
            continue;
        QJsonArray kept;
        for (const QJsonValue &v : list.toArray())
            if (v.toString() != address.accountId || !v.isString())
                kept.append(v);
        if (kept.size() != list.toArray().size())
            ConfigEditor::setAt(root, listPath, kept);
    }
}

} // namespace

QJsonValue ConfigEditor::valueAt(const QJsonObject &root, const QStringList &path)
{
    if (path.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = root;
    for (const QString &segment : path) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(segment);
    }
    return current;
}

bool ConfigEditor::setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot set a value at an empty path");
        return false;
    }
    QJsonObject copy = root;
    if (!setIn(copy, path, 0, value, error))
        return false;
    root = copy;
    return true;
}

bool ConfigEditor::removeAt(QJsonObject &root, const QStringList &path)
{
    return !path.isEmpty() && removeIn(root, path, 0);
}

QStringList ConfigEditor::accountPath(const AccountAddress &address)
{
    return {QStringLiteral("channels"), address.channel, QStringLiteral("accounts"), address.accountId};
}

QStringList ConfigEditor::accountFieldPath(const QJsonObject &root, const AccountAddress &address,
                                           const QString &field)
{
    if (gotifySingleFormFields().contains(field) && usesGotifySingleForm(root, address))
        return {QStringLiteral("channels"), kGotifyChannel, field};
    return accountPath(address) << field;
}

bool ConfigEditor::setAccountField(QJsonObject &root, const AccountAddress &address, const QString &field,
                                   const QJsonValue &value, QString *error)
{
    return setAt(root, accountFieldPath(root, address, field), value, error);
}

bool ConfigEditor::removeAccount(QJsonObject &root, const AccountAddress &address)
{
    bool removed = false;
    // gotify/default may be written in both forms at once; remove both.
    if (address.channel == kGotifyChannel && address.accountId == QLatin1String("default")) {
        for (const QString &f : gotifySingleFormFields())
            removed |= removeAt(root, {QStringLiteral("channels"), kGotifyChannel, f});
    }
    removed |= removeAt(root, accountPath(address));
    if (!removed)
        return false;
    const QStringList defaultAccountPath{QStringLiteral("channels"), kGotifyChannel,
                                         QStringLiteral("defaultAccount")};
    if (address.channel == kGotifyChannel && valueAt(root, defaultAccountPath).toString() == address.accountId)
        removeAt(root, defaultAccountPath);
    unbindFromAgents(root, address);
    return true;
}

} // namespace ct
