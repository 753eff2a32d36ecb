// Where no notification service exists, notifications fall back to the tray icon's own
// messages (QSystemTrayIcon::showMessage, under the real X server and tray host of the headless
// session): they are shown only while the icon is visible, and a click on the message (Qt's
// messageClicked, emitted here as the balloon would) opens the last message shown. Without a
// tray icon and without a service nothing is shown and nothing breaks.
#include "inbound/notificationpolicy.h"
#include "notifications/desktopnotifier.h"
#include "notifications/traymessagenotifications.h"

#include <QSystemTrayIcon>
#include <QtTest>

using namespace ct;
using namespace ct::ui;

class TestNotificationsFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trayMessages_shownWhileTheIconIsVisible_clickOpensTheLastMessage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
        QSystemTrayIcon icon(QIcon(QStringLiteral(":/channeltray/icons/channeltray.svg")));
        TrayMessageNotifications tray;
        tray.setTrayIcon(&icon);
        QVERIFY(!tray.isAvailable()); // not shown yet
        QList<QPair<AccountAddress, QString>> opened;
        NotifierActions actions;
        actions.openMessage = [&opened](const AccountAddress &a, const QString &id) { opened.append({a, id}); };
        DesktopNotifier notifier(nullptr, &tray, actions);

        InboundMessage m;
        m.account = {kGotifyChannel, QStringLiteral("ops")};
        m.id = QStringLiteral("5");
        m.title = QStringLiteral("Disk");
        m.text = QStringLiteral("full");
        m.priority = 9;
        notifier.notify(NotificationPolicy().single(m));
        QCOMPARE(notifier.openCount(m.account), 0); // no icon shown: nowhere to show it

        icon.show();
        QTRY_VERIFY(tray.isAvailable());
        notifier.notify(NotificationPolicy().single(m));
        QCOMPARE(notifier.openCount(m.account), 1);
        Q_EMIT icon.messageClicked();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first(), qMakePair(m.account, QStringLiteral("5")));
        QCOMPARE(notifier.openCount(m.account), 0);
        Q_EMIT icon.messageClicked(); // a second click means nothing any more
        QCOMPARE(opened.size(), 1);
    }

    void noServiceNoTray_nothingShown()
    {
        DesktopNotifier notifier(nullptr, nullptr, NotifierActions{});
        InboundMessage m;
        m.account = {kOpenImChannel, QStringLiteral("primary")};
        m.id = QStringLiteral("x");
        notifier.notify(NotificationPolicy().single(m));
        QVERIFY(!notifier.hasOpen());
    }
};

QTEST_MAIN(TestNotificationsFallback)
#include "tst_notifications_fallback.moc"
