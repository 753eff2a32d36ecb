// AccountRegistry is the model every view observes: one row per configured account, in a
// stable order, with live state changes forwarded as dataChanged. The connections here are a
// minimal AccountConnection subclass driven by the test (the real channel clients are tested
// against the loopback servers in tests/integration/).
#include "accounts/accountregistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ct;

namespace {
class DrivenConnection : public AccountConnection
{
public:
    using AccountConnection::AccountConnection;
    int starts = 0;
    void start() override
    {
        ++starts;
        setState(AccountState::Connecting);
    }
    void drive(AccountState s, const QString &detail = {}) { setState(s, detail); }
    void latency(int ms) { setLatencyMs(ms); }
};

GotifyAccountConfig gotify(const QString &id, const QString &url = QStringLiteral("http://127.0.0.1:1"))
{
    GotifyAccountConfig a;
    a.id = id;
    a.serverUrl = url;
    return a;
}

OpenImAccountConfig openim(const QString &id)
{
    OpenImAccountConfig a;
    a.id = id;
    a.wsAddr = QStringLiteral("ws://127.0.0.1:1");
    return a;
}

Config configWith(QList<GotifyAccountConfig> g, QList<OpenImAccountConfig> o)
{
    Config c;
    c.gotify.present = !g.isEmpty();
    c.gotify.accounts = g;
    c.openim.present = !o.isEmpty();
    c.openim.accounts = o;
    return c;
}
} // namespace

class TestAccountRegistry : public QObject
{
    Q_OBJECT
    int m_made = 0;
    AccountRegistry::ConnectionFactory factory()
    {
        return [this](const Config &, const AccountAddress &address) {
            ++m_made;
            return new DrivenConnection(address);
        };
    }

private Q_SLOTS:
    void init() { m_made = 0; }

    void setConfig_listsGotifyThenOpenImAccounts_sortedById()
    {
        AccountRegistry reg(factory());
        QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reg.setConfig(configWith({gotify("ops"), gotify("alerts")}, {openim("primary"), openim("b")}));
        QCOMPARE(reg.rowCount(), 4);
        QStringList order;
        for (int r = 0; r < reg.rowCount(); ++r)
            order << reg.index(r).data(AccountRegistry::AddressRole).toString();
        QCOMPARE(order, (QStringList{"gotify/alerts", "gotify/ops", "multi-openim/b",
                                     "multi-openim/primary"}));
        QCOMPARE(m_made, 4);
    }

    void connectionStateChange_isReportedAsDataChangedOnItsRow()
    {
        AccountRegistry reg(factory());
        QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reg.setConfig(configWith({gotify("ops")}, {openim("primary")}));
        auto *c = static_cast<DrivenConnection *>(reg.connection({kOpenImChannel, "primary"}));
        QVERIFY(c);
        QSignalSpy changed(&reg, &QAbstractItemModel::dataChanged);
        QSignalSpy stateSpy(&reg, &AccountRegistry::accountStateChanged);
        c->drive(AccountState::NeedsLogin, QStringLiteral("OnUserTokenExpired errCode=1501"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        const QModelIndex idx = reg.index(1);
        QCOMPARE(idx.data(AccountRegistry::StateNameRole).toString(), QStringLiteral("needs-login"));
        QCOMPARE(idx.data(AccountRegistry::DetailRole).toString(),
                 QStringLiteral("OnUserTokenExpired errCode=1501"));
        QCOMPARE(idx.data(AccountRegistry::StateRole).value<AccountState>(), AccountState::NeedsLogin);
        QCOMPARE(stateSpy.count(), 1);
        c->latency(42);
        QCOMPARE(idx.data(AccountRegistry::LatencyMsRole).toInt(), 42);
    }

    void setConfig_again_keepsUnchangedConnections_andReplacesChangedOnes()
    {
        AccountRegistry reg(factory());
        QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reg.setConfig(configWith({gotify("ops"), gotify("alerts")}, {}));
        AccountConnection *ops = reg.connection({kGotifyChannel, "ops"});
        QPointer<AccountConnection> alerts = reg.connection({kGotifyChannel, "alerts"});
        reg.setConfig(configWith({gotify("ops"), gotify("alerts", "http://127.0.0.1:2")}, {}));
        QCOMPARE(reg.connection({kGotifyChannel, "ops"}), ops);
        QVERIFY(alerts.isNull()); // the old connection was deleted
        QVERIFY(reg.connection({kGotifyChannel, "alerts"}));
        QCOMPARE(m_made, 3);
    }

    void setConfig_withoutAnAccount_removesItsRow()
    {
        AccountRegistry reg(factory());
        QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reg.setConfig(configWith({gotify("ops"), gotify("alerts")}, {openim("primary")}));
        reg.setConfig(configWith({gotify("alerts")}, {}));
        QCOMPARE(reg.addresses(), (QList<AccountAddress>{{kGotifyChannel, "alerts"}}));
        QCOMPARE(reg.rowOf({kOpenImChannel, "primary"}), -1);
    }

    void disabledAccount_isListedButNotStarted()
    {
        AccountRegistry reg(factory());
        auto off = gotify("off");
        off.enabled = false;
        reg.setConfig(configWith({gotify("on"), off}, {}));
        reg.startAll();
        QCOMPARE(static_cast<DrivenConnection *>(reg.connection({kGotifyChannel, "on"}))->starts, 1);
        QCOMPARE(static_cast<DrivenConnection *>(reg.connection({kGotifyChannel, "off"}))->starts, 0);
        QCOMPARE(reg.index(reg.rowOf({kGotifyChannel, "off"})).data(AccountRegistry::EnabledRole).toBool(),
                 false);
        const auto counts = reg.stateCounts();
        QCOMPARE(counts.value(AccountState::Connecting), 1);
        QCOMPARE(counts.value(AccountState::Disabled), 1);
    }

    void unread_isStoredPerAccount_andNotified()
    {
        AccountRegistry reg(factory());
        QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reg.setConfig(configWith({gotify("ops")}, {openim("primary")}));
        QSignalSpy changed(&reg, &QAbstractItemModel::dataChanged);
        reg.setUnread({kOpenImChannel, "primary"}, 7);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reg.unread({kOpenImChannel, "primary"}), 7);
        QCOMPARE(reg.unread({kGotifyChannel, "ops"}), 0);
        reg.setUnread({kOpenImChannel, "primary"}, 7);
        QCOMPARE(changed.count(), 1); // no change, no signal
    }
};

QTEST_GUILESS_MAIN(TestAccountRegistry)
#include "tst_accountregistry.moc"
