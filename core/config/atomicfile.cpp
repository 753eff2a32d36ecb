#include "atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

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

// After the rename: the directory entry reaches the disk too (best effort; a filesystem that
// cannot sync a directory still has the whole file, old or new).
void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
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
    if (!file.open(QIODevice::WriteOnly)) {
        // QSaveFile says "Existing file … is not writable" for a read-only filesystem too: name
        // the system's reason when there is one.
        const QByteArray probe = QFile::encodeName(info.exists() ? path : info.absolutePath());
        if (::access(probe.constData(), W_OK) != 0)
            return fail(QString::fromLocal8Bit(std::strerror(errno)));
        return fail(file.errorString());
    }
    // QSaveFile creates the temporary file with the default mode; set the final mode on it
    // before any content is written and before the rename.
    if (!file.setPermissions(finalMode)) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(QStringLiteral("cannot set the file mode: %1").arg(why));
    }
    // Written straight to the descriptor, so a failure keeps the system's reason (ENOSPC, EIO;
    // QFileDevice's buffered write reports "Unknown error"). QSaveFile::commit() syncs too but
    // ignores a failure; a temporary file the disk did not take must not replace the old one.
    const int fd = file.handle();
    auto failWriting = [&](int err) {
        file.cancelWriting();
        return fail(QString::fromLocal8Bit(std::strerror(err)));
    };
    for (qsizetype done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failWriting(n < 0 ? errno : ENOSPC);
        done += n;
    }
    if (::fsync(fd) != 0 && errno != EINVAL)
        return failWriting(errno);
    if (!file.commit())
        return fail(file.errorString());
    syncDirectory(info.absolutePath());
    return true;
}

} // namespace ct
