#pragma once
// Enforces channeltray.history.retentionDays (default 90) without blocking the UI: once soon
// after start and then daily (by default) it deletes expired messages in small chunks, one
// chunk per event-loop turn, until none is left. AppRuntime runs one over its history.
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace ct {

class HistoryStore;

class HistoryRetention : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit HistoryRetention(HistoryStore &store, int retentionDays = 90, QObject *parent = nullptr);

    void setRetentionDays(int days); // <= 0 → keep forever
    int retentionDays() const { return m_days; }
    void setChunkSize(int rows) { m_chunk = rows > 0 ? rows : 1; }
    void setInterval(int ms) { m_interval.setInterval(ms); }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void start(int firstRunDelayMs = 5000); // periodic runs
    void stop();
    bool isStarted() const { return m_interval.isActive(); }
    void runNow(); // starts one chunked purge now
    bool isPurging() const { return m_purging; }

Q_SIGNALS:
    void purgeFinished(int removed);

private:
    void purgeChunk();

    HistoryStore &m_store;
    int m_days;
    int m_chunk = 500;
    int m_removed = 0;
    bool m_purging = false;
    QDateTime m_cutoff;
    Clock m_clock;
    QTimer m_interval;
    QTimer m_step;
};

} // namespace ct
