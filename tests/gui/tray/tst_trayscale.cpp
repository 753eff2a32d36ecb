// The tray with 200 real Gotify accounts on one loopback server (real sockets, the real runtime):
// all connect; every state change reaches the model, the tooltip and the menu; and the work the
// tray does is bounded by counts that do not grow with the number of accounts — the menu is
// not built until it is shown, the model is filled by one insertion, and repaints are
// coalesced (never two within one frame). The main window is open meanwhile (issue 11), on the
// Accounts tab as they connect and on the Messages tab through the storm: its account table and
// account filter are filled by one insertion each, and the storm costs the table a bounded
// number of changes per frame and the filter none.
#include "config/configloader.h"
#include "gotifyserver.h"
#include "history/messagestab.h"
#include "mainwindow/accountstab.h"
#include "mainwindow/accounttablemodel.h"
#include "mainwindow/mainwindow.h"
#include "runtime/appruntime.h"
#include "tray/traycontroller.h"
#include "tray/traymenu.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;

namespace {
constexpr int kAccounts = 200;
}

class TestTrayScale : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testserver::GotifyServer m_server;
    std::unique_ptr<AppRuntime> m_runtime;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<MainWindow> m_window;

    int connected() const { return m_runtime->registry().stateCount(AccountState::Connected); }
    QStringList titles(QMenu *menu) const
    {
        QStringList out;
        for (QAction *a : menu->actions())
            if (!a->isSeparator() || !a->text().isEmpty()) // sections are separators with a text
                out << a->text().remove(QLatin1Char('&'));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        QJsonObject accounts;
        for (int i = 1; i <= kAccounts; ++i)
            accounts.insert(QStringLiteral("bot%1").arg(i, 3, 10, QLatin1Char('0')),
                            QJsonObject{{QStringLiteral("serverUrl"), m_server.url().toString()},
                                        {QStringLiteral("clientToken"), m_server.clientToken()}});
        const QJsonObject root{
            {QStringLiteral("channels"),
             QJsonObject{{QStringLiteral("gotify"),
                          QJsonObject{{QStringLiteral("inbound"), QJsonObject{{QStringLiteral("enabled"), true}}},
                                      {QStringLiteral("accounts"), accounts}}}}}};
        const LoadResult load = parseConfig(QJsonDocument(root).toJson());
        QVERIFY2(load.ok(), qPrintable(load.problemStrings().join(QLatin1Char('\n'))));

        AppRuntime::Options options;
        options.configPath = m_dir.filePath(QStringLiteral("config.json"));
        options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
        options.firstProbeDelayMs = -1;
        m_runtime = std::make_unique<AppRuntime>(options);
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        m_tray = std::make_unique<TrayController>(&m_runtime->registry(), nullptr, nullptr, TrayActions{});
        m_window = std::make_unique<MainWindow>(&m_runtime->registry(), &m_runtime->history(),
                                                [] { return QStringList(); });
        m_window->showTab(MainWindow::Tab::Accounts);
        m_window->show();
        QSignalSpy tableInserted(m_window->accountsTab()->model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy tableReset(m_window->accountsTab()->model(), &QAbstractItemModel::modelReset);
        QAbstractItemModel *choices = m_window->messagesTab()->accountFilter()->model();
        QSignalSpy choicesInserted(choices, &QAbstractItemModel::rowsInserted);
        QSignalSpy choicesReset(choices, &QAbstractItemModel::modelReset);

        const AccountRegistry &registry = m_runtime->registry();
        QSignalSpy inserted(&registry, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&registry, &QAbstractItemModel::modelReset);
        QSignalSpy stateChanges(&registry, &AccountRegistry::accountStateChanged);
        int stateRowsChanged = 0;
        QObject counting; // the counter lives in this function: so does the connection
        connect(&registry, &QAbstractItemModel::dataChanged, &counting,
                [&](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    stateRowsChanged += roles.contains(AccountRegistry::StateRole) ? 1 : 0;
                });
        const int repaintsBefore = m_tray->repaintCount();
        QElapsedTimer clock;
        clock.start();
        m_runtime->applyConfig(load.config);
        QTRY_COMPARE_WITH_TIMEOUT(connected(), kAccounts, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.streamCount(), kAccounts, 10000);
        const qint64 elapsed = clock.elapsed();

        // One insertion for all accounts, no reset; every state change reached the model.
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(registry.rowCount(), kAccounts);
        QCOMPARE(tableInserted.size(), 1);
        QCOMPARE(tableReset.size(), 0);
        QCOMPARE(choicesInserted.size(), 1);
        QCOMPARE(choicesReset.size(), 0);
        QCOMPARE(choices->rowCount(), kAccounts + 1);
        QVERIFY(stateChanges.size() >= 2 * kAccounts); // connecting, connected
        QCOMPARE(stateRowsChanged, stateChanges.size());
        // The menu was never built (it is built when shown); repaints were coalesced.
        QCOMPARE(m_tray->menuBuildCount(), 0);
        const int repaints = m_tray->repaintCount() - repaintsBefore;
        QVERIFY2(repaints <= 2 + elapsed / TrayController::kRepaintDelayMs,
                 qPrintable(QStringLiteral("%1 repaints in %2 ms").arg(repaints).arg(elapsed)));
        QVERIFY2(
            repaints < stateChanges.size() / 4,
            qPrintable(QStringLiteral("%1 repaints for %2 state changes").arg(repaints).arg(stateChanges.size())));
    }

    void tooltip_countsEveryAccount()
    {
        m_tray->repaintNow();
        QVERIFY2(m_tray->trayIcon()->toolTip().contains(QStringLiteral("%1 connected").arg(kAccounts)),
                 qPrintable(m_tray->trayIcon()->toolTip()));
        QCOMPARE(m_tray->health(), TrayHealth::AllConnected);
    }

    void menu_groupsByServer_pagesOfFifty()
    {
        m_tray->rebuildMenu();
        const QString server = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
        const QStringList top = titles(m_tray->menu());
        QVERIFY2(top.contains(QStringLiteral("Gotify — %1: %2 of %2 connected").arg(server).arg(kAccounts)),
                 qPrintable(top.join(QLatin1Char('\n'))));
        QVERIFY(top.contains(QStringLiteral("Find account…")));
        QMenu *group = nullptr;
        for (QAction *a : m_tray->menu()->actions())
            if (a->objectName() == QStringLiteral("group:gotify/") + server)
                group = a->menu();
        QVERIFY(group);
        QVERIFY(group->actions().isEmpty()); // filled when opened
        Q_EMIT group->aboutToShow();
        QCOMPARE(titles(group),
                 (QStringList{QStringLiteral("bot001 … bot050"), QStringLiteral("bot051 … bot100"),
                              QStringLiteral("bot101 … bot150"), QStringLiteral("bot151 … bot200")}));
        QMenu *page = group->actions().first()->menu();
        Q_EMIT page->aboutToShow();
        QCOMPARE(page->actions().size(), TrayMenu::kPageSize);
        QCOMPARE(page->actions().first()->text(), QStringLiteral("gotify/bot001 — connected"));
    }

    void storm_everyDropReachesModelAndTooltip_menuNotRebuilt()
    {
        const int builds = m_tray->menuBuildCount();
        m_window->showTab(MainWindow::Tab::Messages);
        QSignalSpy tableChanges(m_window->accountsTab()->model(), &QAbstractItemModel::dataChanged);
        int choiceSignals = 0;
        QObject counting; // the counter lives in this function: so do the connections
        QAbstractItemModel *choices = m_window->messagesTab()->accountFilter()->model();
        const auto count = [&] { ++choiceSignals; };
        connect(choices, &QAbstractItemModel::dataChanged, &counting, count);
        connect(choices, &QAbstractItemModel::rowsInserted, &counting, count);
        connect(choices, &QAbstractItemModel::rowsRemoved, &counting, count);
        connect(choices, &QAbstractItemModel::modelReset, &counting, count);
        connect(choices, &QAbstractItemModel::layoutChanged, &counting, count);
        QSignalSpy stateChanges(&m_runtime->registry(), &AccountRegistry::accountStateChanged);
        const int repaintsBefore = m_tray->repaintCount();
        QElapsedTimer clock;
        clock.start();
        m_server.dropStreams();
        QTRY_VERIFY_WITH_TIMEOUT(connected() == 0 || stateChanges.size() >= kAccounts, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(connected(), kAccounts, 60000); // all back by themselves
        const qint64 elapsed = clock.elapsed();
        m_tray->repaintNow();
        QVERIFY(m_tray->trayIcon()->toolTip().contains(QStringLiteral("%1 connected").arg(kAccounts)));
        QCOMPARE(m_tray->menuBuildCount(), builds); // not shown: not rebuilt
        const int repaints = m_tray->repaintCount() - repaintsBefore;
        QVERIFY2(repaints <= 2 + elapsed / TrayController::kRepaintDelayMs,
                 qPrintable(QStringLiteral("%1 repaints in %2 ms").arg(repaints).arg(elapsed)));
        // The main window: the table changes at most a few times per frame, the filter never.
        const qint64 frames = 2 + elapsed / AccountTableModel::kChangeDelayMs;
        QVERIFY2(tableChanges.size() <= frames * AccountTableModel::kMaxRunsPerFrame,
                 qPrintable(QStringLiteral("%1 table changes in %2 ms").arg(tableChanges.size()).arg(elapsed)));
        QCOMPARE(choiceSignals, 0);
    }

    void menu_attentionFirst()
    {
        // A refused token fails an account for good: it is listed above the groups.
        m_server.revokeToken(m_server.clientToken());
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->registry().stateCount(AccountState::Failed), kAccounts, 60000);
        m_tray->rebuildMenu();
        const QStringList top = titles(m_tray->menu());
        QCOMPARE(top.first(), QStringLiteral("Need attention: %1").arg(kAccounts));
        QCOMPARE(top.at(1), QStringLiteral("gotify/bot001 — failed"));
        QVERIFY(top.contains(QStringLiteral("%1 more…").arg(kAccounts - TrayMenu::kAttentionLimit)));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_tray.reset();
        m_runtime.reset();
    }
};

QTEST_MAIN(TestTrayScale)
#include "tst_trayscale.moc"
