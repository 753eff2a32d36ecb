#include "statefile.h"

#include "config/atomicfile.h"
#include "config/configdocument.h"
#include "config/userpath.h"

#include <QFile>

namespace ct {

namespace {
constexpr QFileDevice::Permissions kOwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                     | QFileDevice::ReadUser | QFileDevice::WriteUser;
} // namespace

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
    Json5Error parseError;
    const auto doc = ConfigDocument::fromText(bytes, &parseError);
    if (!doc) {
        if (error)
            *error = QStringLiteral("the state file %1 is not a JSON object (%2)")
                         .arg(file, parseError.toString());
        return std::nullopt;
    }
    return doc->object();
}

QJsonObject StateFile::accountState(const QJsonObject &root, const QString &accountId)
{
    return root.value(accountId).toObject();
}

bool StateFile::writeBack(const QString &path, const QString &accountId, const QJsonObject &fields, QString *error)
{
    const QString file = expandUserPath(path);
    if (!read(path, error))
        return false;
    // Through the config writer, so only the fields written change in the file's text.
    QByteArray before;
    QFile f(file);
    if (f.open(QIODevice::ReadOnly))
        before = f.readAll();
    std::optional<ConfigDocument> doc = before.trimmed().isEmpty() ? ConfigDocument::fromText("{}\n")
                                                                   : ConfigDocument::fromText(before);
    if (!doc) {
        if (error)
            *error = QStringLiteral("the state file %1 is not a JSON object").arg(file);
        return false;
    }
    if (before.trimmed().isEmpty())
        doc = ConfigDocument::fromJson(QJsonObject{{accountId, fields}});
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QString why;
        if (!doc->set({accountId, it.key()}, it.value(), &why)) {
            if (error)
                *error = QStringLiteral("cannot write %1 of %2 into the state file %3: %4")
                             .arg(it.key(), accountId, file, why);
            return false;
        }
    }
    // It holds refresh tokens: owner-only whatever mode the file had, also when nothing else
    // changes (then the write only narrows the mode).
    if (doc->text() == before && !(QFile::permissions(file) & ~kOwnerReadWrite))
        return true;
    return writeFileAtomically(file, doc->text(), error, true, FileMode::OwnerOnly);
}

} // namespace ct
