#pragma once
// One pop-up of PopupNotifications: a small frameless window that shows a notification's
// summary, body (plain text) and actions as buttons. A click on the text is the "default"
// action; it never takes the keyboard focus from the window the user is typing in.
#include "notificationbackend.h"

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QMouseEvent;
class QPushButton;
class QTimer;

namespace ct::ui {

class NotificationPopup : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 8000; // normal and low urgency; critical ones stay

    explicit NotificationPopup(QWidget *parent = nullptr);

    // Shows `notification` (replacing what was shown) and starts its timeout again.
    void setNotification(const DesktopNotification &notification);
    QString summary() const;
    QString body() const;
    // The button of an action by its key ("default", "mark-read", …); null when it has none.
    QPushButton *actionButton(const QString &action) const;

Q_SIGNALS:
    void actionInvoked(const QString &action);
    // Timed out or closed with its × button (not after an action).
    void dismissed();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QLabel *m_summary;
    QLabel *m_body;
    QHBoxLayout *m_buttons;
    QTimer *m_timeout;
};

} // namespace ct::ui
