// HeartbeatClock: beats on its own, each wait armed between period - jitter and period (never
// longer than the period, which is what keeps a ping inside a server's read deadline).
#include "net/heartbeatclock.h"

#include <QtTest>

using ct::HeartbeatClock;
using namespace std::chrono_literals;

class TestHeartbeatClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void beats_eachWaitArmedWithinPeriodLessJitterAndPeriod()
    {
        HeartbeatClock clock(40ms, 30ms);
        QList<qint64> armed{clock.armed().count()};
        connect(&clock, &HeartbeatClock::beat, this, [&] { armed << clock.armed().count(); });
        QTRY_VERIFY(clock.beats() >= 8);
        for (qint64 ms : armed)
            QVERIFY2(ms >= 10 && ms <= 40, qPrintable(QString::number(ms)));
        QVERIFY2(std::any_of(armed.cbegin(), armed.cend(), [&](qint64 ms) { return ms != armed.first(); }),
                 "every wait the same: no jitter");
        QCOMPARE(clock.period(), 40ms);
    }

    void withoutJitter_everyWaitIsThePeriod()
    {
        HeartbeatClock clock(20ms);
        QList<qint64> armed{clock.armed().count()};
        connect(&clock, &HeartbeatClock::beat, this, [&] { armed << clock.armed().count(); });
        QTRY_VERIFY(clock.beats() >= 3);
        for (qint64 ms : armed)
            QCOMPARE(ms, 20);
    }

    void jitterLongerThanThePeriod_waitsStayWithinThePeriod()
    {
        for (int i = 0; i < 50; ++i) {
            HeartbeatClock clock(20ms, 100ms);
            QVERIFY(clock.armed() >= 0ms && clock.armed() <= 20ms);
        }
    }

    void productionBeat_staysSixSecondsInsideOpenImsReadDeadline()
    {
        // docs/protocols.md, OpenIM Heartbeat: the gateway drops a connection silent for 30 s.
        QVERIFY(ct::kHeartbeatPeriod <= 24s);
        QVERIFY(ct::kHeartbeatJitter < ct::kHeartbeatPeriod);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatClock)
#include "tst_heartbeatclock.moc"
