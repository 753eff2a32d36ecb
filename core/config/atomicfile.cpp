#include "atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace ct {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDirMode = kOwnerOnly | QFileDevice::ExeOwner;

// Creates `dir` and any missing parents, each new one with mode 0700. Returns the directory
// that could not be created, or an empty string.
QString makeDirs(const QString &dir)
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
    for (const QString &d : std::as_const(missing))
        if (!QDir().mkdir(d, kDirMode))
            return d;
    return QString();
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error, bool createDirs,
                         FileMode mode)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    const QFileInfo info(path);
    const QFileDevice::Permissions finalMode = mode == FileMode::KeepExisting && info.exists()
                                                   ? QFile::permissions(path)
                                                   : kOwnerOnly;
    if (createDirs) {
        const QString failedDir = makeDirs(info.absolutePath());
        if (!failedDir.isEmpty())
            return fail(QStringLiteral("cannot create directory %1").arg(failedDir));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // QSaveFile creates the temporary file with the default mode; set the final mode on it
    // before any content is written and before the rename.
    if (!file.setPermissions(finalMode)) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QStringLiteral("cannot set the file mode: %1").arg(why));
    }
    if (file.write(content) != content.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(why);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace ct
