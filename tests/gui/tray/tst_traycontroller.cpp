// The tray under a real X server with a tray host: the icon follows the accounts' states, the
// tooltip counts them, the menu lists every account with its actions, notifications show, and an
// unread critical message turns the badge red (the XEmbed icon's way to ask for attention), as
// does a history that takes no writes (red dot, the reason in the tooltip, while it lasts).
#include "common/messagebox.h"
#include "gui/guitesthelpers.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "process/autostartfile.h"
#include "tray/traycontroller.h"
#include "tray/trayiconengine.h"
#include "unit/inbound/sqlitewritelock.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestTrayController : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    AccountRegistry *m_registry = nullptr;
    AutostartFile *m_autostart = nullptr;
    MessageBox m_messageBox;
    TrayController *m_tray = nullptr;
    QList<QPair<QString, bool>> m_enabledCalls;
    QList<QString> m_sendCalls;
    int m_quits = 0;

    QColor dotColour() const
    {
        const QImage img = m_tray->trayIcon()->icon().pixmap(32, 32).toImage();
        return img.pixelColor(TrayIconEngine::dotRect(QRectF(0, 0, 32, 32)).center().toPoint());
    }
    QMenu *accountMenu(const QString &address) const
    {
        for (QAction *a : m_tray->menu()->actions())
            if (a->objectName() == QStringLiteral("account:") + address)
                return a->menu();
        return nullptr;
    }
    static QAction *action(QMenu *menu, const QString &textStart)
    {
        for (QAction *a : menu->actions())
            if (a->text().remove(QLatin1Char('&')).startsWith(textStart))
                return a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
        m_registry = new AccountRegistry(drivenFactory(), this);
        m_registry->setConfig(sampleConfig());
        m_autostart = new AutostartFile(m_dir.path() + QStringLiteral("/autostart"),
                                        QStringLiteral("channeltray"));
        TrayActions actions;
        actions.showMainWindow = [] {};
        actions.setAccountEnabled = [this](const AccountAddress &a, bool on) {
            m_enabledCalls.append({a.toString(), on});
        };
        actions.sendTestMessage = [this](const AccountAddress &a) {
            m_sendCalls.append(a.isValid() ? a.toString() : QString());
        };
        actions.sessionKeyFor = [](const AccountAddress &a) {
            return QStringLiteral("agent:main:") + a.accountId;
        };
        actions.quit = [this] { ++m_quits; };
        // What AppController gives it: AppRuntime::reconnectNow, the account's connection.
        actions.reconnect = [this](const AccountAddress &a) { m_registry->connection(a)->reconnectNow(); };
        m_tray = new TrayController(m_registry, m_autostart, &m_messageBox, actions, this);
        m_tray->show();
        QTRY_VERIFY(m_tray->trayIcon()->isVisible());
    }

    void icon_followsAccountStates()
    {
        m_registry->startAll(); // every driven connection goes to Connecting
        QCOMPARE(m_tray->health(), TrayHealth::Reconnecting);
        QCOMPARE(dotColour().rgb(), trayHealthColor(TrayHealth::Reconnecting).rgb());
        for (const QString &a : {QStringLiteral("gotify/ops"), QStringLiteral("gotify/alerts"),
                                 QStringLiteral("multi-openim/primary")})
            driven(*m_registry, a)->drive(AccountState::Connected);
        QCOMPARE(m_tray->health(), TrayHealth::AllConnected);
        QCOMPARE(dotColour().rgb(), trayHealthColor(TrayHealth::AllConnected).rgb());
        driven(*m_registry, QStringLiteral("multi-openim/primary"))
            ->drive(AccountState::NeedsLogin, QStringLiteral("refresh failed"));
        QCOMPARE(m_tray->health(), TrayHealth::Failing);
        QCOMPARE(dotColour().rgb(), trayHealthColor(TrayHealth::Failing).rgb());
        driven(*m_registry, QStringLiteral("multi-openim/primary"))->drive(AccountState::Connected);
        QCOMPARE(m_tray->health(), TrayHealth::AllConnected);
    }

    void tooltip_countsStates_andNextRetry()
    {
        const QDateTime retry = QDateTime::currentDateTimeUtc().addSecs(42);
        driven(*m_registry, QStringLiteral("gotify/alerts"))
            ->drive(AccountState::Backoff, QStringLiteral("dropped"), retry);
        m_tray->repaintNow(); // changes are coalesced into one repaint per frame
        const QString tip = m_tray->trayIcon()->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("2 connected")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("1 waiting to retry")), qPrintable(tip));
        QVERIFY2(tip.contains(retry.toLocalTime().toString(QStringLiteral("HH:mm:ss"))), qPrintable(tip));
        driven(*m_registry, QStringLiteral("gotify/alerts"))->drive(AccountState::Connected);
    }

    void unread_showsBadgeAndTooltip()
    {
        m_registry->setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 3);
        QCOMPARE(m_tray->unreadTotal(), 3); // repaints what is pending
        QVERIFY(m_tray->trayIcon()->toolTip().contains(QStringLiteral("3 unread message")));
        m_registry->setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 0);
        QCOMPARE(m_tray->unreadTotal(), 0);
    }

    void menu_listsEveryAccountWithState_thenWindows()
    {
        m_tray->rebuildMenu();
        QStringList titles;
        for (QAction *a : m_tray->menu()->actions())
            if (!a->isSeparator())
                titles << a->text().remove(QLatin1Char('&'));
        QCOMPARE(titles.mid(0, 3), (QStringList{QStringLiteral("gotify/alerts — connected"),
                                                QStringLiteral("gotify/ops — connected"),
                                                QStringLiteral("multi-openim/primary — connected")}));
        QCOMPARE(titles.mid(3),
                 (QStringList{QStringLiteral("Messages…"), QStringLiteral("Accounts…"),
                              QStringLiteral("Send test message…"), QStringLiteral("Gotify administration…"),
                              QStringLiteral("Diagnostics…"), QStringLiteral("About ChannelTray…"),
                              QStringLiteral("Start at login"), QStringLiteral("Quit")}));
        QMenu *ops = accountMenu(QStringLiteral("gotify/ops"));
        QVERIFY(ops);
        QStringList sub;
        for (QAction *a : ops->actions())
            sub << a->text().remove(QLatin1Char('&'));
        QCOMPARE(sub, (QStringList{QStringLiteral("Reconnect now"), QStringLiteral("Disable"),
                                   QStringLiteral("Send test message…"), QStringLiteral("Copy session key")}));
    }

    void accountActions_reachTheirAccount()
    {
        m_tray->rebuildMenu();
        QMenu *ops = accountMenu(QStringLiteral("gotify/ops"));
        action(ops, QStringLiteral("Reconnect now"))->trigger();
        QCOMPARE(driven(*m_registry, QStringLiteral("gotify/ops"))->reconnects, 1);
        action(ops, QStringLiteral("Disable"))->trigger();
        QCOMPARE(m_enabledCalls.last(), qMakePair(QStringLiteral("gotify/ops"), false));
        action(ops, QStringLiteral("Send test message"))->trigger();
        QCOMPARE(m_sendCalls.last(), QStringLiteral("gotify/ops"));
        action(ops, QStringLiteral("Copy session key"))->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("agent:main:ops"));
        // The general "Send test message…" names no account: the dialog makes the user choose.
        action(m_tray->menu(), QStringLiteral("Send test message"))->trigger();
        QCOMPARE(m_sendCalls.last(), QString());
        action(m_tray->menu(), QStringLiteral("Quit"))->trigger();
        QCOMPARE(m_quits, 1);
    }

    void startAtLogin_writesAndRemovesAutostartEntry()
    {
        m_tray->rebuildMenu();
        QAction *a = action(m_tray->menu(), QStringLiteral("Start at login"));
        QVERIFY(a->isCheckable());
        QVERIFY(!a->isChecked());
        a->trigger();
        QVERIFY(QFile::exists(m_autostart->filePath()));
        m_tray->rebuildMenu();
        a = action(m_tray->menu(), QStringLiteral("Start at login"));
        QVERIFY(a->isChecked());
        a->trigger();
        QVERIFY(!QFile::exists(m_autostart->filePath()));
    }

    void notify_showsMessageThroughTheTray()
    {
        m_tray->notify(QStringLiteral("gotify/ops"), QStringLiteral("Disk almost full"));
        QCOMPARE(m_tray->lastNotificationTitle(), QStringLiteral("gotify/ops"));
        // Without a freedesktop notification service Qt shows its own balloon at the icon.
        QTRY_VERIFY_WITH_TIMEOUT(
            [] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (QByteArray(w->metaObject()->className()) == "QBalloonTip" && w->isVisible())
                        return true;
                return false;
            }(),
            5000);
    }

    void criticalUnread_redBadgeAndAttention_untilItIsRead()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        m_tray->setCriticalUnreadSource([&store] { return store.unreadCriticalCount(8); });
        connect(&store, &HistoryStore::unreadChanged, m_tray, &TrayController::criticalUnreadChanged);
        const auto badge = [this] {
            const QPoint corner = TrayIconEngine::badgeRect(QRectF(0, 0, 64, 64), 1).center().toPoint()
                                  + QPoint(-9, 0);
            return m_tray->trayIcon()->icon().pixmap(64, 64).toImage().pixelColor(corner).rgb();
        };
        const auto gotify = [](int id, int priority) {
            InboundMessage m;
            m.account = AccountAddress::parse(QStringLiteral("gotify/ops"));
            m.id = QString::number(id);
            m.text = QStringLiteral("disk");
            m.priority = priority;
            return m;
        };
        QVERIFY(store.storeBatch({gotify(1, 5)}, nullptr));
        m_registry->setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 1);
        QVERIFY(!m_tray->needsAttention());
        QCOMPARE(badge(), TrayIconEngine::badgeColor(false).rgb());

        QVERIFY(store.storeBatch({gotify(2, 9)}, nullptr));
        m_registry->setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 2);
        QVERIFY(m_tray->needsAttention());
        QCOMPARE(m_tray->criticalUnread(), 1);
        QVERIFY(m_tray->health() != TrayHealth::Failing); // attention without a failing account
        QCOMPARE(badge(), TrayIconEngine::badgeColor(true).rgb());

        QCOMPARE(store.markRead(AccountAddress::parse(QStringLiteral("gotify/ops"))), 2);
        m_registry->setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 0);
        QVERIFY(!m_tray->needsAttention());
        m_tray->setCriticalUnreadSource({});
    }

    void historyThatTakesNoWrites_redDotAttentionAndTheReasonInTheTooltip_untilItStoresAgain()
    {
        for (const QString &a : {QStringLiteral("gotify/ops"), QStringLiteral("gotify/alerts"),
                                 QStringLiteral("multi-openim/primary")})
            driven(*m_registry, a)->drive(AccountState::Connected);
        const QString file = m_dir.filePath(QStringLiteral("storage.sqlite"));
        HistoryStore store(file);
        QVERIFY(store.open());
        PipelineSettings settings;
        settings.firstRetryMs = 20;
        InboundPipeline pipeline(store, Config{}, settings);
        // What AppController connects: AppRuntime::storageChanged, which passes on the
        // pipeline's, renewed at each failed retry.
        const auto show = [&pipeline, this] {
            m_tray->showStorageTrouble(pipeline.storageError(), pipeline.pendingCount());
        };
        connect(&pipeline, &InboundPipeline::storageChanged, m_tray, show);
        connect(&pipeline, &InboundPipeline::storeFailed, m_tray, show);
        QCOMPARE(m_tray->health(), TrayHealth::AllConnected);
        QList<InboundMessage> batch;
        for (int id : {1, 2}) {
            InboundMessage m;
            m.account = AccountAddress::parse(QStringLiteral("gotify/ops"));
            m.id = QString::number(id);
            m.text = QStringLiteral("kept");
            batch << m;
        }
        // Another process holds the write lock: the batch is held, and the tray says so.
        auto lock = std::make_unique<test::SqliteWriteLock>(file);
        QVERIFY(lock->held());
        pipeline.submitBatch(batch);
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->health(), TrayHealth::Failing, 15000);
        QCOMPARE(dotColour().rgb(), trayHealthColor(TrayHealth::Failing).rgb());
        QVERIFY(m_tray->needsAttention());
        const QString tip = m_tray->trayIcon()->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("Messages cannot be stored in the history (")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("locked")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("2 kept in memory")), qPrintable(tip));
        lock.reset(); // the other process is done: the held batch is stored, the tray is green
        QTRY_COMPARE_WITH_TIMEOUT(m_tray->health(), TrayHealth::AllConnected, 15000);
        QCOMPARE(store.count(HistoryQuery{}), 2);
        QVERIFY2(!m_tray->trayIcon()->toolTip().contains(QStringLiteral("cannot be stored")),
                 qPrintable(m_tray->trayIcon()->toolTip()));
        QVERIFY(!m_tray->needsAttention());
    }
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
