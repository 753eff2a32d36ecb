#include "configsaver.h"

#include "logging/logging.h"
#include "userpath.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace ct {

namespace {

constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDirMode =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool fail(QString *error, const QString &message)
{
    qCWarning(lcConfig).noquote() << message;
    if (error)
        *error = message;
    return false;
}

// Creates `dir` and any missing parents, each new one with mode 0700.
bool makeDirs(const QString &dir, QString *error)
{
    QStringList missing;
    QString current = QDir::cleanPath(dir);
    while (!QFileInfo::exists(current)) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).path();
        if (parent == current)
            break;
        current = parent;
    }
    for (const QString &d : std::as_const(missing)) {
        if (!QDir().mkdir(d, kDirMode))
            return fail(
                error, QStringLiteral("cannot save the config: cannot create directory %1").arg(d));
    }
    return true;
}

} // namespace

bool saveConfigJson(const QString &path, const QJsonObject &root, QString *error)
{
    const QString file = expandUserPath(path);
    if (file.isEmpty())
        return fail(error, QStringLiteral("cannot save the config: no file name"));
    if (!makeDirs(QFileInfo(file).absolutePath(), error))
        return false;

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(
            error, QStringLiteral("cannot save the config to %1: %2").arg(file, out.errorString()));
    // The temporary file inherits the old file's mode; tokens may be inside, so force 0600
    // before any content is written and before it takes the old file's place.
    if (!out.setPermissions(kFileMode)) {
        out.cancelWriting();
        return fail(error, QStringLiteral("cannot save the config to %1: cannot set mode 0600: %2")
                               .arg(file, out.errorString()));
    }
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (out.write(bytes) != bytes.size()) {
        const QString reason = out.errorString();
        out.cancelWriting();
        return fail(error, QStringLiteral("cannot save the config to %1: %2").arg(file, reason));
    }
    if (!out.commit())
        return fail(
            error, QStringLiteral("cannot save the config to %1: %2").arg(file, out.errorString()));
    qCDebug(lcConfig) << "saved" << file;
    return true;
}

} // namespace ct
