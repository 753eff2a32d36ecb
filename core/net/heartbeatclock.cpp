#include "heartbeatclock.h"

#include <QRandomGenerator>

namespace ct {

HeartbeatClock::HeartbeatClock(std::chrono::milliseconds period, std::chrono::milliseconds jitter, QObject *parent)
    : QObject(parent), m_period(period), m_jitter(qBound(std::chrono::milliseconds(0), jitter, period))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse one may fire 5 % late, eating the margin
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_beats;
        arm();
        Q_EMIT beat();
    });
    arm();
}

void HeartbeatClock::arm()
{
    const qint64 jitter = m_jitter.count()
                              ? qint64(QRandomGenerator::global()->bounded(quint64(m_jitter.count()) + 1))
                              : 0;
    m_timer.start(int(m_period.count() - jitter));
}

} // namespace ct
