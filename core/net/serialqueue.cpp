#include "serialqueue.h"

#include "logging/logging.h"

#include <QPointer>

#include <algorithm>

namespace ct {

SerialQueue::SerialQueue(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &SerialQueue::onTimeout);
}

SerialQueue::~SerialQueue() = default;

quint64 SerialQueue::enqueue(Job job, const QString &label)
{
    return enqueue(std::move(job), 0, label);
}

quint64 SerialQueue::enqueue(Job job, int timeoutMs, const QString &label)
{
    const quint64 id = m_nextId++;
    m_waiting.push_back(Entry{id, std::move(job), std::max(0, timeoutMs), label});
    scheduleNext();
    return id;
}

bool SerialQueue::cancel(quint64 id)
{
    if (id == 0)
        return false;
    if (m_running.id == id) {
        const QString label = m_running.label;
        leaveRunning();
        Q_EMIT cancelled(id, label);
        if (m_waiting.empty())
            Q_EMIT idle();
        else
            scheduleNext();
        return true;
    }
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(), [id](const Entry &e) { return e.id == id; });
    if (it == m_waiting.end())
        return false;
    const QString label = it->label;
    m_waiting.erase(it);
    Q_EMIT cancelled(id, label);
    if (!busy() && m_waiting.empty())
        Q_EMIT idle();
    return true;
}

void SerialQueue::cancelAll()
{
    std::deque<Entry> dropped;
    dropped.swap(m_waiting);
    const bool wasBusy = busy();
    const Entry running = m_running;
    if (wasBusy) {
        leaveRunning();
        Q_EMIT cancelled(running.id, running.label);
    }
    for (const Entry &e : dropped)
        Q_EMIT cancelled(e.id, e.label);
    if (wasBusy || !dropped.empty())
        Q_EMIT idle();
}

void SerialQueue::scheduleNext()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this, [this] { startNext(); }, Qt::QueuedConnection);
}

void SerialQueue::startNext()
{
    m_scheduled = false;
    if (busy())
        return;
    if (m_waiting.empty())
        return;
    m_running = std::move(m_waiting.front());
    m_waiting.pop_front();
    if (m_running.timeoutMs > 0)
        m_timeout.start(m_running.timeoutMs);
    const quint64 id = m_running.id;
    qCDebug(lcNet) << "serial queue: start" << id << m_running.label;
    Q_EMIT started(id, m_running.label);
    QPointer<SerialQueue> self(this);
    Job job = m_running.job; // a copy: the job may cancel itself while it runs
    job([self, id] {
        if (self)
            self->complete(id);
    });
}

void SerialQueue::complete(quint64 id)
{
    if (m_running.id != id) {
        qCDebug(lcNet) << "serial queue: late done ignored for" << id;
        return;
    }
    const QString label = m_running.label;
    leaveRunning();
    Q_EMIT finished(id, label);
    if (m_waiting.empty())
        Q_EMIT idle();
    else
        scheduleNext();
}

void SerialQueue::onTimeout()
{
    if (!busy())
        return;
    const quint64 id = m_running.id;
    const QString label = m_running.label;
    qCInfo(lcNet) << "serial queue: job" << id << label << "timed out after" << m_running.timeoutMs << "ms";
    leaveRunning();
    Q_EMIT timedOut(id, label);
    if (m_waiting.empty())
        Q_EMIT idle();
    else
        scheduleNext();
}

void SerialQueue::leaveRunning()
{
    m_timeout.stop();
    m_running = Entry{};
}

} // namespace ct
