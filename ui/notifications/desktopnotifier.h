#pragma once
// Turns the NotificationPolicy's notifications into desktop notifications and acts on what the
// user does with them. Per account at most maxOpenPerAccount single notifications are on screen;
// a burst beyond that, a catch-up, or any summary becomes ONE summary per account that later
// messages update in place ("7 new messages on gotify/ops") instead of stacking pop-ups.
// Actions: the click (default) opens the message (a summary: the account's messages) in the
// main window, "Open link" opens Gotify's click URL, "Mark read" marks it read. A notification
// is withdrawn once its message, or every message of its account, is read in the window.
// The freedesktop service is used whenever it is available, with or without a tray icon; the
// fallback (the tray icon's own messages) only where it is not, and further fallbacks
// (addFallback: our own pop-ups) where neither is.
// Notices (notifyNotice) are about the app, not an account's messages (the history was moved
// aside and a new one started): never folded into a summary nor withdrawn by reading; the
// click opens the main window.
#include "config/accountaddress.h"
#include "config/notificationsettings.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <functional>

namespace ct {
struct Notification;
}

namespace ct::ui {

class NotificationBackend;
struct DesktopNotification;

struct NotifierActions
{
    // An empty message id: the account's messages.
    std::function<void(const AccountAddress &, const QString &messageId)> openMessage;
    std::function<void(const AccountAddress &, const QString &messageId)> markRead;
    std::function<void(const QUrl &)> openUrl; // empty → QDesktopServices::openUrl
    std::function<void()> showWindow;          // the click on a notice
};

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    // Either backend may be null. Neither is owned.
    DesktopNotifier(NotificationBackend *primary, NotificationBackend *fallback, NotifierActions actions,
                    QObject *parent = nullptr);

    // Tried, in the order added, when the backends before it are unavailable. Not owned.
    void addFallback(NotificationBackend *backend);
    void setMaxOpenPerAccount(int n) { m_maxOpen = qMax(1, n); }

    void notify(const ct::Notification &notification);
    // A notice about the app itself (see the top).
    void notifyNotice(const QString &title, const QString &body, NotificationUrgency urgency);
    // The user read a message in the window.
    void messageRead(const AccountAddress &account, const QString &messageId);
    // Withdraws every notification of an account that has nothing unread left.
    void unreadChanged(const QHash<AccountAddress, int> &unreadByAccount);

    // What is on screen for an account (tests): the number of notifications, and the count
    // its summary shows (0 when there is none).
    int openCount(const AccountAddress &account) const;
    bool hasOpen() const { return !m_shown.isEmpty(); }
    int summaryCount(const AccountAddress &account) const;

private:
    struct Shown
    {
        AccountAddress account;
        QString messageId; // empty for a summary
        QString clickUrl;
        QString title;
        QString body;
        bool summary = false;
        bool notice = false; // notifyNotice
        int count = 1;
        NotificationUrgency urgency = NotificationUrgency::Normal;
        NotificationBackend *backend = nullptr;
    };
    NotificationBackend *backend() const;
    void show(quint64 key);
    void forget(quint64 key, bool withdraw);
    void onAction(quint64 key, const QString &action);
    DesktopNotification build(const Shown &shown) const;

    QList<NotificationBackend *> m_backends; // first available wins
    NotifierActions m_actions;
    int m_maxOpen = 3;
    quint64 m_nextKey = 1;
    QHash<quint64, Shown> m_shown;
};

} // namespace ct::ui
