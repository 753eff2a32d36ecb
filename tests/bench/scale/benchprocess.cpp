#include "benchprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace ct::bench {

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// Sums data_segs_in/out over the process's established TCP sockets: `ss -tinpH` prints each
// socket on a line naming its process (users:(("name",pid=N,fd=M))), its counters on the next.
void countSegments(qint64 pid, ProcSample &s)
{
    QProcess ss;
    ss.start(QStringLiteral("ss"),
             {QStringLiteral("-tinpH"), QStringLiteral("state"), QStringLiteral("established")});
    if (!ss.waitForFinished(20000))
        return;
    static const QRegularExpression in(QStringLiteral("\\bdata_segs_in:(\\d+)"));
    static const QRegularExpression out(QStringLiteral("\\bdata_segs_out:(\\d+)"));
    const QByteArray owner = "pid=" + QByteArray::number(pid) + ',';
    bool ours = false;
    for (const QByteArray &line : ss.readAllStandardOutput().split('\n')) {
        if (!line.startsWith('\t') && !line.startsWith(' ')) {
            ours = line.contains(owner);
            continue;
        }
        if (!ours)
            continue;
        const QString text = QString::fromLatin1(line);
        s.segmentsIn += in.match(text).captured(1).toLongLong();
        s.segmentsOut += out.match(text).captured(1).toLongLong();
    }
}
} // namespace

ProcSample sampleProcess(qint64 pid)
{
    ProcSample s;
    const QString base = QStringLiteral("/proc/%1").arg(pid);
    for (const QByteArray &line : readAll(base + QStringLiteral("/status")).split('\n')) {
        if (line.startsWith("VmRSS:"))
            s.rssMiB = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        else if (line.startsWith("Threads:"))
            s.threads = line.mid(8).trimmed().toInt();
    }
    // /proc/PID/stat: fields after the ")" of the command name; utime and stime are 14 and 15.
    const QByteArray stat = readAll(base + QStringLiteral("/stat"));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    s.cpuMs = (fields.value(11).toLongLong() + fields.value(12).toLongLong()) * 10; // USER_HZ = 100
    for (const QByteArray &line : readAll(base + QStringLiteral("/task/%1/status").arg(pid)).split('\n'))
        if (line.startsWith("voluntary_ctxt_switches:"))
            s.mainWakeups = line.mid(24).trimmed().toLongLong();
    const QStringList tasks = QDir(base + QStringLiteral("/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks)
        s.cpuNs += readAll(base + QStringLiteral("/task/") + task + QStringLiteral("/schedstat"))
                       .split(' ')
                       .value(0)
                       .toLongLong();
    return s;
}

ProcSample sampleProcessWithSegments(qint64 pid)
{
    ProcSample s = sampleProcess(pid);
    countSegments(pid, s);
    return s;
}

} // namespace ct::bench
