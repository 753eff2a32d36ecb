#pragma once
// One request in flight at a time (one queue per account), first in, first out.
// A job is a function that starts some asynchronous work and calls `done` when it is over.
// Jobs always start from the event loop, never inside enqueue(), and the next job starts
// from a queued call, never from inside the previous job's `done`.
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>

namespace ct {

class SerialQueue : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void()>;
    using Job = std::function<void(Done done)>;

    explicit SerialQueue(QObject *parent = nullptr);
    ~SerialQueue() override;

    // Appends a job; returns its id (never 0). With timeoutMs > 0, a job that has not called
    // `done` in time is given up: timedOut() fires and the queue moves on.
    quint64 enqueue(Job job, const QString &label = {});
    quint64 enqueue(Job job, int timeoutMs, const QString &label = {});

    // A waiting job is dropped and never runs. The running job is forgotten: the queue moves
    // on and its late `done` is ignored; the owner aborts the actual request on cancelled().
    // Returns false for an unknown or already finished id.
    bool cancel(quint64 id);
    void cancelAll();

    int pending() const { return int(m_waiting.size()); } // waiting, not counting the running one
    bool busy() const { return m_running.id != 0; }
    quint64 runningId() const { return m_running.id; }
    // A timeout is armed for the running job (false once it finished, was cancelled or timed out).
    bool timeoutArmed() const { return m_timeout.isActive(); }

Q_SIGNALS:
    void started(quint64 id, const QString &label);
    void finished(quint64 id, const QString &label);
    void timedOut(quint64 id, const QString &label);
    void cancelled(quint64 id, const QString &label);
    void idle(); // the last job finished (or was cancelled/timed out) and nothing waits

private:
    struct Entry
    {
        quint64 id = 0;
        Job job;
        int timeoutMs = 0;
        QString label;
    };

    void scheduleNext();
    void startNext();
    void complete(quint64 id);
    void onTimeout();
    void leaveRunning();

    std::deque<Entry> m_waiting;
    Entry m_running;
    QTimer m_timeout;
    quint64 m_nextId = 1;
    bool m_scheduled = false;
};

} // namespace ct
