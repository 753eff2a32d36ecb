// The main window: the accounts table follows the registry (a well-behaved model), the
// diagnostics log records state changes, the welcome page shows without accounts, and the
// window's geometry and tab survive a restart.
#include "gui/guitesthelpers.h"
#include "mainwindow/accountstab.h"
#include "mainwindow/accounttablemodel.h"
#include "mainwindow/diagnosticstab.h"
#include "mainwindow/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("channeltray-test"));
        QCoreApplication::setApplicationName(QStringLiteral("mainwindow"));
    }

    void accountTable_isAWellBehavedProxyOfTheRegistry()
    {
        AccountRegistry registry(drivenFactory());
        AccountTableModel table(&registry);
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        registry.setConfig(sampleConfig());
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.columnCount(), int(AccountTableModel::ColumnCount));
        registry.startAll();
        driven(registry, QStringLiteral("gotify/ops"))
            ->drive(AccountState::Connected, QStringLiteral("stream open"));
        driven(registry, QStringLiteral("gotify/ops"))->latency(12);
        const QDateTime expiry = QDateTime::currentDateTimeUtc().addDays(3);
        driven(registry, QStringLiteral("gotify/ops"))->expires(expiry);
        registry.setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 4);
        const int row = registry.rowOf(AccountAddress::parse(QStringLiteral("gotify/ops")));
        QCOMPARE(table.index(row, AccountTableModel::AccountColumn).data().toString(),
                 QStringLiteral("gotify/ops"));
        QCOMPARE(table.index(row, AccountTableModel::StateColumn).data().toString(), QStringLiteral("connected"));
        QCOMPARE(table.index(row, AccountTableModel::DetailColumn).data().toString(),
                 QStringLiteral("stream open"));
        QCOMPARE(table.index(row, AccountTableModel::LatencyColumn).data().toString(), QStringLiteral("12 ms"));
        QVERIFY(!table.index(row, AccountTableModel::TokenExpiryColumn).data().toString().isEmpty());
        QCOMPARE(table.index(row, AccountTableModel::UnreadColumn).data().toString(), QStringLiteral("4"));
        driven(registry, QStringLiteral("gotify/alerts"))
            ->drive(AccountState::Backoff, {}, QDateTime::currentDateTimeUtc().addSecs(30));
        QVERIFY(table.index(0, AccountTableModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("waiting to retry in")));
        // Removing an account removes its row.
        Config smaller = sampleConfig();
        smaller.openim.accounts.clear();
        registry.setConfig(smaller);
        QCOMPARE(table.rowCount(), 2);
    }

    void accountTable_changesOfOneFrame_areOneDataChangedOverTheirCellsOnly()
    {
        AccountRegistry registry(drivenFactory());
        AccountTableModel table(&registry);
        registry.setConfig(sampleConfig());
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        registry.startAll(); // three accounts connecting
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), table.index(0, AccountTableModel::StateColumn));
        QCOMPARE(changed.first().at(1).toModelIndex(), table.index(2, AccountTableModel::DetailColumn));
        // A heartbeat's pongs: a hundred latencies of two accounts within one frame are one
        // change of their Latency cells, not a change of every cell of a row per pong.
        const int ops = registry.rowOf(AccountAddress::parse(QStringLiteral("gotify/ops")));
        const int alerts = registry.rowOf(AccountAddress::parse(QStringLiteral("gotify/alerts")));
        changed.clear();
        for (int ms = 1; ms <= 50; ++ms) {
            driven(registry, QStringLiteral("gotify/ops"))->latency(ms);
            driven(registry, QStringLiteral("gotify/alerts"))->latency(ms);
        }
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(),
                 table.index(qMin(ops, alerts), AccountTableModel::LatencyColumn));
        QCOMPARE(changed.first().at(1).toModelIndex(),
                 table.index(qMax(ops, alerts), AccountTableModel::LatencyColumn));
        QCOMPARE(table.index(ops, AccountTableModel::LatencyColumn).data().toString(), QStringLiteral("50 ms"));
        // A pending change goes out before a row is removed, with the row numbers it had.
        changed.clear();
        driven(registry, QStringLiteral("multi-openim/primary"))->latency(7);
        Config smaller = sampleConfig();
        smaller.openim.accounts.clear();
        registry.setConfig(smaller);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(AccountTableModel::LatencyColumn));
        QCOMPARE(table.rowCount(), 2);
    }

    // Issue 11: two accounts changing within one frame are a change of their two rows, not of
    // every row between them (the sort/filter proxy looks at each row of a change), with 50
    // accounts as with 400; a storm of changes is still few signals.
    void accountTable_changesOfOneFrame_coverTheirRowsOnly_with50Or400Accounts()
    {
        for (const int n : {50, 400}) {
            AccountRegistry registry(drivenFactory());
            registry.setConfig(botsConfig(evenNumbers(n)));
            AccountTableModel table(&registry);
            int rows = 0, signalCount = 0;
            QObject counting; // the counters live in this function: so does the connection
            connect(&table, &QAbstractItemModel::dataChanged, &counting,
                    [&](const QModelIndex &from, const QModelIndex &to) {
                        rows += to.row() - from.row() + 1;
                        ++signalCount;
                    });
            driven(registry, QStringLiteral("gotify/bot0000"))->drive(AccountState::Connected);
            driven(registry, QStringLiteral("gotify/bot%1").arg(2 * n - 2, 4, 10, QLatin1Char('0')))
                ->drive(AccountState::Connected);
            QTRY_VERIFY(signalCount > 0);
            QCOMPARE(rows, 2);
            QCOMPARE(signalCount, 2);

            rows = signalCount = 0;
            for (int i = 0; i < n; i += 2) // every other account: more runs than one frame sends
                driven(registry, QStringLiteral("gotify/bot%1").arg(2 * i, 4, 10, QLatin1Char('0')))->latency(5);
            QTRY_VERIFY(signalCount > 0);
            QCOMPARE(signalCount, 1);
            QCOMPARE(rows, n - 1);
        }
    }

    void diagnostics_logsStateChanges_andListsMarkers()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MainWindow window(&registry, nullptr,
                          [] { return QStringList{QStringLiteral("/tmp/manual-login.primary.json")}; });
        registry.startAll();
        driven(registry, QStringLiteral("multi-openim/primary"))
            ->drive(AccountState::NeedsLogin, QStringLiteral("refresh rejected"));
        const QStringList events = window.diagnosticsTab()->events();
        QVERIFY(!events.isEmpty());
        QVERIFY2(events.last().endsWith(QStringLiteral("multi-openim/primary is needs login: refresh rejected")),
                 qPrintable(events.last()));
        QCOMPARE(window.diagnosticsTab()->markerList()->item(0)->text(),
                 QStringLiteral("/tmp/manual-login.primary.json"));
    }

    // Issue 11: accounts needing a login list the marker files again, once for all the accounts
    // refused together, with 50 accounts as with 400 (it was once per account).
    void diagnostics_manyAccountsNeedingALogin_listTheMarkersOnce_with50Or400Accounts()
    {
        for (const int n : {50, 400}) {
            AccountRegistry registry(drivenFactory());
            registry.setConfig(botsConfig(evenNumbers(n)));
            int listings = 0;
            DiagnosticsTab tab(&registry, [&listings] {
                ++listings;
                return QStringList{QStringLiteral("/tmp/manual-login.bot0000.json")};
            });
            QCOMPARE(listings, 1);
            for (int i = 0; i < n; ++i)
                driven(registry, QStringLiteral("gotify/bot%1").arg(2 * i, 4, 10, QLatin1Char('0')))
                    ->drive(AccountState::NeedsLogin, QStringLiteral("refused"));
            QCOMPARE(tab.events().size(), n); // every change is in the log
            QTRY_COMPARE(listings, 2);
            QCOMPARE(tab.markerList()->item(0)->text(), QStringLiteral("/tmp/manual-login.bot0000.json"));
        }
    }

    void welcomePage_andNotice()
    {
        AccountRegistry registry(drivenFactory());
        MainWindow window(&registry, nullptr, {});
        window.setWelcomeVisible(true);
        QVERIFY(window.isWelcomeVisible());
        window.showTab(MainWindow::Tab::Messages);
        QVERIFY(!window.isWelcomeVisible());
        QCOMPARE(window.currentTab(), MainWindow::Tab::Messages);
        window.show();
        window.showNotice(QStringLiteral("No system tray"));
        QCOMPARE(window.notice(), QStringLiteral("No system tray"));
        window.showNotice({});
        QCOMPARE(window.notice(), QString());
    }

    void geometryAndTab_areRemembered()
    {
        AccountRegistry registry(drivenFactory());
        {
            MainWindow window(&registry, nullptr, {});
            window.show();
            window.resize(777, 555);
            window.showTab(MainWindow::Tab::Diagnostics);
            QTRY_COMPARE(window.size(), QSize(777, 555));
            window.close();
        }
        MainWindow again(&registry, nullptr, {});
        QCOMPARE(again.size(), QSize(777, 555));
        QCOMPARE(again.currentTab(), MainWindow::Tab::Diagnostics);
    }

    void accountsTab_buttonsNeedASelection()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        AccountsTab tab(&registry);
        QStringList send;
        connect(&tab, &AccountsTab::sendRequested, this,
                [&send](const AccountAddress &a) { send << a.toString(); });
        QVERIFY(!tab.selectedAccount().isValid());
        tab.view()->selectRow(1);
        QCOMPARE(tab.selectedAccount().toString(), QStringLiteral("gotify/ops"));
        for (QPushButton *b : tab.findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Send")))
                b->click();
        QCOMPARE(send, QStringList{QStringLiteral("gotify/ops")});
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
