#include "trayiconengine.h"

#include "common/logo.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace ct::ui {

TrayIconEngine::TrayIconEngine(TrayHealth health, int unread, Base base)
    : m_health(health), m_unread(qMax(0, unread)), m_base(base)
{
}

QString TrayIconEngine::badgeText(int unread)
{
    if (unread <= 0)
        return {};
    return unread > 99 ? QStringLiteral("99+") : QString::number(unread);
}

QRectF TrayIconEngine::dotRect(const QRectF &rect)
{
    const qreal d = rect.width() * 0.42;
    return {rect.right() - d, rect.bottom() - d, d, d};
}

QColor TrayIconEngine::badgeColor(bool urgent)
{
    return urgent ? QColor(0xc6, 0x28, 0x28) : QColor(0x25, 0x63, 0xc9);
}

QRectF TrayIconEngine::badgeRect(const QRectF &rect, int textLength)
{
    const qreal h = rect.height() * 0.46;
    const qreal w = qMin(rect.width(), h * (textLength <= 1 ? 1.0 : 0.55 + 0.45 * textLength));
    return {rect.right() - w, rect.top(), w, h};
}

void TrayIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_base == Base::Logo)
        paintLogo(painter, QRectF(rect));
    if (mode == QIcon::Disabled)
        painter->setOpacity(0.5);

    const QRectF dot = dotRect(rect);
    const qreal ring = qMax<qreal>(1.0, rect.width() / 24.0);
    painter->setPen(QPen(Qt::white, ring));
    painter->setBrush(trayHealthColor(m_health));
    painter->drawEllipse(dot.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2));

    const QString text = badgeText(m_unread);
    if (!text.isEmpty()) {
        const QRectF badge = badgeRect(rect, int(text.size()));
        painter->setPen(Qt::NoPen);
        painter->setBrush(badgeColor(m_urgent));
        painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(badge.height() * (text.size() > 2 ? 0.62 : 0.78))));
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    painter->restore();
}

QPixmap TrayIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    QPainter painter(&pm);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pm;
}

QIconEngine *TrayIconEngine::clone() const
{
    auto *copy = new TrayIconEngine(m_health, m_unread, m_base);
    copy->setUrgent(m_urgent);
    return copy;
}

QString TrayIconEngine::key() const
{
    return QStringLiteral("ct::ui::TrayIconEngine");
}

QList<QSize> TrayIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode);
    Q_UNUSED(state);
    return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64)};
}

} // namespace ct::ui
