#include "notificationcenter.h"

#include "desktopnotifier.h"
#include "freedesktopnotifications.h"
#include "history/messagestab.h"
#include "history/readmarks.h"
#include "inbound/historystore.h"
#include "mainwindow/mainwindow.h"
#include "popupnotifications.h"
#include "runtime/appruntime.h"
#include "traymessagenotifications.h"

namespace ct::ui {

NotificationCenter::NotificationCenter(AppRuntime &runtime, MainWindow *window, QObject *parent)
    : NotificationCenter(
        runtime, [window] { return window; }, parent)
{
    attachWindow(window);
}

NotificationCenter::NotificationCenter(AppRuntime &runtime, std::function<MainWindow *()> windowOf,
                                       QObject *parent)
    : QObject(parent), m_freedesktop(new FreedesktopNotifications(QDBusConnection::sessionBus(), this)),
      m_trayMessages(new TrayMessageNotifications(this)), m_popups(new PopupNotifications(this))
{
    const HistoryStore *history = &runtime.history();
    NotifierActions actions;
    actions.openMessage = [windowOf](const AccountAddress &account, const QString &messageId) {
        MainWindow *window = windowOf();
        if (messageId.isEmpty() || !window->messagesTab()->showMessage(account, messageId))
            window->messagesTab()->showAccount(account);
        window->showTab(MainWindow::Tab::Messages);
        window->bringToFront();
    };
    actions.showWindow = [windowOf] { windowOf()->bringToFront(); };
    actions.markRead = [&runtime, history](const AccountAddress &account, const QString &messageId) {
        runtime.markRead(unreadRowsFor(*history, account, messageId));
    };
    m_notifier = new DesktopNotifier(m_freedesktop, m_trayMessages, actions, this);
    m_notifier->addFallback(m_popups);

    connect(&runtime, &AppRuntime::notificationDue, m_notifier, &DesktopNotifier::notify);
    connect(&runtime, &AppRuntime::unreadCountsChanged, m_notifier,
            [this](const QHash<AccountAddress, int> &unread) {
                if (m_notifier->hasOpen())
                    m_notifier->unreadChanged(unread);
            });
}

void NotificationCenter::attachWindow(MainWindow *window)
{
    connect(window->messagesTab(), &MessagesTab::messageRead, m_notifier, &DesktopNotifier::messageRead);
}

void NotificationCenter::setTrayIcon(QSystemTrayIcon *icon)
{
    m_trayMessages->setTrayIcon(icon);
}

} // namespace ct::ui
