#include "dedupwindow.h"

#include <QDeadlineTimer>

#include <algorithm>

namespace ct {

DedupWindow::DedupWindow(qint64 windowMs, int maxEntries, Clock clock)
    : m_windowMs(windowMs > 0 ? windowMs : 1), m_maxEntries(maxEntries > 0 ? maxEntries : 1),
      m_clock(std::move(clock))
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

bool DedupWindow::plainNumber(const QString &key, qint64 *number)
{
    const qsizetype n = key.size();
    if (n == 0 || n > 18 || (n > 1 && key.at(0) == QLatin1Char('0')))
        return false;
    qint64 value = 0;
    for (const QChar c : key) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        value = value * 10 + (c.unicode() - '0');
    }
    *number = value;
    return true;
}

const DedupWindow::Numbered *DedupWindow::findNumbered(qint64 number) const
{
    const auto it = std::lower_bound(m_numbered.begin(), m_numbered.end(), number,
                                     [](const Numbered &e, qint64 n) { return e.number < n; });
    return it != m_numbered.end() && it->number == number ? &*it : nullptr;
}

DedupWindow::Numbered *DedupWindow::findNumbered(qint64 number)
{
    return const_cast<Numbered *>(std::as_const(*this).findNumbered(number));
}

bool DedupWindow::insert(const QString &key)
{
    return insert(key, now());
}

bool DedupWindow::insert(const QString &key, qint64 t)
{
    expire(t);
    qint64 number = 0;
    if (plainNumber(key, &number)) {
        if (number > m_highestNumber) {
            // Above every number queued so far: neither store can hold it.
            m_numbered.push_back(Numbered{number, m_nextGeneration++, t, true});
            m_highestNumber = number;
            ++m_numberedLive;
            while (size() > m_maxEntries)
                evictOldest();
            if (m_numbered.size() > size_t(2 * m_maxEntries) + 16)
                m_numbered.erase(std::remove_if(m_numbered.begin(), m_numbered.end(),
                                                [](const Numbered &e) { return !e.live; }),
                                 m_numbered.end());
            return true;
        }
        const Numbered *queued = findNumbered(number);
        if (queued && queued->live)
            return false;
        // Older than the queue's newest and not in it: the hash table decides.
    }
    Key k(key);
    const qsizetype before = m_seen.size();
    Seen &seen = m_seen[k]; // one probe: finds the key or inserts it
    if (m_seen.size() == before)
        return false;
    const quint64 generation = m_nextGeneration++;
    seen = Seen{generation, t};
    m_order.push_back(Entry{std::move(k), generation, t});
    // The new key is the newest: past maxEntries, the oldest live keys go.
    while (size() > m_maxEntries)
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
    const qint64 t = now();
    qint64 number = 0;
    if (plainNumber(key, &number)) {
        const Numbered *queued = findNumbered(number);
        if (queued && queued->live)
            return queued->seenAtMs + m_windowMs > t;
    }
    const auto it = m_seen.constFind(Key(key));
    return it != m_seen.constEnd() && it->seenAtMs + m_windowMs > t;
}

void DedupWindow::remove(const QString &key)
{
    qint64 number = 0;
    if (plainNumber(key, &number)) {
        Numbered *queued = findNumbered(number);
        if (queued && queued->live) {
            queued->live = false;
            --m_numberedLive;
            return;
        }
    }
    m_seen.remove(Key(key));
}

void DedupWindow::clear()
{
    m_seen.clear();
    m_order.clear();
    m_numbered.clear();
    m_highestNumber = -1;
    m_numberedLive = 0;
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

bool DedupWindow::popNumberedFront()
{
    const bool live = m_numbered.front().live;
    if (live)
        --m_numberedLive;
    m_numbered.pop_front();
    return live;
}

void DedupWindow::expire(qint64 nowMs)
{
    while (!m_order.empty() && m_order.front().seenAtMs + m_windowMs <= nowMs)
        popFront();
    while (!m_numbered.empty() && m_numbered.front().seenAtMs + m_windowMs <= nowMs)
        popNumberedFront();
}

void DedupWindow::evictOldest()
{
    // Both stores are in insertion order: pop whichever front is older until one live key
    // (the oldest of all) is forgotten. Dead entries are dropped on the way.
    while (!m_numbered.empty() || !m_order.empty()) {
        const bool numberedIsOlder = !m_numbered.empty()
                                     && (m_order.empty()
                                         || m_numbered.front().generation < m_order.front().generation);
        if (numberedIsOlder ? popNumberedFront() : popFront())
            return;
    }
}

} // namespace ct
