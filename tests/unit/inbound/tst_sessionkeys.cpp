// Session keys in the gateway's format (docs/architecture.md "Session keys"), over every
// combination of dmScope × agent binding × identity link × channel × direct/group.
#include "inbound/sessionkeyresolver.h"
#include "inboundtesthelpers.h"

#include <QtTest>

using namespace ct;
using namespace ct::test;

namespace {

Config sessionConfig(DmScope scope)
{
    Config c;
    c.session.dmScope = scope;
    c.session.identityLinks.insert(QStringLiteral("alice"),
                                   {QStringLiteral("gotify:7"), QStringLiteral("multi-openim:u_alice")});
    c.agents << AgentBinding{QStringLiteral("ops-agent"), kGotifyChannel, {QStringLiteral("ops")}}
             << AgentBinding{QStringLiteral("ops-agent"), kOpenImChannel, {QStringLiteral("primary")}};
    return c;
}

} // namespace

class TestSessionKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyFor_everyCombination_matchesTheGatewayFormat_data()
    {
        QTest::addColumn<int>("scope");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("accountId");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("groupId");
        QTest::addColumn<QString>("expected");

        // The documented table, with {agent}, {channel}, {account}, {peer} filled in below.
        const QList<QPair<DmScope, QString>> scopes = {
            {DmScope::Main, QStringLiteral("agent:{agent}:main")},
            {DmScope::PerPeer, QStringLiteral("agent:{agent}:direct:{peer}")},
            {DmScope::PerChannelPeer, QStringLiteral("agent:{agent}:{channel}:direct:{peer}")},
            {DmScope::PerAccountChannelPeer, QStringLiteral("agent:{agent}:{channel}:{account}:direct:{peer}")},
        };
        struct Account
        {
            QString channel, bound, unbound, linkedPeer, plainPeer;
        };
        const QList<Account> accounts = {
            {kGotifyChannel, QStringLiteral("ops"), QStringLiteral("other"), QStringLiteral("7"),
             QStringLiteral("9")},
            {kOpenImChannel, QStringLiteral("primary"), QStringLiteral("team-b"), QStringLiteral("u_alice"),
             QStringLiteral("u_bob")},
        };
        for (const auto &[scope, pattern] : scopes) {
            for (const Account &a : accounts) {
                for (const bool bound : {true, false}) {
                    const QString accountId = bound ? a.bound : a.unbound;
                    const QString agent = bound ? QStringLiteral("ops-agent") : QStringLiteral("main");
                    for (const bool linked : {true, false}) {
                        const QString peer = linked ? a.linkedPeer : a.plainPeer;
                        QString expected = pattern;
                        expected.replace(QStringLiteral("{agent}"), agent)
                            .replace(QStringLiteral("{channel}"), a.channel)
                            .replace(QStringLiteral("{account}"), accountId)
                            .replace(QStringLiteral("{peer}"), linked ? QStringLiteral("alice") : peer);
                        const QString name = QStringLiteral("%1/%2/%3/%4/direct")
                                                 .arg(dmScopeName(scope), a.channel,
                                                      bound ? QStringLiteral("bound") : QStringLiteral("unbound"),
                                                      linked ? QStringLiteral("linked")
                                                             : QStringLiteral("unlinked"));
                        QTest::newRow(qPrintable(name))
                            << int(scope) << a.channel << accountId << peer << QString() << expected;
                        if (a.channel != kOpenImChannel)
                            continue;
                        // Groups ignore dmScope and identity links.
                        QTest::newRow(
                            qPrintable(QString(name).replace(QStringLiteral("direct"), QStringLiteral("group"))))
                            << int(scope) << a.channel << accountId << peer << QStringLiteral("g42")
                            << QStringLiteral("agent:%1:multi-openim:group:g42").arg(agent);
                    }
                }
            }
        }
    }
    void keyFor_everyCombination_matchesTheGatewayFormat()
    {
        QFETCH(int, scope);
        QFETCH(QString, channel);
        QFETCH(QString, accountId);
        QFETCH(QString, peer);
        QFETCH(QString, groupId);
        QFETCH(QString, expected);
        const SessionKeyResolver resolver(sessionConfig(DmScope(scope)));
        InboundMessage m;
        m.account = {channel, accountId};
        m.id = QStringLiteral("1");
        m.peer = peer;
        m.sender = peer;
        m.groupId = groupId;
        QCOMPARE(resolver.keyFor(m), expected);
    }

    // The resolver remembers its last answer; a burst that switches account, peer or group
    // between messages must still get each message's own key.
    void oneResolver_givesInterleavedMessagesTheirOwnKeys()
    {
        const QList<std::tuple<AccountAddress, QString, QString>> asks = {
            {gotifyOps(), QStringLiteral("7"), {}},
            {gotifyOps(), QStringLiteral("7"), {}},
            {gotifyOps(), QStringLiteral("8"), {}},
            {{kGotifyChannel, QStringLiteral("other")}, QStringLiteral("8"), {}},
            {openimPrimary(), QStringLiteral("8"), {}},
            {openimPrimary(), QStringLiteral("8"), QStringLiteral("g1")},
            {openimPrimary(), QStringLiteral("8"), QStringLiteral("g2")},
            {openimPrimary(), QStringLiteral("8"), {}},
            {gotifyOps(), QStringLiteral("7"), {}},
        };
        for (DmScope scope :
             {DmScope::Main, DmScope::PerPeer, DmScope::PerChannelPeer, DmScope::PerAccountChannelPeer}) {
            const Config config = sessionConfig(scope);
            const SessionKeyResolver remembering(config);
            for (int round = 0; round < 2; ++round)
                for (const auto &[account, peer, group] : asks)
                    QCOMPARE(remembering.keyFor(account, peer, group),
                             SessionKeyResolver(config).keyFor(account, peer, group));
        }
        // And the answers differ where they must (the check above is not vacuous).
        const SessionKeyResolver r(sessionConfig(DmScope::PerAccountChannelPeer));
        QCOMPARE(r.keyFor(gotifyOps(), QStringLiteral("8")),
                 QStringLiteral("agent:ops-agent:gotify:ops:direct:8"));
        QCOMPARE(r.keyFor({kGotifyChannel, QStringLiteral("other")}, QStringLiteral("8")),
                 QStringLiteral("agent:main:gotify:other:direct:8"));
    }

    void designExamples_areReproduced()
    {
        const SessionKeyResolver r(sessionConfig(DmScope::PerAccountChannelPeer));
        Config plain;
        plain.session.dmScope = DmScope::PerAccountChannelPeer;
        QCOMPARE(SessionKeyResolver(plain).keyFor(gotifyOps(), QStringLiteral("7")),
                 QStringLiteral("agent:main:gotify:ops:direct:7"));
        QCOMPARE(r.keyFor(gotifyOps(), QStringLiteral("7")),
                 QStringLiteral("agent:ops-agent:gotify:ops:direct:alice"));
    }
    void identityLink_isPerChannel()
    {
        const SessionKeyResolver r(sessionConfig(DmScope::PerPeer));
        QCOMPARE(r.canonicalPeer(kGotifyChannel, QStringLiteral("7")), QStringLiteral("alice"));
        QCOMPARE(r.canonicalPeer(kOpenImChannel, QStringLiteral("7")), QStringLiteral("7"));
        QCOMPARE(r.canonicalPeer(kGotifyChannel, QStringLiteral("u_alice")), QStringLiteral("u_alice"));
    }
    void identityLink_joinsChannels_underPerPeer()
    {
        const SessionKeyResolver r(sessionConfig(DmScope::PerPeer));
        QCOMPARE(r.keyFor(gotifyOps(), QStringLiteral("7")), r.keyFor(openimPrimary(), QStringLiteral("u_alice")));
    }
    void agentBinding_firstMatchWins_andIsPerChannel()
    {
        Config c;
        c.agents << AgentBinding{QStringLiteral("a1"), kGotifyChannel, {QStringLiteral("ops")}}
                 << AgentBinding{QStringLiteral("a2"), kGotifyChannel, {QStringLiteral("ops")}};
        const SessionKeyResolver r(c);
        QCOMPARE(r.agentFor(gotifyOps()), QStringLiteral("a1"));
        QCOMPARE(r.agentFor({kOpenImChannel, QStringLiteral("ops")}), QStringLiteral("main"));
    }
    void gotifyPeer_fallsBackInTheDocumentedOrder()
    {
        QCOMPARE(SessionKeyResolver::gotifyPeer(QStringLiteral("p1"), 3, QStringLiteral("T")),
                 QStringLiteral("p1"));
        QCOMPARE(SessionKeyResolver::gotifyPeer(QString(), 3, QStringLiteral("T")), QStringLiteral("3"));
        QCOMPARE(SessionKeyResolver::gotifyPeer(QString(), 0, QStringLiteral("T")), QStringLiteral("T"));
        QCOMPARE(SessionKeyResolver::gotifyPeer(QString(), 0, QString()), QStringLiteral("gotify"));
    }
    void gotifyMessage_withoutPeer_usesTitleThenGotify()
    {
        Config c;
        c.session.dmScope = DmScope::PerPeer;
        const SessionKeyResolver r(c);
        InboundMessage m = gotifyMessage(1);
        m.peer.clear();
        QCOMPARE(r.keyFor(m), QStringLiteral("agent:main:direct:Backup"));
        m.title.clear();
        QCOMPARE(r.keyFor(m), QStringLiteral("agent:main:direct:gotify"));
    }
};

QTEST_GUILESS_MAIN(TestSessionKeys)
#include "tst_sessionkeys.moc"
