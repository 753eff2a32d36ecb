#pragma once
// Remembers message keys for a time window (default 30 s) so a message that arrives twice
// close together — stream and catch-up overlapping, a reconnect replaying — passes once.
// Memory is bounded: past maxEntries the oldest keys are forgotten first.
// The clock is injectable (milliseconds, monotonic) so tests control time.
//
// Two stores behind one interface. Keys that are plain decimal numbers above every number
// seen so far (a Gotify stream: ids only grow) go to a sorted queue: appending is O(1) and
// touches no hash table, and a repeat is found by binary search. Every other key (OpenIM
// client ids, a catch-up page of older ids) goes to a hash table. A number at or below the
// highest one ever queued is looked up in the queue first, so no key lives in both.
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
    // The same at a time the caller read from now() (a batch reads the clock once).
    bool insert(const QString &key, qint64 nowMs);
    qint64 now() const; // the window's clock, milliseconds
    bool contains(const QString &key) const;
    // Forgets a key (e.g. a message that could not be stored, so a retry may pass).
    void remove(const QString &key);
    void clear();

    int size() const { return int(m_seen.size()) + m_numberedLive; }
    qint64 windowMs() const { return m_windowMs; }
    int maxEntries() const { return m_maxEntries; }

private:
    // The key with its hash: probing the table compares hashes first, so a lookup reads the
    // string of a stored key (another cache line) only when the hashes are equal.
    struct Key
    {
        size_t hash;
        QString text;
        explicit Key(const QString &key) : hash(qHash(QStringView(key))), text(key) {}
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

    struct Numbered
    {
        qint64 number;
        quint64 generation;
        qint64 seenAtMs;
        bool live; // false once remove()d
    };

    void expire(qint64 nowMs);
    void evictOldest();
    bool popFront(); // true when the key it dropped was live
    bool popNumberedFront();
    // The queued entry for number, or nullptr.
    Numbered *findNumbered(qint64 number);
    const Numbered *findNumbered(qint64 number) const;
    // "0", "7", "4711": no sign, no leading zero, at most 18 digits.
    static bool plainNumber(const QString &key, qint64 *number);

    qint64 m_windowMs;
    int m_maxEntries;
    Clock m_clock;
    quint64 m_nextGeneration = 1;
    QHash<Key, Seen> m_seen;
    std::deque<Entry> m_order;       // insertion order; may hold stale entries for removed keys
    std::deque<Numbered> m_numbered; // increasing numbers, in insertion order; may hold dead ones
    qint64 m_highestNumber = -1;     // highest number ever queued (until clear())
    int m_numberedLive = 0;
};

} // namespace ct
