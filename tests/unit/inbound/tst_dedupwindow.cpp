// DedupWindow: a key passes once per window; memory stays bounded; time is injectable.
#include "net/dedupwindow.h"

#include <QRandomGenerator>
#include <QtTest>

#include <vector>

namespace {
// The behaviour DedupWindow promises, written the slow and obvious way: every key in arrival
// order with its time, and linear scans.
class ReferenceWindow
{
public:
    ReferenceWindow(qint64 windowMs, int maxEntries) : m_windowMs(windowMs), m_max(maxEntries) {}
    bool insert(const QString &key, qint64 now)
    {
        std::vector<Seen> kept;
        for (const Seen &s : m_seen)
            if (s.at + m_windowMs > now)
                kept.push_back(s);
        m_seen.swap(kept);
        for (const Seen &s : m_seen)
            if (s.key == key)
                return false;
        m_seen.push_back({key, now});
        if (int(m_seen.size()) > m_max)
            m_seen.erase(m_seen.begin());
        return true;
    }
    bool contains(const QString &key, qint64 now) const
    {
        for (const Seen &s : m_seen)
            if (s.key == key)
                return s.at + m_windowMs > now;
        return false;
    }
    void remove(const QString &key)
    {
        for (auto it = m_seen.begin(); it != m_seen.end(); ++it)
            if (it->key == key) {
                m_seen.erase(it);
                return;
            }
    }
    int size() const { return int(m_seen.size()); } // may count expired keys until the next insert

private:
    struct Seen
    {
        QString key;
        qint64 at;
    };
    qint64 m_windowMs;
    int m_max;
    std::vector<Seen> m_seen;
};
} // namespace

using ct::DedupWindow;

class TestDedupWindow : public QObject
{
    Q_OBJECT
    qint64 m_now = 1000;
    DedupWindow::Clock clock()
    {
        return [this] { return m_now; };
    }

private Q_SLOTS:
    void init() { m_now = 1000; }

