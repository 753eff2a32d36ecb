// EpollPoller answers as poll(2) does, on real descriptors (socket pairs, a regular file), while
// the kernel walks only the ready ones: the set follows the array, a descriptor number that comes
// back as another file is watched again, and an old file's entry never reports for the new one.
#include "eventloop/epollpoller.h"

#include <QTemporaryFile>
#include <QtTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using ct::EpollPoller;
using ct::PollRecord;

namespace {

// A connected AF_UNIX pair: `mine` is watched, `peer` writes to it.
struct Pair
{
    int mine = -1;
    int peer = -1;
    Pair()
    {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) == 0) {
            mine = sv[0];
            peer = sv[1];
        }
    }
    ~Pair() { close(); }
    Pair(const Pair &) = delete;
    Pair &operator=(const Pair &) = delete;
    void close()
    {
        if (mine >= 0)
            ::close(mine);
        if (peer >= 0)
            ::close(peer);
        mine = peer = -1;
    }
    bool send() const { return ::write(peer, "x", 1) == 1; }
};

std::vector<PollRecord> readRecords(const std::vector<std::unique_ptr<Pair>> &pairs)
{
    std::vector<PollRecord> records;
    for (const auto &p : pairs)
        records.push_back(PollRecord{p->mine, POLLIN, 0});
    return records;
}

std::vector<std::unique_ptr<Pair>> makePairs(int n)
{
    std::vector<std::unique_ptr<Pair>> pairs;
    for (int i = 0; i < n; ++i)
        pairs.push_back(std::make_unique<Pair>());
    return pairs;
}

QList<int> readyIndexes(const std::vector<PollRecord> &records)
{
    QList<int> ready;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].revents)
            ready << int(i);
    return ready;
}

} // namespace

