#include "statefile.h"

#include "config/atomicfile.h"
#include "config/userpath.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ct {

std::optional<QJsonObject> StateFile::read(const QString &path, QString *error)
{
    const QString file = expandUserPath(path);
    QFile f(file);
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the state file %1: %2").arg(file, f.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("the state file %1 is not a JSON object (%2 at offset %3)")
                         .arg(file,
                              parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QStringLiteral("wrong type"))
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return doc.object();
}

QJsonObject StateFile::accountState(const QJsonObject &root, const QString &accountId)
{
    return root.value(accountId).toObject();
}

bool StateFile::writeBack(const QString &path, const QString &accountId, const QJsonObject &fields,
                          QString *error)
{
    auto root = read(path, error);
    if (!root)
        return false;
    QJsonObject account = root->value(accountId).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        account.insert(it.key(), it.value());
    root->insert(accountId, account);
    return writeFileAtomically(expandUserPath(path),
                               QJsonDocument(*root).toJson(QJsonDocument::Indented), error, true);
}

} // namespace ct
