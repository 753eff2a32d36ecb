#include "demosandbox.h"

#include "logging/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <sys/types.h>
#endif

namespace ct::app {

namespace {

qint64 readPid(const QString &pidFile)
{
    QFile f(pidFile);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toLongLong();
}

bool isSandbox(qint64 pid)
{
#ifdef Q_OS_UNIX
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return pid > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("channeltray-sandbox");
#else
    Q_UNUSED(pid)
    return false;
#endif
}

// The pid `pidFile` names when that process is a running channeltray-sandbox, else 0.
qint64 runningSandbox(const QString &pidFile)
{
    const qint64 pid = readPid(pidFile);
    return isSandbox(pid) ? pid : 0;
}

} // namespace

QString sandboxPidFileFor(const QString &configPath)
{
    return QFileInfo(configPath).absolutePath() + QStringLiteral("/sandbox.pid");
}

void stopSandbox(const QString &pidFile)
{
#ifdef Q_OS_UNIX
    if (const qint64 pid = runningSandbox(pidFile))
        ::kill(pid_t(pid), SIGTERM);
#endif
    QFile::remove(pidFile);
}

void stopDemoSandboxOnQuit(const QString &configPath)
{
    const QString pidFile = sandboxPidFileFor(configPath);
    // Read now, compared at quit: the tray that starts a new demo from a demo tray quits right
    // after writing the new sandbox's pid into this same file, and must not stop that one.
    const qint64 pid = runningSandbox(pidFile);
    if (!pid)
        return;
    qCInfo(lcApp) << "demo tray: sandbox" << pid << "stops when the tray quits";
    QCoreApplication *app = QCoreApplication::instance();
    QObject::connect(app, &QCoreApplication::aboutToQuit, app, [pidFile, pid] {
        if (readPid(pidFile) != pid)
            return;
        stopSandbox(pidFile);
    });
}

} // namespace ct::app
