// Notifications on a StatusNotifier desktop without a notification daemon: a real xfce4-panel
// hosts the tray's own StatusNotifierItem, and the bus has no org.freedesktop.Notifications, not
// even one it could start (private-desktop.sh with PRIVATE_DESKTOP_NO_NOTIFICATIONS=1: dunst is
// installed here but not run, and its service file is left out). Qt's tray icon is hidden there,
// so neither the service nor its balloon can show anything: the notifications come as pop-ups of
// our own, with the real AppRuntime, its SQLite history and the main window. A priority-9 Gotify
// message pops up and stays; its "Open" opens it in the main window; a normal one read in the
// window is withdrawn.
#include "common/messagebox.h"
#include "deploymessages.h"
#include "gui/guitesthelpers.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inbound/notificationpolicy.h"
#include "mainwindow/mainwindow.h"
#include "notifications/desktopnotifier.h"
#include "notifications/freedesktopnotifications.h"
#include "notifications/notificationcenter.h"
#include "notifications/notificationpopup.h"
#include "notifications/popupnotifications.h"
#include "runtime/appruntime.h"
#include "tray/traycontroller.h"
#include "tray/traystatusitem.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestNotificationsSniNoService : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_panel;
    MessageBox m_messageBox;
    std::unique_ptr<AppRuntime> m_runtime;
    std::unique_ptr<MainWindow> m_window;
    NotificationCenter *m_center = nullptr;
    TrayController *m_tray = nullptr;

    QList<NotificationPopup *> popups() const { return m_center->popups()->popups(); }
    void arrive(const InboundMessage &m)
    {
        m_runtime->pipeline().submit(m);
        m_runtime->pipeline().flush();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        const QString service = FreedesktopNotifications::kService;
        QVERIFY(!bus->isServiceRegistered(service));
        QVERIFY(!bus->activatableServiceNames().value().contains(service));

        m_panel.setStandardOutputFile(QProcess::nullDevice());
        m_panel.setStandardErrorFile(QProcess::nullDevice());
        m_panel.start(QStringLiteral("xfce4-panel"), {QStringLiteral("--disable-wm-check")});
        QVERIFY(m_panel.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(QStringLiteral("org.kde.StatusNotifierWatcher")), 20000);

        m_runtime = std::make_unique<AppRuntime>(AppRuntime::Options{m_dir.filePath(QStringLiteral("c.json")),
                                                                     m_dir.filePath(QStringLiteral("h.sqlite"))});
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        m_runtime->notifications().setWindowMs(50);
        m_window = std::make_unique<MainWindow>(&m_runtime->registry(), &m_runtime->history(),
                                                [] { return QStringList{}; });
        m_center = new NotificationCenter(*m_runtime, m_window.get(), this);
        connect(m_window->messagesTab(), &MessagesTab::readRequested, m_runtime.get(),
                [this](const QList<qint64> &rows) { m_runtime->markRead(rows); });
        m_tray = new TrayController(&m_runtime->registry(), nullptr, &m_messageBox, TrayActions{}, this);
        m_center->setTrayIcon(m_tray->trayIcon());
        m_tray->show();
        QVERIFY(m_tray->statusItem()); // our StatusNotifierItem, on the panel
        QVERIFY(!m_tray->trayIcon()->isVisible());
        QVERIFY(!m_center->freedesktop()->isAvailable());
    }
    void cleanupTestCase()
    {
        m_center->deleteLater();
        delete m_tray;
        m_panel.terminate();
        m_panel.waitForFinished(5000);
    }

    void priority9_popsUpAndStays_openOpensTheMessageInTheMainWindow()
    {
        QVERIFY(!m_window->isVisible());
        arrive(deployMessage(42, 9));
        QTRY_COMPARE(popups().size(), 1);
        NotificationPopup *popup = popups().first();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->summary(), QStringLiteral("Deploy 42"));
        QCOMPARE(popup->body(), QStringLiteral("deploy 42 done"));
        QVERIFY(!popup->isActiveWindow()); // it took no focus
        QVERIFY(popup->actionButton(QStringLiteral("mark-read")));
        QPushButton *open = popup->actionButton(QStringLiteral("default"));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentTab(), MainWindow::Tab::Messages);
        MessagesTab *tab = m_window->messagesTab();
        const HistoryRecord *shown = tab->model()->recordAt(tab->view()->currentIndex().row());
        QVERIFY(shown);
        QCOMPARE(shown->message.id, QStringLiteral("42"));
        QCOMPARE(m_runtime->history().unreadCount(kOps), 0);
        QTRY_VERIFY(popups().isEmpty());
        QCOMPARE(m_center->notifier()->openCount(kOps), 0);
    }

    void readInTheWindow_withdrawsItsPopup()
    {
        arrive(deployMessage(43, 5));
        QTRY_COMPARE(popups().size(), 1);
        QVERIFY(m_window->messagesTab()->showMessage(kOps, QStringLiteral("43"))); // the user reads it
        QVERIFY(popups().isEmpty());
        QCOMPARE(m_center->notifier()->openCount(kOps), 0);
    }
};

QTEST_MAIN(TestNotificationsSniNoService)
#include "tst_notifications_sninoservice.moc"
