#include "heartbeatclock.h"

namespace ct {

HeartbeatClock::HeartbeatClock(std::chrono::milliseconds period, QObject *parent) : QObject(parent)
{
    m_timer.setInterval(int(period.count()));
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_beats;
        Q_EMIT beat();
    });
    m_timer.start();
}

} // namespace ct
