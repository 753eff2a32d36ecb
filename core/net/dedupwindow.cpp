#include "dedupwindow.h"

#include <QDeadlineTimer>

namespace ct {

DedupWindow::DedupWindow(qint64 windowMs, int maxEntries, Clock clock)
    : m_windowMs(windowMs > 0 ? windowMs : 1)
    , m_maxEntries(maxEntries > 0 ? maxEntries : 1)
    , m_clock(std::move(clock))
{
    m_seen.reserve(qMin(m_maxEntries, 4096));
}

qint64 DedupWindow::now() const
{
    if (m_clock)
        return m_clock();
    // Monotonic milliseconds; QDeadlineTimer::current() reads the steady clock.
    return QDeadlineTimer::current().deadline();
}

bool DedupWindow::insert(const QString &key)
{
    const qint64 t = now();
    expire(t);
    Key k(key);
    const qsizetype before = m_seen.size();
    Seen &seen = m_seen[k]; // one probe: finds the key or inserts it
    if (m_seen.size() == before)
        return false;
    const quint64 generation = m_nextGeneration++;
    seen = Seen{generation, t};
    m_order.push_back(Entry{std::move(k), generation, t});
    // The new key is the newest: past maxEntries, the oldest live keys go.
    while (m_seen.size() > m_maxEntries)
        evictOldest();
    // Stale entries (removed keys) are dropped as they reach the front; compact if they pile up.
    if (m_order.size() > size_t(2 * m_maxEntries) + 16) {
        std::deque<Entry> live;
        for (Entry &e : m_order) {
            const auto it = m_seen.constFind(e.key);
            if (it != m_seen.constEnd() && it->generation == e.generation)
                live.push_back(std::move(e));
        }
        m_order.swap(live);
    }
    return true;
}

bool DedupWindow::contains(const QString &key) const
{
    const auto it = m_seen.constFind(Key(key));
    return it != m_seen.constEnd() && it->seenAtMs + m_windowMs > now();
}

void DedupWindow::remove(const QString &key)
{
    m_seen.remove(Key(key));
}

void DedupWindow::clear()
{
    m_seen.clear();
    m_order.clear();
}

bool DedupWindow::popFront()
{
    const Entry &front = m_order.front();
    const auto it = m_seen.find(front.key);
    const bool live = it != m_seen.end() && it->generation == front.generation;
    if (live)
        m_seen.erase(it);
    m_order.pop_front();
    return live;
}

void DedupWindow::expire(qint64 nowMs)
{
    while (!m_order.empty() && m_order.front().seenAtMs + m_windowMs <= nowMs)
        popFront();
}

void DedupWindow::evictOldest()
{
    // Skip stale entries so that exactly one live key is forgotten: one lookup per entry.
    while (!m_order.empty())
        if (popFront())
            return;
}

} // namespace ct
