#pragma once
// The history deleted under a running `channeltray` (watch or the tray) in the middle of a
// flood, at the worst moment: the process is stopped (SIGSTOP) while it has a transaction open,
// so the batch it is writing commits after the deletion, into the unlinked file. Stopped, the
// process cannot move on while the test reads what the doomed files hold and deletes them.
#include "floodhistory.h"

#include <QFile>
#include <QRandomGenerator>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace ct::test {

// True when another process holds the history's write lock, i.e. has a transaction open: in
// WAL mode a POSIX lock on byte 120 of the -shm file (WAL_WRITE_LOCK, sqlite.org/walformat.html).
inline bool writingHistory(const QString &dataHome)
{
    const QByteArray shm = QFile::encodeName(historyFile(dataHome) + QStringLiteral("-shm"));
    const int fd = ::open(shm.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 120;
    lock.l_len = 1;
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

// Posts 100 messages (added to posted) and stops pid at a random moment after, until it is
// stopped inside a transaction; returns the tries that took (0: never, after 150; it runs on).
inline int stopInsideATransaction(testserver::GotifyServer &server, qint64 pid, const QString &dataHome,
                                  QStringList &posted)
{
    for (int tries = 1; tries <= 150; ++tries) {
        posted += post(server, 100); // sent: it is storing them now
        ::usleep(useconds_t(QRandomGenerator::global()->bounded(0, 2000)));
        ::kill(pid_t(pid), SIGSTOP);
        if (writingHistory(dataHome))
            return tries;
        ::kill(pid_t(pid), SIGCONT);
    }
    return 0;
}

// Of ids, those neither a nor b holds.
inline QStringList inNeither(const QStringList &ids, const QStringList &a, const QStringList &b)
{
    QSet<QString> seen(a.cbegin(), a.cend());
    seen.unite(QSet<QString>(b.cbegin(), b.cend()));
    QStringList missing;
    for (const QString &id : ids)
        if (!seen.contains(id))
            missing << id;
    return missing;
}

// Deletes history.sqlite, -wal and -shm (what a user or a cleaner would): what they held is
// added to inDeleted. False when one of them could not be deleted.
inline bool deleteHistory(const QString &dataHome, const QStringList &posted, QStringList &inDeleted)
{
    inDeleted += storedIds(dataHome, posted);
    bool ok = true;
    for (const char *suffix : {"", "-wal", "-shm"})
        ok = QFile::remove(historyFile(dataHome) + QLatin1String(suffix)) && ok;
    return ok;
}

} // namespace ct::test