class TestEpollPoller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneOfFiveHundredDescriptorsReadable_onlyItIsReported_andTheSetWatchesThemAll()
    {
        EpollPoller poller;
        QVERIFY(poller.isValid());
        auto pairs = makePairs(500);
        auto records = readRecords(pairs);
        QCOMPARE(poller.poll(records.data(), unsigned(records.size()), 0), 0);
        QCOMPARE(poller.watchedCount(), 500);
        QVERIFY(pairs[237]->send());
        QCOMPARE(poller.poll(records.data(), unsigned(records.size()), 5000), 1);
        QCOMPARE(readyIndexes(records), QList<int>{237});
        QCOMPARE(records[237].revents, POLLIN);
    }

    void numberReusedWithTheSameEvents_afterItsFileWasReportedReady_theNewFileIsWatched()
    {
        // 300 descriptors: the audit (16 a call, in order, from the first) does not reach
        // record 200 in the calls made here, so only the check of what was ready can find it.
        EpollPoller poller;
        auto pairs = makePairs(300);
        auto records = readRecords(pairs);
        poller.poll(records.data(), unsigned(records.size()), 0);
        QVERIFY(pairs[200]->send());
        QCOMPARE(poller.poll(records.data(), unsigned(records.size()), 5000), 1);
        // Its owner reads the end and closes it; another file gets the number, same events.
        const int number = pairs[200]->mine;
        pairs[200]->close();
        pairs[200] = std::make_unique<Pair>();
        QCOMPARE(pairs[200]->mine, number);
        QVERIFY(pairs[200]->send());
        QCOMPARE(poller.poll(records.data(), unsigned(records.size()), 5000), 1);
        QCOMPARE(readyIndexes(records), QList<int>{200});
    }

    void numberReusedSilently_theNewFileIsWatchedWithinTheAuditBound()
    {
        // Closed without ever being ready (a timer closed it) and reopened before the next call.
        EpollPoller poller;
        auto pairs = makePairs(300);
        auto records = readRecords(pairs);
        poller.poll(records.data(), unsigned(records.size()), 0);
        const int number = pairs[150]->mine;
        pairs[150]->close();
        pairs[150] = std::make_unique<Pair>();
        QCOMPARE(pairs[150]->mine, number);
        QVERIFY(pairs[150]->send());
        const int bound = 300 / EpollPoller::kAuditPerCall + 1;
        int calls = 0;
        while (calls < bound && poller.poll(records.data(), unsigned(records.size()), 0) == 0)
            ++calls;
        QVERIFY2(calls < bound, "the reused number was never watched again");
        QCOMPARE(readyIndexes(records), QList<int>{150});
    }

    void descriptorLeavesTheArray_itsEntryIsRemoved_andAClosedOneIsAnsweredPollNval()
    {
        EpollPoller poller;
        auto pairs = makePairs(3);
        auto records = readRecords(pairs);
        poller.poll(records.data(), 3, 0);
        QCOMPARE(poller.watchedCount(), 3);
        poller.poll(records.data(), 2, 0); // the last record left the array
        QCOMPARE(poller.watchedCount(), 2);
        const int closed = pairs[1]->mine;
        pairs[1]->close(); // closed while still in the array: poll(2) says POLLNVAL
        QCOMPARE(poller.poll(records.data(), 2, 0), 1);
        QCOMPARE(records[1].fd, closed);
        QCOMPARE(records[1].revents, POLLNVAL);
        QCOMPARE(records[0].revents, 0);
    }

    void regularFile_epollRefusesIt_soPoll2AnswersIt()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        auto pairs = makePairs(2);
        std::vector<PollRecord> records = readRecords(pairs);
        records.push_back(PollRecord{int(file.handle()), POLLIN, 0});
        EpollPoller poller;
        QCOMPARE(poller.poll(records.data(), 3, 0), 1); // a regular file is always ready
        QCOMPARE(readyIndexes(records), QList<int>{2});
        QCOMPARE(poller.watchedCount(), 2);
        QVERIFY(pairs[0]->send());
        QCOMPARE(poller.poll(records.data(), 3, 5000), 2);
        QCOMPARE(readyIndexes(records), (QList<int>{0, 2}));
    }

    void oldFileStillOpenElsewhere_itsReadinessIsNeverReported_andTheSetIsRebuilt()
    {
        EpollPoller poller;
        auto pairs = makePairs(4);
        auto records = readRecords(pairs);
        poller.poll(records.data(), 4, 0);
        // The file under record 2 stays open under another number (as in a child after fork),
        // so its entry never leaves the set; the number is then another file's.
        const int number = pairs[2]->mine;
        const int elsewhere = fcntl(number, F_DUPFD_CLOEXEC, 100);
        QVERIFY(elsewhere >= 100);
        ::close(number);
        Pair newFile;
        QCOMPARE(newFile.mine, number);
        QVERIFY(::write(pairs[2]->peer, "x", 1) == 1); // the old file is readable, the new is not
        for (int call = 0; call < 5; ++call) {
            QCOMPARE(poller.poll(records.data(), 4, 0), 0);
            QCOMPARE(records[2].revents, 0);
        }
        QVERIFY(poller.rebuilds() >= 1);
        QVERIFY(newFile.send());
        QCOMPARE(poller.poll(records.data(), 4, 5000), 1);
        QCOMPARE(readyIndexes(records), QList<int>{2});
        ::close(elsewhere);
        pairs[2]->mine = -1; // already closed above
    }

    void sameDescriptorTwice_eachRecordGetsItsOwnAnswer()
    {
        EpollPoller poller;
        Pair pair;
        QVERIFY(pair.send());
        PollRecord records[2] = {{pair.mine, POLLIN, 0}, {pair.mine, POLLOUT, 0}};
        QCOMPARE(poller.poll(records, 2, 5000), 2);
        QCOMPARE(records[0].revents, POLLIN);
        QCOMPARE(records[1].revents, POLLOUT);
    }

    void eventsChange_theSetWatchesTheNewOnes()
    {
        EpollPoller poller;
        Pair pair; // writable, not readable
        PollRecord record{pair.mine, POLLIN, 0};
        QCOMPARE(poller.poll(&record, 1, 0), 0);
        record.events = POLLOUT;
        QCOMPARE(poller.poll(&record, 1, 5000), 1);
        QCOMPARE(record.revents, POLLOUT);
    }

    void peerHangsUp_reportedAsPoll2Would()
    {
        EpollPoller poller;
        Pair pair;
        PollRecord record{pair.mine, POLLIN, 0};
        QCOMPARE(poller.poll(&record, 1, 0), 0);
        ::close(pair.peer);
        pair.peer = -1;
        pollfd plain{pair.mine, POLLIN, 0};
        QCOMPARE(::poll(&plain, 1, 0), 1);
        QCOMPARE(poller.poll(&record, 1, 5000), 1);
        QCOMPARE(record.revents, (unsigned short)plain.revents);
    }
};

QTEST_GUILESS_MAIN(TestEpollPoller)
#include "tst_epollpoller.moc"
