// Inbound filters: whitelist and requireMention per OpenIM account; Gotify has none.
#include "inbound/inboundfilters.h"
#include "inboundtesthelpers.h"

#include <QtTest>

using namespace ct;
using namespace ct::test;

class TestInboundFilters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noRules_everythingPasses()
    {
        InboundFilters f(configWith(openimAccount(QStringLiteral("primary"))));
        InboundMessage d = openimDirect(QStringLiteral("m1"), QStringLiteral("alice"));
        InboundMessage g = openimGroup(QStringLiteral("m2"), QStringLiteral("alice"), QStringLiteral("g1"));
        QVERIFY(f.apply(d));
        QVERIFY(f.apply(g));
        QVERIFY(!d.filtered);
        QVERIFY(!g.filtered);
    }
    void gotifyMessages_areNeverFiltered()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QStringLiteral("alice")};
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage m = gotifyMessage(1);
        QVERIFY(f.apply(m));
    }
    void whitelist_nonEmpty_onlyListedSendersSurface()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QStringLiteral("alice"), QStringLiteral(" carol ")};
        InboundFilters f(configWith(a));
        InboundMessage fromAlice = openimDirect(QStringLiteral("m1"), QStringLiteral("alice"));
        InboundMessage fromBob = openimDirect(QStringLiteral("m2"), QStringLiteral("bob"));
        InboundMessage fromCarol = openimDirect(QStringLiteral("m3"), QStringLiteral("carol"));
        QVERIFY(f.apply(fromAlice));
        QVERIFY(!f.apply(fromBob));
        QVERIFY(fromBob.filtered);
        QCOMPARE(f.verdict(fromBob), InboundFilters::Verdict::NotWhitelisted);
        QVERIFY(f.apply(fromCarol)); // entries are trimmed
    }
    void whitelist_appliesToGroupSendersToo()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QStringLiteral("alice")};
        InboundFilters f(configWith(a));
        InboundMessage g = openimGroup(QStringLiteral("m1"), QStringLiteral("bob"), QStringLiteral("g1"));
        QVERIFY(!f.apply(g));
    }
    void whitelist_emptyEntriesOnly_meansNoWhitelist()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QString(), QStringLiteral("  ")};
        InboundFilters f(configWith(a));
        InboundMessage m = openimDirect(QStringLiteral("m1"), QStringLiteral("bob"));
        QVERIFY(f.apply(m));
    }
    void whitelist_doesNotHideWhatTheAccountSentItself()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.inboundWhitelist = {QStringLiteral("alice")};
        InboundFilters f(configWith(a));
        InboundMessage mine = openimDirect(QStringLiteral("m1"), QStringLiteral("bot"));
        mine.peer = QStringLiteral("alice");
        QVERIFY(f.apply(mine));
        QVERIFY(mine.fromSelf);
    }
    void requireMention_groupWithoutMention_isFiltered()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage g = openimGroup(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("g1"),
                                       {QStringLiteral("someoneElse")});
        QVERIFY(!f.apply(g));
        QCOMPARE(f.verdict(g), InboundFilters::Verdict::MentionRequired);
        QVERIFY(!g.mentionsMe);
    }
    void requireMention_groupMentioningTheAccount_surfaces()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage g = openimGroup(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("g1"),
                                       {QStringLiteral("x"), QStringLiteral("bot")});
        QVERIFY(f.apply(g));
        QVERIFY(g.mentionsMe);
        QVERIFY(!g.mentionsAll);
    }
    void requireMention_allMembersTag_surfaces()
    {
        QCOMPARE(kOpenImAtAllTag, QStringLiteral("AtAllTag"));
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage g = openimGroup(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("g1"),
                                       {kOpenImAtAllTag});
        QVERIFY(f.apply(g));
        QVERIFY(g.mentionsAll);
        QVERIFY(!g.mentionsMe);
    }
    void requireMention_directMessages_areUnaffected()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage d = openimDirect(QStringLiteral("m1"), QStringLiteral("alice"));
        QVERIFY(f.apply(d));
    }
    void requireMention_userIdUnknown_onlyAllMembersTagSurfaces()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QString());
        a.requireMention = true;
        InboundFilters f(configWith(a));
        InboundMessage named = openimGroup(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("g1"),
                                           {QStringLiteral("bot")});
        QVERIFY(!f.apply(named));
        f.setAccountUserId(openimPrimary(), QStringLiteral("bot")); // learnt from the JWT at login
        named.filtered = false;
        QVERIFY(f.apply(named));
        QVERIFY(named.mentionsMe);
    }
    void whitelistAndMention_bothMustPass()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"), QStringLiteral("bot"));
        a.requireMention = true;
        a.inboundWhitelist = {QStringLiteral("alice")};
        InboundFilters f(configWith(a));
        InboundMessage bobMentions = openimGroup(QStringLiteral("m1"), QStringLiteral("bob"), QStringLiteral("g"),
                                                 {QStringLiteral("bot")});
        InboundMessage aliceNoMention = openimGroup(QStringLiteral("m2"), QStringLiteral("alice"),
                                                    QStringLiteral("g"));
        InboundMessage aliceMentions = openimGroup(QStringLiteral("m3"), QStringLiteral("alice"),
                                                   QStringLiteral("g"), {QStringLiteral("bot")});
        QCOMPARE(f.verdict((f.annotate(bobMentions), bobMentions)), InboundFilters::Verdict::NotWhitelisted);
        QVERIFY(!f.apply(aliceNoMention));
        QVERIFY(f.apply(aliceMentions));
    }
    void otherAccounts_rulesDoNotLeak()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QStringLiteral("alice")};
        Config c = configWith(a);
        c.openim.accounts << openimAccount(QStringLiteral("team-b"));
        InboundFilters f(c);
        InboundMessage m = openimDirect(QStringLiteral("m1"), QStringLiteral("bob"));
        m.account.accountId = QStringLiteral("team-b");
        QVERIFY(f.apply(m));
    }
    void outgoingMessages_areNeverFiltered()
    {
        OpenImAccountConfig a = openimAccount(QStringLiteral("primary"));
        a.inboundWhitelist = {QStringLiteral("alice")};
        InboundFilters f(configWith(a));
        InboundMessage m = openimDirect(QStringLiteral("m1"), QStringLiteral("bob"));
        m.direction = InboundMessage::Direction::Out;
        QVERIFY(f.apply(m));
    }
};

QTEST_GUILESS_MAIN(TestInboundFilters)
#include "tst_inboundfilters.moc"
