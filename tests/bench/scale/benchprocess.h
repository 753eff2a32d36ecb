#pragma once
// What bench_scale reads about a running process from /proc: resident memory, threads and the
// CPU time of all its threads (schedstat, nanoseconds), and the data segments on its TCP
// connections (ss -ti: each small WebSocket frame is one segment).
#include <QHash>
#include <QPair>
#include <QString>
#include <QtGlobal>

namespace ct::bench {

struct ProcSample
{
    double rssMiB = 0;
    int threads = 0;
    qint64 cpuMs = 0;       // utime + stime of the whole process (/proc/PID/stat), 10 ms steps
    qint64 mainWakeups = 0; // voluntary context switches of the main thread: each is a sleep in poll()
    // CPU time of each thread alive now (schedstat, ns), by thread id.
    QHash<QString, qint64> threadCpuNs;
    // Data segments received and sent on each established TCP connection, by its addresses.
    QHash<QString, QPair<qint64, qint64>> connectionSegments;
};

// What ran or went between two samples, per thread and per connection, so that a thread that
// ends or a connection that closes between them (the tray's HTTP thread and its kept connection
// go after 30 s idle) does not take what it counted before from the total. A thread or a
// connection gone by `later` counts 0: its last moments are not seen.
qint64 cpuNsBetween(const ProcSample &earlier, const ProcSample &later);
qint64 segmentsInBetween(const ProcSample &earlier, const ProcSample &later);
qint64 segmentsOutBetween(const ProcSample &earlier, const ProcSample &later);

ProcSample sampleProcess(qint64 pid);
// With the TCP segment counters too (runs ss: for the idle samples, not in a polling loop).
ProcSample sampleProcessWithSegments(qint64 pid);

} // namespace ct::bench
