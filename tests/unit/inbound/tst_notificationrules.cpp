// Mute, snooze, minimum priority and quiet hours: which messages they silence, at a time the
// test chooses (no waiting); the config keys they are read from and written to.
#include "config/configloader.h"
#include "config/notificationsettingsedit.h"
#include "inbound/notificationpolicy.h"
#include "inbound/notificationrules.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ct;

namespace {
const AccountAddress kOps{kGotifyChannel, QStringLiteral("ops")};
const AccountAddress kPrimary{kOpenImChannel, QStringLiteral("primary")};

InboundMessage gotify(int priority, const QString &app = QStringLiteral("3"))
{
    InboundMessage m;
    m.account = kOps;
    m.id = QStringLiteral("1");
    m.sender = app;
    m.priority = priority;
    m.text = QStringLiteral("x");
    return m;
}
InboundMessage openim(const QString &conversation, bool mention = false)
{
    InboundMessage m;
    m.account = kPrimary;
    m.id = QStringLiteral("c1");
    m.conversationId = conversation;
    m.mentionsMe = mention;
    m.text = QStringLiteral("y");
    return m;
}
// 2026-12-02 at hh:mm local time.
QDateTime at(int hh, int mm)
{
    return QDateTime(QDate(2026, 12, 2), QTime(hh, mm), Qt::LocalTime);
}
} // namespace

class TestNotificationRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void targets_accountThenApplicationOrConversation()
    {
        QCOMPARE(muteTargetsOf(gotify(5)),
                 (QStringList{QStringLiteral("gotify/ops"), QStringLiteral("gotify/ops/app:3")}));
        QCOMPARE(muteTargetsOf(openim(QStringLiteral("si_a_bot"))),
                 (QStringList{QStringLiteral("multi-openim/primary"),
                              QStringLiteral("multi-openim/primary/conversation:si_a_bot")}));
        QCOMPARE(accountOfTarget(QStringLiteral("gotify/ops/app:3")), kOps);
        QVERIFY(!accountOfTarget(QStringLiteral("gotify/ops/conversation:x")).isValid());
        QVERIFY(!accountOfTarget(QStringLiteral("gotify")).isValid());
        QVERIFY(!accountOfTarget(QStringLiteral("mail/ops")).isValid());
    }
    void mutedAccount_silencesEveryMessage_mutedApplicationOnlyItsOwn()
    {
        NotificationSettings s;
        s.mute[QStringLiteral("gotify/ops/app:3")].muted = true;
        QCOMPARE(silencedBy(s, gotify(9, QStringLiteral("3")), at(12, 0)), Silenced::Muted);
        QCOMPARE(silencedBy(s, gotify(9, QStringLiteral("4")), at(12, 0)), Silenced::No);
        s.mute[QStringLiteral("gotify/ops")].muted = true;
        QCOMPARE(silencedBy(s, gotify(9, QStringLiteral("4")), at(12, 0)), Silenced::Muted);
    }
    void snooze_silencesUntilItsTime_thenNotAnyMore()
    {
        NotificationSettings s;
        s.mute[QStringLiteral("multi-openim/primary/conversation:si_a_bot")].snoozeUntil = at(13, 0).toUTC();
        QCOMPARE(silencedBy(s, openim(QStringLiteral("si_a_bot")), at(12, 59)), Silenced::Snoozed);
        QCOMPARE(silencedBy(s, openim(QStringLiteral("si_b_bot")), at(12, 59)), Silenced::No);
        QCOMPARE(silencedBy(s, openim(QStringLiteral("si_a_bot")), at(13, 0)), Silenced::No);
    }
    void minPriority_perTarget_openImMentionsCountTen()
    {
        NotificationSettings s;
        s.mute[QStringLiteral("gotify/ops")].minPriority = 7;
        QCOMPARE(silencedBy(s, gotify(6), at(12, 0)), Silenced::BelowMinimum);
        QCOMPARE(silencedBy(s, gotify(7), at(12, 0)), Silenced::No);
        s.mute[QStringLiteral("multi-openim/primary")].minPriority = 8;
        QCOMPARE(silencedBy(s, openim(QStringLiteral("sg_g")), at(12, 0)), Silenced::BelowMinimum);
        QCOMPARE(silencedBy(s, openim(QStringLiteral("sg_g"), true), at(12, 0)), Silenced::No);
    }
    void quietHours_acrossMidnight_onlyPriorityAtOrAboveTheThreshold()
    {
        NotificationSettings s;
        s.quietHours.enabled = true; // 22:00–07:00, threshold 8
        QCOMPARE(silencedBy(s, gotify(7), at(23, 30)), Silenced::QuietHours);
        QCOMPARE(silencedBy(s, gotify(7), at(6, 59)), Silenced::QuietHours);
        QCOMPARE(silencedBy(s, gotify(8), at(23, 30)), Silenced::No);
        QCOMPARE(silencedBy(s, gotify(7), at(7, 0)), Silenced::No);
        QCOMPARE(silencedBy(s, gotify(7), at(21, 59)), Silenced::No);
        QCOMPARE(silencedBy(s, openim(QStringLiteral("si_a_bot")), at(2, 0)), Silenced::QuietHours);
        QCOMPARE(silencedBy(s, openim(QStringLiteral("sg_g"), true), at(2, 0)), Silenced::No);
        s.quietHours.start = QTime(12, 0);
        s.quietHours.end = QTime(14, 0);
        QCOMPARE(silencedBy(s, gotify(5), at(13, 0)), Silenced::QuietHours);
        QCOMPARE(silencedBy(s, gotify(5), at(23, 0)), Silenced::No);
    }
    void policy_judgesAtItsClock()
    {
        NotificationPolicy p;
        NotificationSettings s;
        s.quietHours.enabled = true;
        p.setSettings(s);
        QDateTime now = at(23, 0);
        p.setClock([&now] { return now; });
        QVERIFY(!p.wants(gotify(5)));
        QVERIFY(p.wants(gotify(9)));
        now = at(9, 0);
        QVERIFY(p.wants(gotify(5)));
    }
    void config_readsMuteAndQuietHours()
    {
        const LoadResult r = configFromJson(QJsonDocument::fromJson(R"({"channeltray": {"notifications": {
            "quietHours": {"start": "23:15", "end": "06:45", "minPriority": 9},
            "mute": {"gotify/ops": {"muted": true},
                     "gotify/ops/app:3": {"snoozeUntil": "2026-12-02T12:00:00Z", "minPriority": 6}}}}})")
                                                .object());
        QVERIFY(r.problems.isEmpty());
        const NotificationSettings &n = r.config.app.notifications;
        QVERIFY(n.quietHours.enabled);
        QCOMPARE(n.quietHours.start, QTime(23, 15));
        QCOMPARE(n.quietHours.end, QTime(6, 45));
        QCOMPARE(n.quietHours.minPriority, 9);
        QVERIFY(n.mute.value(QStringLiteral("gotify/ops")).muted);
        QCOMPARE(n.mute.value(QStringLiteral("gotify/ops/app:3")).snoozeUntil,
                 QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC));
        QCOMPARE(n.mute.value(QStringLiteral("gotify/ops/app:3")).minPriority, 6);
    }
    void config_badTimeOrDate_isAProblemAtItsPath()
    {
        const LoadResult r = configFromJson(QJsonDocument::fromJson(R"({"channeltray": {"notifications": {
            "quietHours": {"start": "25:00", "end": "06:00"},
            "mute": {"gotify/ops": {"snoozeUntil": "tomorrow"}}}}})")
                                                .object());
        QStringList paths;
        for (const ConfigProblem &p : r.problems)
            paths << p.path;
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("channeltray.notifications.mute.gotify/ops.snoozeUntil"),
                                     QStringLiteral("channeltray.notifications.quietHours.start")}));
        QVERIFY(!r.config.app.notifications.quietHours.enabled);
    }
    void edit_writesWhatTheReaderReads_andAnEmptyRuleRemovesTheEntry()
    {
        QJsonObject root{
            {QStringLiteral("channeltray"),
             QJsonObject{{QStringLiteral("history"), QJsonObject{{QStringLiteral("retentionDays"), 30}}}}}};
        MuteRule rule;
        rule.snoozeUntil = QDateTime(QDate(2026, 12, 3), QTime(8, 0), Qt::UTC);
        QVERIFY(setMuteRule(root, QStringLiteral("gotify/ops/app:3"), rule));
        QuietHours q;
        q.enabled = true;
        q.start = QTime(21, 30);
        QVERIFY(setQuietHours(root, q));
        LoadResult r = configFromJson(root);
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.config.app.notifications.mute.value(QStringLiteral("gotify/ops/app:3")).snoozeUntil,
                 rule.snoozeUntil);
        QCOMPARE(r.config.app.notifications.quietHours.start, QTime(21, 30));
        QCOMPARE(r.config.app.retentionDays, 30);
        QVERIFY(setMuteRule(root, QStringLiteral("gotify/ops/app:3"), MuteRule{}));
        QVERIFY(setQuietHours(root, std::nullopt));
        r = configFromJson(root);
        QVERIFY(r.config.app.notifications.mute.isEmpty());
        QVERIFY(!r.config.app.notifications.quietHours.enabled);
    }
};

QTEST_GUILESS_MAIN(TestNotificationRules)
#include "tst_notificationrules.moc"
