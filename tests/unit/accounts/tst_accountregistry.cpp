// AccountRegistry is the model every view observes: one row per configured account, in a
// stable order, with live state changes forwarded as dataChanged. The connections here are a
// minimal AccountConnection subclass driven by the test (the real channel clients are tested
// against the loopback servers in tests/integration/).
#include "accounts/accountregistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace ct;

namespace {
class DrivenConnection : public AccountConnection
{
public:
    using AccountConnection::AccountConnection;
    int starts = 0;
    QList<AccountAddress> *startLog = nullptr;
    void start() override
    {
        ++starts;
        if (startLog)
            startLog->append(address());
        setState(AccountState::Connecting);
    }
    void drive(AccountState s, const QString &detail = {}, const QDateTime &retry = {})
    {
        setState(s, detail, retry);
    }
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
        QCOMPARE(order, (QStringList{"gotify/alerts", "gotify/ops", "multi-openim/b", "multi-openim/primary"}));
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
        QCOMPARE(reg.index(reg.rowOf({kGotifyChannel, "off"})).data(AccountRegistry::EnabledRole).toBool(), false);
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

    void startAll_opensOneSlicePerPass_takingServersInTurn()
    {
        QList<AccountAddress> started;
        AccountRegistry reg([&](const Config &, const AccountAddress &address) {
            auto *c = new DrivenConnection(address);
            c->startLog = &started;
            return c;
        });
        QList<GotifyAccountConfig> accounts;
        for (int i = 0; i < 60; ++i) // a00…a29 on one server, b00…b29 on another
            accounts << gotify(QStringLiteral("%1%2").arg(i < 30 ? 'a' : 'b').arg(i % 30, 2, 10, QLatin1Char('0')),
                               i < 30 ? QStringLiteral("http://127.0.0.1:1")
                                      : QStringLiteral("http://127.0.0.2:2"));
        reg.setConfig(configWith(accounts, {}));
        reg.startAll();
        QCOMPARE(started.size(), AccountRegistry::kStartSlice); // not all in one pass
        QVERIFY(reg.starting());
        for (int i = 0; i + 1 < started.size(); ++i) // the two servers alternate
            QVERIFY(started[i].accountId.at(0) != started[i + 1].accountId.at(0));
        QTRY_VERIFY(!reg.starting());
        QCOMPARE(started.size(), 60);
    }

    void counts_unreadAndEarliestRetry_followEachChange()
    {
        AccountRegistry reg(factory());
        reg.setConfig(configWith({gotify("a"), gotify("b"), gotify("c")}, {}));
        QCOMPARE(reg.stateCount(AccountState::Disabled), 3);
        auto *a = static_cast<DrivenConnection *>(reg.connection({kGotifyChannel, "a"}));
        auto *b = static_cast<DrivenConnection *>(reg.connection({kGotifyChannel, "b"}));
        a->drive(AccountState::Connected);
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(5);
        const QDateTime later = soon.addSecs(60);
        b->drive(AccountState::Backoff, QStringLiteral("dropped"), later);
        QCOMPARE(reg.stateCount(AccountState::Connected), 1);
        QCOMPARE(reg.stateCount(AccountState::Backoff), 1);
        QCOMPARE(reg.stateCount(AccountState::Disabled), 1);
        QCOMPARE(reg.earliestRetry().toMSecsSinceEpoch(), later.toMSecsSinceEpoch());
        a->drive(AccountState::Backoff, QStringLiteral("dropped"), soon);
        QCOMPARE(reg.earliestRetry().toMSecsSinceEpoch(), soon.toMSecsSinceEpoch());
        a->drive(AccountState::Connected);
        QCOMPARE(reg.earliestRetry().toMSecsSinceEpoch(), later.toMSecsSinceEpoch());
        reg.setUnread({kGotifyChannel, "a"}, 4);
        reg.setUnread({kGotifyChannel, "c"}, 2);
        reg.setUnread({kGotifyChannel, "a"}, 1);
        QCOMPARE(reg.unreadTotal(), 3);
        // Removing an account takes it out of every count.
        reg.setConfig(configWith({gotify("a"), gotify("c")}, {}));
        QCOMPARE(reg.stateCount(AccountState::Backoff), 0);
        QVERIFY(!reg.earliestRetry().isValid());
        QCOMPARE(reg.stateCounts().value(AccountState::Connected), 1);
        QCOMPARE(reg.rowOf({kGotifyChannel, "c"}), 1);
        QCOMPARE(reg.rowOf({kGotifyChannel, "b"}), -1);
    }

    // Issue 11: adding accounts to a registry that has some rebuilt the row index once per
    // added row (adding N accounts: N² rows visited). Now a config costs one pass over the rows
    // it is compared with, each added or removed account a constant more whatever the number of
    // rows, and a state change a binary search for its row.
    void addedAccountsAndStateChanges_costTheSameRowVisits_with50Or400Rows()
    {
        QHash<int, qint64> addedCost, removedCost;
        for (const int n : {50, 400}) {
            AccountRegistry reg(factory());
            QAbstractItemModelTester tester(&reg, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QList<GotifyAccountConfig> some, more; // even ids; more: ten odd ones among them
            for (int i = 0; i < n; ++i) {
                some << gotify(QStringLiteral("bot%1").arg(2 * i, 4, 10, QLatin1Char('0')));
                more << some.last();
                if (i % (n / 10) == 2)
                    more << gotify(QStringLiteral("bot%1").arg(2 * i + 1, 4, 10, QLatin1Char('0')));
            }
            reg.setConfig(configWith(some, {}));
            const auto visits = [&reg](const Config &config) {
                const qint64 before = reg.rowsVisited();
                reg.setConfig(config);
                return reg.rowsVisited() - before;
            };
            const qint64 unchanged = visits(configWith(some, {}));
            addedCost[n] = visits(configWith(more, {})) - unchanged;
            QCOMPARE(reg.rowCount(), n + 10);
            for (int r = 0; r + 1 < reg.rowCount(); ++r) // still in order
                QVERIFY(reg.index(r).data(AccountRegistry::AccountIdRole).toString()
                        < reg.index(r + 1).data(AccountRegistry::AccountIdRole).toString());
            QCOMPARE(reg.rowOf({kGotifyChannel, QStringLiteral("bot0005")}), 3);
            removedCost[n] = visits(configWith(some, {})) - unchanged;
            QCOMPARE(reg.rowCount(), n);

            auto *c = static_cast<DrivenConnection *>(reg.connection({kGotifyChannel, "bot0040"}));
            QSignalSpy changed(&reg, &QAbstractItemModel::dataChanged);
            const qint64 before = reg.rowsVisited();
            c->drive(AccountState::Connected);
            const qint64 stateCost = reg.rowsVisited() - before;
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 20);
            const int log2n = int(std::ceil(std::log2(n + 1)));
            QVERIFY2(stateCost <= log2n + 1, qPrintable(QStringLiteral("%1 rows of %2").arg(stateCost).arg(n)));
        }
        QCOMPARE(addedCost[400], addedCost[50]);
        QCOMPARE(removedCost[400], removedCost[50]);
        QVERIFY2(addedCost[400] <= 2 * 10, qPrintable(QString::number(addedCost[400])));
    }
};

QTEST_GUILESS_MAIN(TestAccountRegistry)
#include "tst_accountregistry.moc"
