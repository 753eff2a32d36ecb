// SerialQueue: one job in flight, FIFO, cancellable, with per-job timeouts; late `done`
// calls after a cancel or a timeout are ignored.
#include "net/serialqueue.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using ct::SerialQueue;

class TestSerialQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enqueue_runsJobsOneAtATime_inFifoOrder()
    {
        SerialQueue queue;
        QStringList log;
        int inFlight = 0;
        int maxInFlight = 0;
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
            queue.enqueue([&, name](SerialQueue::Done done) {
                ++inFlight;
                maxInFlight = std::max(maxInFlight, inFlight);
                log << QStringLiteral("start ") + name;
                QTimer::singleShot(20, &queue, [&, name, done] {
                    log << QStringLiteral("end ") + name;
                    --inFlight;
                    done();
                });
            });
        }
        QTRY_COMPARE(log.size(), 6);
        QCOMPARE(log, (QStringList{"start a", "end a", "start b", "end b", "start c", "end c"}));
        QCOMPARE(maxInFlight, 1);
        QVERIFY(!queue.busy());
        QCOMPARE(queue.pending(), 0);
    }

    void enqueue_neverRunsTheJobBeforeReturning()
    {
        SerialQueue queue;
        bool ran = false;
        queue.enqueue([&](SerialQueue::Done done) {
            ran = true;
            done();
        });
        QVERIFY(!ran);
        QCOMPARE(queue.pending(), 1);
        QTRY_VERIFY(ran);
    }

    void done_calledInsideTheJob_startsTheNextJobFromTheEventLoop()
    {
        SerialQueue queue;
        int depth = 0;
        int maxDepth = 0;
        int runs = 0;
        for (int i = 0; i < 50; ++i) {
            queue.enqueue([&](SerialQueue::Done done) {
                ++depth;
                maxDepth = std::max(maxDepth, depth);
                ++runs;
                done(); // synchronous done: the next job must not start in here
                --depth;
            });
        }
        QTRY_COMPARE(runs, 50);
        QCOMPARE(maxDepth, 1);
    }

    void ids_areUniqueAndNonZero_andSignalsCarryThem()
    {
        SerialQueue queue;
        QSignalSpy started(&queue, &SerialQueue::started);
        QSignalSpy finished(&queue, &SerialQueue::finished);
        const quint64 a = queue.enqueue([](SerialQueue::Done done) { done(); }, QStringLiteral("first"));
        const quint64 b = queue.enqueue([](SerialQueue::Done done) { done(); }, QStringLiteral("second"));
        QVERIFY(a != 0 && b != 0 && a != b);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(started.at(0).at(0).toULongLong(), a);
        QCOMPARE(started.at(0).at(1).toString(), QStringLiteral("first"));
        QCOMPARE(finished.at(1).at(0).toULongLong(), b);
    }

    void cancel_pendingJob_neverRuns()
    {
        SerialQueue queue;
        QSignalSpy cancelled(&queue, &SerialQueue::cancelled);
        QStringList ran;
        SerialQueue::Done holdA;
        queue.enqueue([&](SerialQueue::Done done) {
            ran << "a";
            holdA = done;
        });
        const quint64 b = queue.enqueue([&](SerialQueue::Done done) {
            ran << "b";
            done();
        });
        queue.enqueue([&](SerialQueue::Done done) {
            ran << "c";
            done();
        });
        QTRY_VERIFY(queue.busy());
        QVERIFY(queue.cancel(b));
        QCOMPARE(queue.pending(), 1);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.at(0).at(0).toULongLong(), b);
        holdA();
        QTRY_COMPARE(ran, (QStringList{"a", "c"}));
        // Nothing runs or waits any more: the cancelled job can never run.
        QVERIFY(!queue.busy());
        QCOMPARE(queue.pending(), 0);
    }

    void cancel_runningJob_movesOn_andItsLateDoneIsIgnored()
    {
        SerialQueue queue;
        QSignalSpy finished(&queue, &SerialQueue::finished);
        SerialQueue::Done doneA;
        SerialQueue::Done doneB;
        const quint64 a = queue.enqueue([&](SerialQueue::Done done) { doneA = done; });
        const quint64 b = queue.enqueue([&](SerialQueue::Done done) { doneB = done; });
        QTRY_VERIFY(doneA);
        QCOMPARE(queue.runningId(), a);
        QVERIFY(queue.cancel(a));
        QTRY_VERIFY(doneB);
        QCOMPARE(queue.runningId(), b);
        doneA(); // late: must not finish b
        QVERIFY(queue.busy());
        QCOMPARE(queue.runningId(), b);
        QCOMPARE(finished.size(), 0);
        doneB();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toULongLong(), b);
    }

    void cancel_unknownOrFinishedId_returnsFalse()
    {
        SerialQueue queue;
        QVERIFY(!queue.cancel(0));
        QVERIFY(!queue.cancel(12345));
        const quint64 id = queue.enqueue([](SerialQueue::Done done) { done(); });
        QTRY_VERIFY(!queue.busy() && queue.pending() == 0);
        QVERIFY(!queue.cancel(id));
    }

    void cancelAll_dropsEveryJob_andReportsEachOne()
    {
        SerialQueue queue;
        QSignalSpy cancelled(&queue, &SerialQueue::cancelled);
        QSignalSpy idle(&queue, &SerialQueue::idle);
        int ran = 0;
        SerialQueue::Done hold;
        queue.enqueue([&](SerialQueue::Done done) {
            ++ran;
            hold = done;
        });
        for (int i = 0; i < 4; ++i)
            queue.enqueue([&](SerialQueue::Done done) {
                ++ran;
                done();
            });
        QTRY_VERIFY(queue.busy());
        queue.cancelAll();
        QCOMPARE(cancelled.size(), 5);
        QCOMPARE(idle.size(), 1);
        QVERIFY(!queue.busy());
        QCOMPARE(queue.pending(), 0);
        hold();
        // The late done of the cancelled job starts nothing: the queue is and stays empty.
        QVERIFY(!queue.busy());
        QCOMPARE(queue.pending(), 0);
        QCOMPARE(ran, 1);
    }

    void timeout_movesTheQueueOn()
    {
        SerialQueue queue;
        QSignalSpy timedOut(&queue, &SerialQueue::timedOut);
        bool secondRan = false;
        const quint64 stuck = queue.enqueue([](SerialQueue::Done) { /* never calls done */ }, 50,
                                            QStringLiteral("stuck"));
        queue.enqueue([&](SerialQueue::Done done) {
            secondRan = true;
            done();
        });
        QTRY_VERIFY(secondRan);
        QCOMPARE(timedOut.size(), 1);
        QCOMPARE(timedOut.at(0).at(0).toULongLong(), stuck);
        QCOMPARE(timedOut.at(0).at(1).toString(), QStringLiteral("stuck"));
    }

    void timeout_lateDoneOfTheTimedOutJob_isIgnored()
    {
        SerialQueue queue;
        QSignalSpy finished(&queue, &SerialQueue::finished);
        SerialQueue::Done lateDone;
        SerialQueue::Done secondDone;
        queue.enqueue([&](SerialQueue::Done done) { lateDone = done; }, 30);
        const quint64 second = queue.enqueue([&](SerialQueue::Done done) { secondDone = done; });
        QTRY_VERIFY(secondDone);
        lateDone();
        QCOMPARE(finished.size(), 0);
        QCOMPARE(queue.runningId(), second);
        secondDone();
        QCOMPARE(finished.size(), 1);
    }

    void timeout_jobThatFinishesInTime_doesNotTimeOut()
    {
        SerialQueue queue;
        QSignalSpy timedOut(&queue, &SerialQueue::timedOut);
        QSignalSpy finished(&queue, &SerialQueue::finished);
        queue.enqueue([&](SerialQueue::Done done) { QTimer::singleShot(10, &queue, done); }, 200);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!queue.timeoutArmed()); // disarmed when the job finished: it cannot time out later
        QCOMPARE(timedOut.size(), 0);
    }

    void done_calledTwice_countsOnce()
    {
        SerialQueue queue;
        QSignalSpy finished(&queue, &SerialQueue::finished);
        SerialQueue::Done secondDone;
        queue.enqueue([](SerialQueue::Done done) {
            done();
            done();
        });
        queue.enqueue([&](SerialQueue::Done done) { secondDone = done; });
        QTRY_VERIFY(secondDone);
        QCOMPARE(finished.size(), 1);
        QVERIFY(queue.busy());
        secondDone();
    }

    void idle_firesWhenTheLastJobIsOver()
    {
        SerialQueue queue;
        QSignalSpy idle(&queue, &SerialQueue::idle);
        queue.enqueue([](SerialQueue::Done done) { done(); });
        queue.enqueue([](SerialQueue::Done done) { done(); });
        QTRY_COMPARE(idle.size(), 1);
        // A later job runs behind anything the first two could still have queued; when it
        // starts, idle must still have fired exactly once.
        int idleWhenThirdStarted = -1;
        queue.enqueue([&](SerialQueue::Done done) {
            idleWhenThirdStarted = int(idle.size());
            done();
        });
        QTRY_COMPARE(idle.size(), 2);
        QCOMPARE(idleWhenThirdStarted, 1);
    }

    void destroyedQueue_lateDoneIsHarmless()
    {
        SerialQueue::Done kept;
        {
            SerialQueue queue;
            queue.enqueue([&](SerialQueue::Done done) { kept = done; });
            QTRY_VERIFY(kept);
        }
        kept(); // must not touch the destroyed queue
        QVERIFY(true);
    }

    void jobEnqueuedFromInsideAJob_runsAfterIt()
    {
        SerialQueue queue;
        QStringList log;
        queue.enqueue([&](SerialQueue::Done done) {
            queue.enqueue([&](SerialQueue::Done inner) {
                log << "inner";
                inner();
            });
            log << "outer";
            done();
        });
        QTRY_COMPARE(log, (QStringList{"outer", "inner"}));
    }
};

QTEST_GUILESS_MAIN(TestSerialQueue)
#include "tst_serialqueue.moc"
