#pragma once
// GET /metrics: the Prometheus text exposition format (version 0.0.4). Names follow the
// Prometheus naming rules (channeltray_ prefix, base units, _total on counters, _seconds,
// _bytes); labels are bounded: account and channel (one value per configured account), state
// (7 values), via (2), result (3) — never a message, a peer or a session.
#include "statusboard.h"

#include <QByteArray>

namespace ct {

struct ProcessFigures
{
    qint64 residentBytes = -1; // -1: unknown on this platform
    int openFds = -1;
    int openSockets = -1;
};

// Reads /proc/self (Linux); unknown elsewhere.
ProcessFigures readProcessFigures();

QByteArray metricsText(const QList<AccountStatus> &accounts, quint64 storeErrors, const ProcessFigures &process,
                       int heldMessages = 0);

inline constexpr char kMetricsContentType[] = "text/plain; version=0.0.4; charset=utf-8";

} // namespace ct
