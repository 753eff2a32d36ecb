// NotificationPolicy: who pops up (Gotify priority, OpenIM direct and mentions), and bursts and
// catch-ups coalesce into one summary instead of a pop-up per message.
#include "inbound/notificationpolicy.h"
#include "inboundtesthelpers.h"

#include <QTimer>
#include <QtTest>

#include <algorithm>

using namespace ct;
using namespace ct::test;

namespace {
Notification at(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<Notification>();
}
} // namespace

// Notifications come only from the policy's window timers (its children): when none is active,
// nothing more can be emitted — the event-free check of "no more notifications".
bool nothingScheduled(const NotificationPolicy &policy)
{
    const QList<QTimer *> timers = policy.findChildren<QTimer *>();
    return std::none_of(timers.cbegin(), timers.cend(), [](const QTimer *t) { return t->isActive(); });
}

class TestNotificationPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gotify_priorityAtOrAboveTheMinimum_popsUp()
    {
        NotificationPolicy p;
        QCOMPARE(p.gotifyMinPriority(), 4);
        QVERIFY(!p.wants(gotifyMessage(1, 3)));
        QVERIFY(p.wants(gotifyMessage(1, 4)));
        QVERIFY(p.wants(gotifyMessage(1, 10)));
        p.setGotifyMinPriority(8);
        QVERIFY(!p.wants(gotifyMessage(1, 7)));
    }
    void openim_directMessage_popsUp()
    {
        NotificationPolicy p;
        QVERIFY(p.wants(openimDirect(QStringLiteral("m"), QStringLiteral("alice"))));
    }
    void openim_groupWithoutMention_doesNot_withMentionDoes()
    {
        NotificationPolicy p;
        InboundMessage g = openimGroup(QStringLiteral("m"), QStringLiteral("alice"), QStringLiteral("g"));
        QVERIFY(!p.wants(g));
        g.mentionsMe = true;
        QVERIFY(p.wants(g));
        g.mentionsMe = false;
        g.mentionsAll = true;
        QVERIFY(p.wants(g));
    }
    void notificationConversation_selfSent_filtered_outgoing_never()
    {
        NotificationPolicy p;
        InboundMessage n = openimDirect(QStringLiteral("m"), QStringLiteral("admin"));
        n.isNotification = true;
        QVERIFY(!p.wants(n));
        InboundMessage self = openimDirect(QStringLiteral("m"), QStringLiteral("bot"));
        self.fromSelf = true;
        QVERIFY(!p.wants(self));
        InboundMessage filtered = gotifyMessage(1, 9);
        filtered.filtered = true;
        QVERIFY(!p.wants(filtered));
        InboundMessage out = gotifyMessage(2, 9);
        out.direction = InboundMessage::Direction::Out;
        QVERIFY(!p.wants(out));
    }
    void fewMessagesInAWindow_popUpOneByOne()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        p.offer(gotifyMessage(1));
        p.offer(gotifyMessage(2));
        p.offer(gotifyMessage(3));
        QTRY_COMPARE(spy.size(), 3);
        QVERIFY(nothingScheduled(p)); // so no more notifications can come
        QCOMPARE(spy.size(), 3);
        QVERIFY(!at(spy, 0).isSummary);
        QCOMPARE(at(spy, 0).messageId, QStringLiteral("1"));
        QCOMPARE(at(spy, 0).body, QStringLiteral("message 1"));
        QCOMPARE(at(spy, 0).title, QStringLiteral("Backup"));
    }
    void burstAboveTheThreshold_becomesOneSummary()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QCOMPARE(p.burstThreshold(), 3);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        for (int i = 1; i <= 5; ++i)
            p.offer(gotifyMessage(i));
        QTRY_COMPARE(spy.size(), 1);
        QVERIFY(nothingScheduled(p)); // so no more notifications can come
        QCOMPARE(spy.size(), 1);
        const Notification n = at(spy, 0);
        QVERIFY(n.isSummary);
        QCOMPARE(n.count, 5);
        QCOMPARE(n.account, gotifyOps());
        QCOMPARE(n.body, QStringLiteral("5 new messages on gotify/ops"));
    }
    void burst_ignoresMessagesThatWouldNotPopUp()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        for (int i = 1; i <= 10; ++i)
            p.offer(gotifyMessage(i, i == 10 ? 5 : 1)); // nine below the threshold
        QTRY_COMPARE(spy.size(), 1);
        QVERIFY(!at(spy, 0).isSummary);
        QCOMPARE(at(spy, 0).messageId, QStringLiteral("10"));
    }
    void burstsOnTwoAccounts_coalesceSeparately()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        for (int i = 1; i <= 4; ++i) {
            p.offer(gotifyMessage(i));
            p.offer(openimDirect(QStringLiteral("o%1").arg(i), QStringLiteral("alice")));
        }
        QTRY_COMPARE(spy.size(), 2);
        QVERIFY(at(spy, 0).isSummary && at(spy, 1).isSummary);
        QVERIFY(at(spy, 0).account != at(spy, 1).account);
    }
    void nextWindow_startsAfresh()
    {
        NotificationPolicy p;
        p.setWindowMs(30);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        for (int i = 1; i <= 5; ++i)
            p.offer(gotifyMessage(i));
        QTRY_COMPARE(spy.size(), 1);
        p.offer(gotifyMessage(6));
        QTRY_COMPARE(spy.size(), 2);
        QVERIFY(!at(spy, 1).isSummary);
    }
    void catchupBatch_givesOneSummaryPerAccount()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        QList<InboundMessage> page;
        for (int i = 1; i <= 2; ++i)
            page << gotifyMessage(i, 5, QStringLiteral("7"), InboundMessage::Via::Catchup);
        p.offerBatch(page);
        // A second page arrives before the account went quiet.
        page.clear();
        for (int i = 3; i <= 500; ++i)
            page << gotifyMessage(i, 5, QStringLiteral("7"), InboundMessage::Via::Catchup);
        p.offerBatch(page);
        InboundMessage other = openimDirect(QStringLiteral("c1"), QStringLiteral("alice"));
        other.via = InboundMessage::Via::Catchup;
        p.offer(other);
        QTRY_COMPARE(spy.size(), 2);
        QVERIFY(nothingScheduled(p)); // so no more notifications can come
        QCOMPARE(spy.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const Notification n = at(spy, i);
            if (n.account == gotifyOps()) {
                QVERIFY(n.isSummary);
                QCOMPARE(n.count, 500);
            } else {
                QVERIFY(!n.isSummary); // a catch-up of one is just that message
                QCOMPARE(n.messageId, QStringLiteral("c1"));
            }
        }
    }
    void flushAll_emitsWhatIsPending_now()
    {
        NotificationPolicy p;
        p.setWindowMs(60000);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        p.offer(gotifyMessage(1));
        QCOMPARE(spy.size(), 0);
        p.flushAll();
        QCOMPARE(spy.size(), 1);
    }
    void gotifyUrgency_followsPriority_lowNormalCritical_andTheMappingIsConfigurable()
    {
        NotificationPolicy p;
        QCOMPARE(p.single(gotifyMessage(1, 0)).urgency, NotificationUrgency::Low);
        QCOMPARE(p.single(gotifyMessage(1, 3)).urgency, NotificationUrgency::Low);
        QCOMPARE(p.single(gotifyMessage(1, 4)).urgency, NotificationUrgency::Normal);
        QCOMPARE(p.single(gotifyMessage(1, 7)).urgency, NotificationUrgency::Normal);
        QCOMPARE(p.single(gotifyMessage(1, 8)).urgency, NotificationUrgency::Critical);
        QCOMPARE(p.single(gotifyMessage(1, 10)).urgency, NotificationUrgency::Critical);
        p.setUrgencyMapping(UrgencyMapping{2, 6});
        QCOMPARE(p.single(gotifyMessage(1, 1)).urgency, NotificationUrgency::Low);
        QCOMPARE(p.single(gotifyMessage(1, 2)).urgency, NotificationUrgency::Normal);
        QCOMPARE(p.single(gotifyMessage(1, 6)).urgency, NotificationUrgency::Critical);
    }
    void openimUrgency_normal_mentionsCritical()
    {
        NotificationPolicy p;
        QCOMPARE(p.single(openimDirect(QStringLiteral("m"), QStringLiteral("alice"))).urgency,
                 NotificationUrgency::Normal);
        InboundMessage g = openimGroup(QStringLiteral("m"), QStringLiteral("alice"), QStringLiteral("g"));
        g.mentionsMe = true;
        QCOMPARE(p.single(g).urgency, NotificationUrgency::Critical);
        g.mentionsMe = false;
        g.mentionsAll = true;
        QCOMPARE(p.single(g).urgency, NotificationUrgency::Critical);
    }
    void single_carriesClickUrlPriorityAndSession()
    {
        InboundMessage m = gotifyMessage(4, 9);
        m.clickUrl = QStringLiteral("https://example.org/run/4");
        m.sessionKey = QStringLiteral("agent:main:main");
        const Notification n = NotificationPolicy().single(m);
        QCOMPARE(n.clickUrl, m.clickUrl);
        QCOMPARE(n.priority, 9);
        QCOMPARE(n.sessionKey, m.sessionKey);
    }
    void summary_takesTheHighestUrgencyOfItsMessages()
    {
        NotificationPolicy p;
        p.setWindowMs(50);
        QSignalSpy spy(&p, &NotificationPolicy::notify);
        for (int i = 1; i <= 5; ++i)
            p.offer(gotifyMessage(i, i == 3 ? 9 : 5));
        p.flushAll();
        QCOMPARE(spy.size(), 1);
        QVERIFY(at(spy, 0).isSummary);
        QCOMPARE(at(spy, 0).urgency, NotificationUrgency::Critical);
        for (int i = 6; i <= 10; ++i)
            p.offer(gotifyMessage(i, 5));
        p.flushAll();
        QCOMPARE(spy.size(), 2);
        QCOMPARE(at(spy, 1).urgency, NotificationUrgency::Normal);
    }
    void longText_isShortenedInThePopUp()
    {
        InboundMessage m = gotifyMessage(1);
        m.text = QString(1000, QLatin1Char('x'));
        QVERIFY(NotificationPolicy().single(m).body.size() <= 200);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
