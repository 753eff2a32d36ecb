#include "historyretention.h"

#include "historystore.h"
#include "logging/logging.h"

namespace ct {

HistoryRetention::HistoryRetention(HistoryStore &store, int retentionDays, QObject *parent)
    : QObject(parent), m_store(store), m_days(retentionDays),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_interval.setInterval(24 * 60 * 60 * 1000);
    connect(&m_interval, &QTimer::timeout, this, &HistoryRetention::runNow);
    m_step.setSingleShot(true);
    m_step.setInterval(0); // one chunk per event-loop turn
    connect(&m_step, &QTimer::timeout, this, &HistoryRetention::purgeChunk);
}

void HistoryRetention::setRetentionDays(int days)
{
    m_days = days;
}

void HistoryRetention::start(int firstRunDelayMs)
{
    m_interval.start();
    QTimer::singleShot(qMax(0, firstRunDelayMs), this, &HistoryRetention::runNow);
}

void HistoryRetention::stop()
{
    m_interval.stop();
    m_step.stop();
    m_purging = false;
}

void HistoryRetention::runNow()
{
    if (m_purging || m_days <= 0 || !m_store.isOpen())
        return;
    m_purging = true;
    m_removed = 0;
    m_cutoff = m_clock().addDays(-m_days);
    m_step.start();
}

void HistoryRetention::purgeChunk()
{
    const int removed = m_store.deleteOlderThan(m_cutoff, m_chunk);
    if (removed > 0)
        m_removed += removed;
    if (removed == m_chunk) {
        m_step.start();
        return;
    }
    m_purging = false;
    if (m_removed > 0)
        qCInfo(lcHistory) << "retention removed" << m_removed << "messages older than" << m_days << "days";
    Q_EMIT purgeFinished(m_removed);
}

} // namespace ct