    void insert_newKey_returnsTrue_repeatReturnsFalse()
    {
        DedupWindow w(30000, 100, clock());
        QVERIFY(w.insert(QStringLiteral("a")));
        QVERIFY(!w.insert(QStringLiteral("a")));
        QVERIFY(w.insert(QStringLiteral("b")));
        QCOMPARE(w.size(), 2);
    }
    void insert_afterWindowElapsed_passesAgain()
    {
        DedupWindow w(30000, 100, clock());
        QVERIFY(w.insert(QStringLiteral("a")));
        m_now += 29999;
        QVERIFY(!w.insert(QStringLiteral("a")));
        QVERIFY(w.contains(QStringLiteral("a")));
        m_now += 1;
        QVERIFY(!w.contains(QStringLiteral("a")));
        QVERIFY(w.insert(QStringLiteral("a")));
    }
    void repeat_doesNotExtendTheWindow()
    {
        DedupWindow w(1000, 100, clock());
        w.insert(QStringLiteral("a"));
        m_now += 900;
        QVERIFY(!w.insert(QStringLiteral("a")));
        m_now += 100;
        QVERIFY(w.insert(QStringLiteral("a")));
    }
    void defaultWindow_isThirtySeconds()
    {
        DedupWindow w;
        QCOMPARE(w.windowMs(), qint64(30000));
    }
    void maxEntries_evictsTheOldestFirst()
    {
        DedupWindow w(30000, 3, clock());
        w.insert(QStringLiteral("a"));
        w.insert(QStringLiteral("b"));
        w.insert(QStringLiteral("c"));
        w.insert(QStringLiteral("d"));
        QCOMPARE(w.size(), 3);
        QVERIFY(!w.contains(QStringLiteral("a")));
        QVERIFY(w.contains(QStringLiteral("b")));
        QVERIFY(w.contains(QStringLiteral("d")));
    }
    void remove_letsTheKeyPassAgain_withoutDisturbingOthers()
    {
        DedupWindow w(1000, 10, clock());
        w.insert(QStringLiteral("a"));
        w.remove(QStringLiteral("a"));
        QVERIFY(!w.contains(QStringLiteral("a")));
        m_now += 500;
        QVERIFY(w.insert(QStringLiteral("a"))); // re-inserted at t+500
        m_now += 600;                           // the stale first entry expires now
        QVERIFY(w.contains(QStringLiteral("a")));
        QVERIFY(!w.insert(QStringLiteral("a")));
    }
    void memory_staysBounded_underManyRemoves()
    {
        DedupWindow w(30000, 10, clock());
        for (int i = 0; i < 10000; ++i) {
            w.insert(QString::number(i % 5));
            w.remove(QString::number(i % 5));
        }
        QVERIFY(w.size() <= 10);
    }
    void streamIds_passOnce_andACatchupReplayIsCaught()
    {
        DedupWindow w(30000, 5000, clock());
        for (int id = 1; id <= 1000; ++id)
            QVERIFY(w.insert(QString::number(id)));
        int passed = 0;
        for (int id = 990; id <= 1010; ++id) // a catch-up page overlapping the stream
            passed += w.insert(QString::number(id)) ? 1 : 0;
        QCOMPARE(passed, 10);
        QVERIFY(!w.insert(QStringLiteral("1005")));
        QVERIFY(!w.insert(QStringLiteral("1")));
        QCOMPARE(w.size(), 1010);
    }
    void numbersAndWords_areEvictedInArrivalOrder()
    {
        DedupWindow w(30000, 3, clock());
        for (const char *k : {"10", "a", "11", "b"})
            QVERIFY(w.insert(QString::fromLatin1(k)));
        QVERIFY(!w.contains(QStringLiteral("10")));
        QVERIFY(w.insert(QStringLiteral("c")));
        QVERIFY(!w.contains(QStringLiteral("a")));
        QVERIFY(w.contains(QStringLiteral("11")));
        QVERIFY(w.contains(QStringLiteral("b")));
        QCOMPARE(w.size(), 3);
    }
    void lookalikeNumbers_areDifferentKeys()
    {
        DedupWindow w(30000, 100, clock());
        for (const char *k : {"7", "07", "+7", "7.0", " 7", "-7", "0", "00"})
            QVERIFY2(w.insert(QString::fromLatin1(k)), k);
        for (const char *k : {"7", "07", "+7", "7.0", " 7", "-7", "0", "00"})
            QVERIFY2(!w.insert(QString::fromLatin1(k)), k);
    }
    void removedNumber_passesAgain_andIsThenCaught()
    {
        DedupWindow w(30000, 100, clock());
        QVERIFY(w.insert(QStringLiteral("41")));
        QVERIFY(w.insert(QStringLiteral("42")));
        w.remove(QStringLiteral("41"));
        QCOMPARE(w.size(), 1);
        QVERIFY(w.insert(QStringLiteral("41")));
        QVERIFY(!w.insert(QStringLiteral("41")));
        QVERIFY(!w.insert(QStringLiteral("42")));
    }
    // Random mixes of growing ids, replays, look-alikes and words, with time passing,
    // removals and a small bound, against ReferenceWindow.
    void randomOperations_matchTheReference_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u})
            QTest::addRow("seed %u", seed) << seed;
    }
    void randomOperations_matchTheReference()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const qint64 windowMs = 50;
        const int maxEntries = 1 + int(rng.bounded(12));
        DedupWindow w(windowMs, maxEntries, clock());
        ReferenceWindow ref(windowMs, maxEntries);
        qint64 nextId = 1;
        const QStringList words = {QStringLiteral("a"),  QStringLiteral("b"),   QStringLiteral("07"),
                                   QStringLiteral("-3"), QStringLiteral("1e2"), QStringLiteral("x9")};
        auto pickKey = [&]() -> QString {
            const quint32 r = rng.bounded(10);
            if (r < 5)
                return QString::number(nextId++); // the stream
            if (r < 8)
                return QString::number(qMax<qint64>(1, nextId - 1 - qint64(rng.bounded(20)))); // a replay
            return words.at(int(rng.bounded(quint32(words.size()))));
        };
        int inserted = 0;
        for (int step = 0; step < 5000; ++step) {
            const quint32 op = rng.bounded(20);
            if (op < 2) {
                m_now += rng.bounded(30);
            } else if (op < 3) {
                const QString key = pickKey();
                w.remove(key);
                ref.remove(key);
            } else if (op < 6) {
                const QString key = pickKey();
                QVERIFY2(w.contains(key) == ref.contains(key, m_now),
                         qPrintable(QStringLiteral("step %1 contains %2").arg(step).arg(key)));
            } else {
                const QString key = pickKey();
                const bool got = w.insert(key);
                QVERIFY2(got == ref.insert(key, m_now),
                         qPrintable(QStringLiteral("step %1 insert %2").arg(step).arg(key)));
                QCOMPARE(w.size(), ref.size());
                inserted += got ? 1 : 0;
            }
        }
        QVERIFY(inserted > 1000); // the run exercised the window, not only the rejections
    }
    void clear_forgetsEverything()
    {
        DedupWindow w(30000, 10, clock());
        w.insert(QStringLiteral("a"));
        w.clear();
        QCOMPARE(w.size(), 0);
        QVERIFY(w.insert(QStringLiteral("a")));
    }
};

QTEST_GUILESS_MAIN(TestDedupWindow)
#include "tst_dedupwindow.moc"
