#include "notificationpopup.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ct::ui {

namespace {
const char *const kActionProperty = "notificationAction";
}

NotificationPopup::NotificationPopup(QWidget *parent)
    : QFrame(parent, Qt::Tool | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint | Qt::WindowDoesNotAcceptFocus),
      m_summary(new QLabel), m_body(new QLabel), m_buttons(new QHBoxLayout), m_timeout(new QTimer(this))
{
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_QuitOnClose, false);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFixedWidth(340);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    for (QLabel *l : {m_summary, m_body}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    auto *close = new QToolButton;
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setFocusPolicy(Qt::NoFocus);
    close->setToolTip(tr("Close"));
    close->setAccessibleName(tr("Close"));
    connect(close, &QToolButton::clicked, this, &NotificationPopup::dismissed);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(close, 0, Qt::AlignTop);
    m_buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_body);
    layout->addLayout(m_buttons);

    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, &NotificationPopup::dismissed);
}

void NotificationPopup::setNotification(const DesktopNotification &n)
{
    m_summary->setText(n.summary);
    m_body->setText(n.body);
    m_body->setVisible(!n.body.isEmpty());
    setAccessibleName(n.summary);
    while (m_buttons->count() > 1) { // keep the stretch in front
        QLayoutItem *item = m_buttons->takeAt(1);
        delete item->widget();
        delete item;
    }
    for (const auto &[key, label] : n.actions) {
        auto *button = new QPushButton(label);
        button->setProperty(kActionProperty, key);
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, [this, key = key] { Q_EMIT actionInvoked(key); });
        m_buttons->addWidget(button);
    }
    adjustSize();
    if (n.urgency == NotificationUrgency::Critical)
        m_timeout->stop();
    else
        m_timeout->start();
}

QString NotificationPopup::summary() const
{
    return m_summary->text();
}

QString NotificationPopup::body() const
{
    return m_body->text();
}

QPushButton *NotificationPopup::actionButton(const QString &action) const
{
    for (QPushButton *b : findChildren<QPushButton *>())
        if (b->property(kActionProperty).toString() == action)
            return b;
    return nullptr;
}

void NotificationPopup::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT actionInvoked(QStringLiteral("default"));
    QFrame::mouseReleaseEvent(event);
}

} // namespace ct::ui
