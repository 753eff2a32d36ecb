#pragma once
// What bench_scale reads about a running process from /proc: resident memory, threads and the
// CPU time of all its threads (schedstat, nanoseconds), and the data segments on its TCP
// connections (ss -ti: each small WebSocket frame is one segment).
#include <QtGlobal>

namespace ct::bench {

struct ProcSample
{
    double rssMiB = 0;
    int threads = 0;
    qint64 cpuNs = 0;       // summed over the threads alive now (schedstat)
    qint64 cpuMs = 0;       // utime + stime of the whole process (/proc/PID/stat), 10 ms steps
    qint64 mainWakeups = 0; // voluntary context switches of the main thread: each is a sleep in poll()
    qint64 segmentsIn = 0;  // data segments received on its established TCP connections (summed)
    qint64 segmentsOut = 0; // and sent
};

ProcSample sampleProcess(qint64 pid);
// With the TCP segment counters too (runs ss: for the idle samples, not in a polling loop).
ProcSample sampleProcessWithSegments(qint64 pid);

} // namespace ct::bench
