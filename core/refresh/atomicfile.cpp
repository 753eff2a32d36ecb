#include "atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace ct {

bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error,
                         bool createDirs)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    const QFileInfo info(path);
    const bool existed = info.exists();
    const QFile::Permissions oldMode = existed ? QFile::permissions(path) : QFile::Permissions();
    if (createDirs && !info.absoluteDir().exists()) {
        const QString dir = info.absolutePath();
        if (!QDir().mkpath(dir))
            return fail(QStringLiteral("cannot create the directory"));
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // QSaveFile creates the temporary file with the default mode; set the final mode on it
    // before the rename so the file never exists with a wider mode.
    const QFile::Permissions mode =
        existed ? oldMode : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    if (!file.setPermissions(mode))
        return fail(QStringLiteral("cannot set the file mode"));
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
