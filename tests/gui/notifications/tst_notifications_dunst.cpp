// Desktop notifications through org.freedesktop.Notifications, shown by a real dunst: urgency
// from the Gotify priority (OpenIM: mentions critical), the app icon and desktop-entry hint, the
// actions (click opens the message, "Open link", "Mark read"), one summary updated in place for
// a burst, withdrawal once read in the window, and markup escaped only when the server reads it.
// No tray icon exists here: notifications work in window mode.
#include "dunstfixture.h"
#include "inbound/notificationpolicy.h"
#include "notifications/desktopnotifier.h"
#include "notifications/freedesktopnotifications.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

namespace {
const AccountAddress kOps{kGotifyChannel, QStringLiteral("ops")};
const AccountAddress kPrimary{kOpenImChannel, QStringLiteral("primary")};

InboundMessage gotify(int id, int priority, const QString &clickUrl = {})
{
    InboundMessage m;
    m.account = kOps;
    m.id = QString::number(id);
    m.title = QStringLiteral("Backup %1").arg(id);
    m.text = QStringLiteral("run %1 finished").arg(id);
    m.priority = priority;
    m.clickUrl = clickUrl;
    return m;
}
InboundMessage openim(const QString &id, bool mention)
{
    InboundMessage m;
    m.account = kPrimary;
    m.id = id;
    m.sender = QStringLiteral("alice");
    m.groupId = mention ? QStringLiteral("ops-room") : QString();
    m.mentionsMe = mention;
    m.text = QStringLiteral("hello %1").arg(id);
    return m;
}
} // namespace

