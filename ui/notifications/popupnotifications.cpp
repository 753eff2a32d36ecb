#include "popupnotifications.h"

#include "notificationpopup.h"

#include <QGuiApplication>
#include <QScreen>

namespace ct::ui {

namespace {
constexpr int kMargin = 12;
}

PopupNotifications::PopupNotifications(QObject *parent) : NotificationBackend(parent) {}

PopupNotifications::~PopupNotifications()
{
    for (const QPointer<NotificationPopup> &p : std::as_const(m_popups))
        delete p.data();
}

bool PopupNotifications::isAvailable() const
{
    return QGuiApplication::primaryScreen() != nullptr;
}

void PopupNotifications::show(quint64 key, const DesktopNotification &notification)
{
    QPointer<NotificationPopup> &popup = m_popups[key];
    if (!popup) {
        popup = new NotificationPopup;
        connect(popup, &NotificationPopup::actionInvoked, this,
                [this, key](const QString &action) { Q_EMIT actionInvoked(key, action); });
        connect(popup, &NotificationPopup::dismissed, this, [this, key] {
            close(key);
            place();
            Q_EMIT closed(key);
        });
    }
    popup->setNotification(notification);
    while (m_popups.size() > kMaxShown) { // the oldest goes, as if it had timed out
        const quint64 oldest = m_popups.firstKey();
        close(oldest);
        Q_EMIT closed(oldest);
    }
    place();
}

void PopupNotifications::withdraw(quint64 key)
{
    close(key);
    place();
}

void PopupNotifications::close(quint64 key)
{
    const QPointer<NotificationPopup> popup = m_popups.take(key);
    if (popup) {
        popup->hide();
        popup->deleteLater();
    }
}

QList<NotificationPopup *> PopupNotifications::popups() const
{
    QList<NotificationPopup *> list;
    for (const QPointer<NotificationPopup> &p : m_popups)
        if (p)
            list << p.data();
    return list;
}

void PopupNotifications::place()
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect area = screen->availableGeometry();
    int y = area.top() + kMargin;
    // Newest on top.
    for (auto it = m_popups.cend(); it != m_popups.cbegin();) {
        --it;
        NotificationPopup *p = it.value();
        if (!p)
            continue;
        p->move(area.right() - kMargin - p->width(), y);
        y += p->height() + kMargin / 2;
        if (!p->isVisible())
            p->show();
    }
}

} // namespace ct::ui
