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
// Reads data_segs_in/out of each of the process's established TCP sockets: `ss -tinpH` prints
// each socket on a line naming its addresses and its process (users:(("name",pid=N,fd=M))), its
// counters on the next.
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
    QString connection; // empty: not ours
    for (const QByteArray &line : ss.readAllStandardOutput().split('\n')) {
        if (!line.startsWith('\t') && !line.startsWith(' ')) {
            // "Recv-Q Send-Q local peer users:...": the two addresses name the connection.
            const QList<QByteArray> fields = line.simplified().split(' ');
            connection = line.contains(owner) ? QString::fromLatin1(fields.value(2) + ' ' + fields.value(3))
                                              : QString();
            continue;
        }
        if (connection.isEmpty())
            continue;
        const QString text = QString::fromLatin1(line);
        s.connectionSegments.insert(
            connection, {in.match(text).captured(1).toLongLong(), out.match(text).captured(1).toLongLong()});
    }
}

template <typename Value, typename Get>
qint64 sumBetween(const QHash<QString, Value> &earlier, const QHash<QString, Value> &later, Get get)
{
    qint64 sum = 0;
    for (auto it = later.cbegin(); it != later.cend(); ++it)
        sum += get(it.value()) - (earlier.contains(it.key()) ? get(earlier.value(it.key())) : 0);
    return sum;
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
        s.threadCpuNs.insert(task, readAll(base + QStringLiteral("/task/") + task + QStringLiteral("/schedstat"))
                                       .split(' ')
                                       .value(0)
                                       .toLongLong());
    return s;
}

ProcSample sampleProcessWithSegments(qint64 pid)
{
    ProcSample s = sampleProcess(pid);
    countSegments(pid, s);
    return s;
}

qint64 cpuNsBetween(const ProcSample &earlier, const ProcSample &later)
{
    return sumBetween(earlier.threadCpuNs, later.threadCpuNs, [](qint64 ns) { return ns; });
}

qint64 segmentsInBetween(const ProcSample &earlier, const ProcSample &later)
{
    return sumBetween(earlier.connectionSegments, later.connectionSegments,
                      [](const QPair<qint64, qint64> &segments) { return segments.first; });
}

qint64 segmentsOutBetween(const ProcSample &earlier, const ProcSample &later)
{
    return sumBetween(earlier.connectionSegments, later.connectionSegments,
                      [](const QPair<qint64, qint64> &segments) { return segments.second; });
}

} // namespace ct::bench