class TestNotificationsDunst : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Dunst> m_dunst;
    std::unique_ptr<FreedesktopNotifications> m_backend;
    std::unique_ptr<DesktopNotifier> m_notifier;
    NotificationPolicy m_policy;
    QList<QPair<AccountAddress, QString>> m_opened, m_markedRead;
    QList<QUrl> m_urls;
    int m_windowShown = 0;

    void makeNotifier()
    {
        m_notifier.reset();
        m_backend = std::make_unique<FreedesktopNotifications>();
        NotifierActions actions;
        actions.openMessage = [this](const AccountAddress &a, const QString &id) { m_opened.append({a, id}); };
        actions.markRead = [this](const AccountAddress &a, const QString &id) { m_markedRead.append({a, id}); };
        actions.openUrl = [this](const QUrl &u) { m_urls.append(u); };
        actions.showWindow = [this] { ++m_windowShown; };
        m_notifier = std::make_unique<DesktopNotifier>(m_backend.get(), nullptr, actions);
    }
    // Notifies and waits until dunst has shown it.
    Dunst::Record show(const Notification &n)
    {
        const int before = int(m_dunst->records().size());
        m_notifier->notify(n);
        if (!QTest::qWaitFor([&] { return m_dunst->records().size() > before; }, 10000))
            return {};
        return m_dunst->last();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dunst = std::make_unique<Dunst>(m_dir.path());
        QVERIFY2(m_dunst->start(true), "dunst did not come up on the private session bus");
    }
    void init()
    {
        Dunst::ctl({QStringLiteral("close-all")});
        QTRY_COMPARE(Dunst::displayed(), 0);
        m_dunst->clearRecords();
        m_opened.clear();
        m_markedRead.clear();
        m_urls.clear();
        m_windowShown = 0;
        makeNotifier();
    }

    void gotifyPriority9_isCritical_withAppIconDesktopEntryAndActions()
    {
        const Dunst::Record r = show(
            m_policy.single(gotify(1, 9, QStringLiteral("https://ci.example.org/run/1"))));
        QCOMPARE(r.value(QStringLiteral("urgency")), QStringLiteral("CRITICAL"));
        QCOMPARE(r.value(QStringLiteral("app")), QStringLiteral("ChannelTray"));
        QCOMPARE(r.value(QStringLiteral("icon")), QStringLiteral("org.channeltray.ChannelTray"));
        QVERIFY2(
            r.value(QStringLiteral("iconpath")).endsWith(QStringLiteral("/icons/org.channeltray.ChannelTray.png")),
            qPrintable(r.value(QStringLiteral("iconpath"))));
        QCOMPARE(r.value(QStringLiteral("entry")), QStringLiteral("org.channeltray.ChannelTray"));
        QCOMPARE(r.value(QStringLiteral("summary")), QStringLiteral("Backup 1"));
        QCOMPARE(r.value(QStringLiteral("body")), QStringLiteral("run 1 finished"));
        const QStringList menu = m_dunst->pick(QStringLiteral("Mark read"));
        QStringList labels;
        for (const QString &line : menu)
            labels << line.section(QStringLiteral(" ("), 0, 0);
        labels.sort();
        QCOMPARE(labels, (QStringList{QStringLiteral("#Mark read"), QStringLiteral("#Open"),
                                      QStringLiteral("#Open link")}));
    }

    void urgency_gotifyLowAndNormal_openImNormal_mentionCritical()
    {
        QCOMPARE(show(m_policy.single(gotify(2, 2))).value(QStringLiteral("urgency")), QStringLiteral("LOW"));
        QCOMPARE(show(m_policy.single(gotify(3, 5))).value(QStringLiteral("urgency")), QStringLiteral("NORMAL"));
        QCOMPARE(show(m_policy.single(openim(QStringLiteral("d1"), false))).value(QStringLiteral("urgency")),
                 QStringLiteral("NORMAL"));
        QCOMPARE(show(m_policy.single(openim(QStringLiteral("m1"), true))).value(QStringLiteral("urgency")),
                 QStringLiteral("CRITICAL"));
    }

    void click_opensTheMessage_andTheNotificationGoes()
    {
        show(m_policy.single(gotify(4, 9)));
        Dunst::click();
        QTRY_COMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first(), qMakePair(kOps, QStringLiteral("4")));
        QTRY_COMPARE(Dunst::displayed(), 0);
        QCOMPARE(m_notifier->openCount(kOps), 0);
    }

    void openLink_opensGotifysClickUrl()
    {
        show(m_policy.single(gotify(5, 9, QStringLiteral("https://ci.example.org/run/5"))));
        m_dunst->pick(QStringLiteral("Open link"));
        QTRY_COMPARE(m_urls.size(), 1);
        QCOMPARE(m_urls.first(), QUrl(QStringLiteral("https://ci.example.org/run/5")));
        QVERIFY(m_opened.isEmpty());
    }

    void markRead_marksThatMessageRead()
    {
        show(m_policy.single(gotify(6, 5)));
        m_dunst->pick(QStringLiteral("Mark read"));
        QTRY_COMPARE(m_markedRead.size(), 1);
        QCOMPARE(m_markedRead.first(), qMakePair(kOps, QStringLiteral("6")));
        QTRY_COMPARE(Dunst::displayed(), 0);
    }

    void noLink_noOpenLinkAction()
    {
        show(m_policy.single(gotify(7, 5)));
        const QStringList menu = m_dunst->pick(QStringLiteral("Open"));
        QCOMPARE(menu.size(), 2);
        QVERIFY(!menu.join(QLatin1Char('\n')).contains(QStringLiteral("#Open link")));
    }

    void burst_becomesOneSummary_updatedInPlace()
    {
        for (int i = 10; i < 13; ++i)
            show(m_policy.single(gotify(i, 5)));
        QTRY_COMPARE(Dunst::displayed(), 3);
        // A fourth message while three are on screen: they fold into one summary.
        const Dunst::Record first = show(m_policy.single(gotify(13, 5)));
        QCOMPARE(first.value(QStringLiteral("body")), QStringLiteral("4 new messages on gotify/ops"));
        QTRY_COMPARE(Dunst::displayed(), 1);
        // A catch-up summary and one more message update the same notification.
        const Dunst::Record second = show(NotificationPolicy::summary(kOps, 5, NotificationUrgency::Critical));
        QCOMPARE(second.value(QStringLiteral("id")), first.value(QStringLiteral("id")));
        QCOMPARE(second.value(QStringLiteral("body")), QStringLiteral("9 new messages on gotify/ops"));
        QCOMPARE(second.value(QStringLiteral("urgency")), QStringLiteral("CRITICAL"));
        const Dunst::Record third = show(m_policy.single(gotify(14, 5)));
        QCOMPARE(third.value(QStringLiteral("id")), first.value(QStringLiteral("id")));
        QCOMPARE(third.value(QStringLiteral("body")), QStringLiteral("10 new messages on gotify/ops"));
        QCOMPARE(Dunst::displayed(), 1);
        // Its click opens the account's messages.
        Dunst::click();
        QTRY_COMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first(), qMakePair(kOps, QString()));
    }

    void notice_isNotFoldedIntoASummaryNorWithdrawnByReading_itsClickOpensTheWindow()
    {
        const int before = int(m_dunst->records().size());
        m_notifier->notifyNotice(QStringLiteral("Message history restarted"),
                                 QStringLiteral("The old history is kept at /data/history.sqlite.corrupt-1."),
                                 NotificationUrgency::Normal);
        QTRY_COMPARE(int(m_dunst->records().size()), before + 1);
        QCOMPARE(m_dunst->last().value(QStringLiteral("summary")), QStringLiteral("Message history restarted"));
        for (int i = 30; i < 34; ++i) // a burst: the messages fold into a summary, the notice stays
            show(m_policy.single(gotify(i, 5)));
        QTRY_COMPARE(Dunst::displayed(), 2);
        m_notifier->unreadChanged({{kOps, 0}}); // everything read: the summary goes, the notice stays
        QTRY_COMPARE(Dunst::displayed(), 1);
        Dunst::click();
        QTRY_COMPARE(m_windowShown, 1);
        QVERIFY(m_opened.isEmpty());
        QTRY_COMPARE(Dunst::displayed(), 0);
    }

    void readInTheWindow_withdrawsItsNotification()
    {
        show(m_policy.single(gotify(20, 5)));
        show(m_policy.single(openim(QStringLiteral("d2"), false)));
        QTRY_COMPARE(Dunst::displayed(), 2);
        m_notifier->messageRead(kOps, QStringLiteral("20"));
        QTRY_COMPARE(Dunst::displayed(), 1);
        m_notifier->unreadChanged({{kOps, 0}, {kPrimary, 1}});
        QCOMPARE(Dunst::displayed(), 1);
        m_notifier->unreadChanged({{kOps, 0}, {kPrimary, 0}});
        QTRY_COMPARE(Dunst::displayed(), 0);
        QCOMPARE(m_notifier->openCount(kPrimary), 0);
    }

    void bodyMarkup_escapedOnlyWhenTheServerAdvertisesIt()
    {
        QTRY_VERIFY(m_backend->capabilitiesKnown());
        QVERIFY(m_backend->capabilities().contains(QStringLiteral("body-markup")));
        InboundMessage m = gotify(30, 5);
        m.text = QStringLiteral("load < 5 & <b>ok</b>");
        QCOMPARE(show(m_policy.single(m)).value(QStringLiteral("body")),
                 QStringLiteral("load &lt; 5 &amp; &lt;b&gt;ok&lt;/b&gt;"));

        // The same backend, after the service restarted without markup.
        m_dunst->stop();
        QVERIFY(m_dunst->start(false));
        QTRY_VERIFY(m_backend->capabilitiesKnown());
        QVERIFY(!m_backend->capabilities().contains(QStringLiteral("body-markup")));
        m.id = QStringLiteral("31");
        QCOMPARE(show(m_policy.single(m)).value(QStringLiteral("body")), QStringLiteral("load < 5 & <b>ok</b>"));
    }
};

QTEST_MAIN(TestNotificationsDunst)
#include "tst_notifications_dunst.moc"
