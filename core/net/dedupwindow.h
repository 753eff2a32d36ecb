#pragma once
// Remembers message keys for a time window (default 30 s) so a message that arrives twice
// close together — stream and catch-up overlapping, a reconnect replaying — passes once.
// Memory is bounded: past maxEntries the oldest keys are forgotten first.
// The clock is injectable (milliseconds, monotonic) so tests control time.
#include <QHash>
#include <QString>

#include <deque>
#include <functional>

namespace ct {

class DedupWindow
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    static constexpr qint64 kDefaultWindowMs = 30000;
    static constexpr int kDefaultMaxEntries = 50000;

    explicit DedupWindow(qint64 windowMs = kDefaultWindowMs, int maxEntries = kDefaultMaxEntries,
                         Clock clock = {});

    // True when the key was not seen within the window (it is remembered from now on);
    // false for a repeat.
    bool insert(const QString &key);
    bool contains(const QString &key) const;
    // Forgets a key (e.g. a message that could not be stored, so a retry may pass).
    void remove(const QString &key);
    void clear();

    int size() const { return int(m_seen.size()); }
    qint64 windowMs() const { return m_windowMs; }
    int maxEntries() const { return m_maxEntries; }

private:
    // The key with its hash: probing the table compares hashes first, so a lookup reads the
    // string of a stored key (another cache line) only when the hashes are equal.
    struct Key
    {
        size_t hash;
        QString text;
        explicit Key(const QString &key)
            : hash(qHash(QStringView(key)))
            , text(key)
        {
        }
        bool operator==(const Key &other) const { return hash == other.hash && text == other.text; }
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept { return key.hash ^ seed; }
    };
    struct Entry
    {
        Key key;
        quint64 generation;
        qint64 seenAtMs;
    };
    struct Seen
    {
        quint64 generation = 0;
        qint64 seenAtMs = 0;
    };

    qint64 now() const;
    void expire(qint64 nowMs);
    void evictOldest();
    bool popFront(); // true when the key it dropped was live

    qint64 m_windowMs;
    int m_maxEntries;
    Clock m_clock;
    quint64 m_nextGeneration = 1;
    QHash<Key, Seen> m_seen;
    std::deque<Entry> m_order; // insertion order; may hold stale entries for removed keys
};

} // namespace ct
