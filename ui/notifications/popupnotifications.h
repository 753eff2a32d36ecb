#pragma once
// The last resort, where neither a freedesktop notification service nor a visible tray icon
// exists: a StatusNotifier panel without a notification daemon (our StatusNotifierItem has no
// balloon, and Qt's tray icon, hidden there, would send its messages to the missing service), or
// window mode without one. Pop-ups of our own (NotificationPopup) in the top right corner of the
// screen, newest on top, at most kMaxShown at once (the oldest goes); replaced in place by key,
// withdrawn on request. Normal and low ones time out; critical ones stay until acted upon.
#include "notificationbackend.h"

#include <QMap>
#include <QPointer>

namespace ct::ui {

class NotificationPopup;

class PopupNotifications : public NotificationBackend
{
    Q_OBJECT
public:
    static constexpr int kMaxShown = 4;

    explicit PopupNotifications(QObject *parent = nullptr);
    ~PopupNotifications() override;

    bool isAvailable() const override; // wherever there is a screen
    void show(quint64 key, const DesktopNotification &notification) override;
    void withdraw(quint64 key) override;

    // What is on screen (tests): the pop-ups, oldest first.
    QList<NotificationPopup *> popups() const;

private:
    void close(quint64 key);
    void place();

    QMap<quint64, QPointer<NotificationPopup>> m_popups; // keys grow: oldest first
};

} // namespace ct::ui
