// DedupWindow: a key passes once per window; memory stays bounded; time is injectable.
#include "net/dedupwindow.h"

#include <QtTest>

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
        m_now += 600;                            // the stale first entry expires now
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
