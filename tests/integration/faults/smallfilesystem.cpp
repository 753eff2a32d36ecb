#include "smallfilesystem.h"

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace ct::test {

void reexecAsRootInNamespace(int argc, char **argv)
{
    if (geteuid() == 0)
        return;
    std::vector<char *> args{const_cast<char *>("unshare"), const_cast<char *>("-rm"), const_cast<char *>("--")};
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    execvp("unshare", args.data());
    // No unshare or no user namespaces: go on, mount() will say why.
}

SmallFilesystem::~SmallFilesystem()
{
    release();
    if (m_mounted)
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_folder});
}

bool SmallFilesystem::mount(const QString &folder, qint64 bytes, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("mount"),
            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
             QStringLiteral("size=%1,mode=0700").arg(bytes), QStringLiteral("tmpfs"), folder});
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        *error = QStringLiteral("cannot mount a tmpfs on %1 (root or `unshare -rm` needed): %2")
                     .arg(folder, QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    m_folder = folder;
    m_mounted = true;
    return true;
}

qint64 SmallFilesystem::fill()
{
    const QByteArray path = QFile::encodeName(m_folder + QStringLiteral("/filler"));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0)
        return 0;
    qint64 total = 0;
    std::vector<char> block(4096, 'x');
    for (;;) {
        const ssize_t n = ::write(fd, block.data(), block.size());
        if (n <= 0)
            break; // ENOSPC: full
        total += n;
    }
    ::close(fd);
    return total;
}

void SmallFilesystem::release()
{
    if (!m_folder.isEmpty())
        QFile::remove(m_folder + QStringLiteral("/filler"));
}

bool SmallFilesystem::setReadOnly(bool readOnly)
{
    return m_mounted
           && QProcess::execute(QStringLiteral("mount"),
                                {QStringLiteral("-o"),
                                 readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"), m_folder})
                  == 0;
}

qint64 SmallFilesystem::bytesFree() const
{
    QStorageInfo info(m_folder);
    info.refresh();
    return info.bytesAvailable();
}

} // namespace ct::test
