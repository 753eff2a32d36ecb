// Backoff: exponential delays from initialMs, doubled up to maxMs, with ±jitter; counts
// attempts, stops after maxAttempts, starts again from initialMs after reset().
#include "net/backoff.h"

#include <QtTest>

#include <algorithm>

using ct::Backoff;

namespace {
Backoff::RandomSource fixed(double value)
{
    return [value] { return value; };
}
} // namespace

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void next_withoutJitter_doublesFromInitialUpToTheMaximum()
    {
        Backoff backoff(100, 1000, 0, 0.0);
        QList<int> delays;
        for (int i = 0; i < 7; ++i)
            delays.append(*backoff.next());
        QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000, 1000}));
        QCOMPARE(backoff.attempts(), 7);
    }

    void next_doublesUntilTheMaximum_withJitterInsideBounds()
    {
        for (quint32 seed : {1u, 7u, 42u, 12345u}) {
            Backoff backoff(2000, 30000, 0, 0.2, Backoff::seeded(seed));
            for (int i = 0; i < 40; ++i) {
                const int nominal = backoff.nominalDelay();
                QCOMPARE(nominal, int(std::min<qint64>(qint64(2000) << std::min(i, 20), 30000)));
                const int delay = *backoff.next();
                QVERIFY2(delay >= int(nominal * 0.8) - 1,
                         qPrintable(QStringLiteral("%1 < %2").arg(delay).arg(nominal * 0.8)));
                QVERIFY2(delay <= std::min(int(nominal * 1.2) + 1, 30000),
                         qPrintable(QStringLiteral("%1 > bound for %2").arg(delay).arg(nominal)));
            }
        }
    }

    void next_jitter_spreadsBothWaysAroundTheNominalDelay()
    {
        Backoff low(1000, 60000, 0, 0.2, fixed(0.0));
        QCOMPARE(*low.next(), 800);
        Backoff middle(1000, 60000, 0, 0.2, fixed(0.5));
        QCOMPARE(*middle.next(), 1000);
        Backoff high(1000, 60000, 0, 0.2, fixed(0.999999));
        QCOMPARE(*high.next(), 1200);
    }

    void next_withJitter_neverExceedsTheMaximum()
    {
        Backoff backoff(1000, 4000, 0, 0.5, fixed(0.999999));
        for (int i = 0; i < 10; ++i)
            QVERIFY(*backoff.next() <= 4000);
    }

    void next_seededTwiceWithTheSameSeed_givesTheSameDelays()
    {
        Backoff a(500, 20000, 0, 0.3, Backoff::seeded(99));
        Backoff b(500, 20000, 0, 0.3, Backoff::seeded(99));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(a.next(), b.next());
    }

    void exhausted_afterMaxAttempts_returnsNullopt()
    {
        Backoff backoff(100, 1000, 3, 0.0);
        QVERIFY(!backoff.exhausted());
        QCOMPARE(backoff.next(), std::optional<int>(100));
        QCOMPARE(backoff.next(), std::optional<int>(200));
        QCOMPARE(backoff.next(), std::optional<int>(400));
        QVERIFY(backoff.exhausted());
        QCOMPARE(backoff.next(), std::nullopt);
        QCOMPARE(backoff.next(), std::nullopt);
        QCOMPARE(backoff.attempts(), 3);
    }

    void maxAttemptsZero_isUnlimited_andNeverOverflows()
    {
        Backoff backoff(1, 30000, 0, 0.2, Backoff::seeded(3));
        for (int i = 0; i < 10000; ++i) {
            const std::optional<int> delay = backoff.next();
            QVERIFY(delay.has_value());
            QVERIFY(*delay >= 0 && *delay <= 30000);
        }
        QVERIFY(!backoff.exhausted());
        QCOMPARE(backoff.attempts(), 10000);
    }

    void reset_afterSuccess_startsAgainFromInitial()
    {
        Backoff backoff(250, 8000, 4, 0.0);
        backoff.next();
        backoff.next();
        backoff.next();
        backoff.next();
        QVERIFY(backoff.exhausted());
        backoff.reset();
        QCOMPARE(backoff.attempts(), 0);
        QVERIFY(!backoff.exhausted());
        QCOMPARE(backoff.next(), std::optional<int>(250));
        QCOMPARE(backoff.next(), std::optional<int>(500));
    }

    void constructor_nonsenseArguments_areMadeSafe()
    {
        Backoff negative(-5, -10, -1, -3.0);
        QCOMPARE(negative.initialMs(), 0);
        QCOMPARE(negative.maxMs(), 0);
        QCOMPARE(negative.maxAttempts(), 0);
        QCOMPARE(negative.jitter(), 0.0);
        QCOMPARE(negative.next(), std::optional<int>(0));

        Backoff inverted(5000, 100, 0, 7.0, fixed(0.0)); // max below initial, jitter above 1
        QCOMPARE(inverted.maxMs(), 5000);
        QCOMPARE(inverted.jitter(), 1.0);
        QCOMPARE(inverted.next(), std::optional<int>(0));

        Backoff badRandom(1000, 1000, 0, 0.2, fixed(42.0)); // out-of-range random is clamped
        QCOMPARE(badRandom.next(), std::optional<int>(1000));
    }

    void copies_countTheirAttemptsIndependently()
    {
        Backoff original(100, 1000, 0, 0.0);
        original.next();
        Backoff copy = original;
        copy.next();
        copy.next();
        QCOMPARE(original.attempts(), 1);
        QCOMPARE(copy.attempts(), 3);
        QCOMPARE(original.next(), std::optional<int>(200));
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
