// The tray application's notifications end to end, with a real dunst, a real AppRuntime and its
// SQLite history, and the main window: a stored priority-9 Gotify message notified by the
// runtime's policy pops up critical; clicking it opens the main window on that message (which
// marks it read); "Mark read" marks a message read in the history; and a message read in the
// window takes its notification off the screen. No tray icon (window mode).
#include "deploymessages.h"
#include "dunstfixture.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inbound/notificationpolicy.h"
#include "mainwindow/mainwindow.h"
#include "notifications/desktopnotifier.h"
#include "notifications/notificationcenter.h"
#include "runtime/appruntime.h"

#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestNotificationsApp : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Dunst> m_dunst;
    std::unique_ptr<AppRuntime> m_runtime;
    std::unique_ptr<MainWindow> m_window;
    NotificationCenter *m_center = nullptr;

    // The message arrives through the runtime's pipeline; waits until dunst shows it.
    Dunst::Record arrive(const InboundMessage &m)
    {
        const int before = int(m_dunst->records().size());
        m_runtime->pipeline().submit(m); // stored, delivered, offered to the runtime's policy
        m_runtime->pipeline().flush();
        if (!QTest::qWaitFor([&] { return m_dunst->records().size() > before; }, 10000))
            return {};
        return m_dunst->last();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dunst = std::make_unique<Dunst>(m_dir.path());
        QVERIFY(m_dunst->start(true));
        m_runtime = std::make_unique<AppRuntime>(AppRuntime::Options{m_dir.filePath(QStringLiteral("c.json")),
                                                                     m_dir.filePath(QStringLiteral("h.sqlite"))});
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(&m_runtime->registry(), &m_runtime->history(),
                                                [] { return QStringList{}; });
        m_runtime->notifications().setWindowMs(50);
        m_center = new NotificationCenter(*m_runtime, m_window.get(), this);
        // The real connection the window makes: read marks go to the runtime.
        connect(m_window->messagesTab(), &MessagesTab::readRequested, m_runtime.get(),
                [this](const QList<qint64> &rows) { m_runtime->markRead(rows); });
        m_window->showTab(MainWindow::Tab::Accounts);
    }

    void priority9_critical_clickOpensTheMessageInTheMainWindow()
    {
        QVERIFY(!m_window->isVisible());
        const Dunst::Record r = arrive(deployMessage(42, 9));
        QCOMPARE(r.value(QStringLiteral("urgency")), QStringLiteral("CRITICAL"));
        QCOMPARE(r.value(QStringLiteral("summary")), QStringLiteral("Deploy 42"));
        Dunst::click();
        QTRY_VERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentTab(), MainWindow::Tab::Messages);
        MessagesTab *tab = m_window->messagesTab();
        const HistoryRecord *shown = tab->model()->recordAt(tab->view()->currentIndex().row());
        QVERIFY(shown);
        QCOMPARE(shown->message.id, QStringLiteral("42"));
        QCOMPARE(m_runtime->history().unreadCount(kOps), 0);
        QTRY_COMPARE(Dunst::displayed(), 0);
    }

    void markRead_marksItReadInTheHistory()
    {
        arrive(deployMessage(43, 5));
        QCOMPARE(m_runtime->history().unreadCount(kOps), 1);
        m_dunst->pick(QStringLiteral("Mark read"));
        QTRY_COMPARE(m_runtime->history().unreadCount(kOps), 0);
        QTRY_COMPARE(Dunst::displayed(), 0);
    }

    void readInTheWindow_withdrawsTheNotification()
    {
        arrive(deployMessage(44, 5));
        QTRY_COMPARE(Dunst::displayed(), 1);
        QVERIFY(m_window->messagesTab()->showMessage(kOps, QStringLiteral("44"))); // the user reads it
        QTRY_COMPARE(Dunst::displayed(), 0);
        QCOMPARE(m_center->notifier()->openCount(kOps), 0);
    }
};

QTEST_MAIN(TestNotificationsApp)
#include "tst_notifications_app.moc"
