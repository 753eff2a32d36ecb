#include "logo.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QPolygonF>

namespace ct::ui {

void paintLogo(QPainter *painter, const QRectF &rect)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / 64.0, rect.height() / 64.0);
    painter->setPen(Qt::NoPen);
    const qreal opacity = painter->opacity();
    // <rect x="4" y="10" width="56" height="40" rx="8" fill="#2f6fb0"/> and the bubble's tail
    painter->setBrush(QColor(0x2f, 0x6f, 0xb0));
    painter->drawRoundedRect(QRectF(4, 10, 56, 40), 8, 8);
    painter->drawPolygon(QPolygonF({QPointF(18, 50), QPointF(18, 60), QPointF(30, 50)}));
    // The three lines of text: white, each fainter than the one above.
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(QRectF(14, 20, 36, 5), 2.5, 2.5);
    painter->setOpacity(opacity * 0.85);
    painter->drawRoundedRect(QRectF(14, 30, 26, 5), 2.5, 2.5);
    painter->setOpacity(opacity * 0.7);
    painter->drawRoundedRect(QRectF(14, 40, 16, 4), 2, 2);
    painter->restore();
}

namespace {

class LogoIconEngine : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.5);
        paintLogo(painter, QRectF(rect));
        painter->restore();
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }
    QIconEngine *clone() const override { return new LogoIconEngine; }
    QString key() const override { return QStringLiteral("ct::ui::LogoIconEngine"); }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24),   QSize(32, 32),
                QSize(48, 48), QSize(64, 64), QSize(128, 128), QSize(256, 256)};
    }
};

} // namespace

QIcon logoIcon()
{
    return QIcon(new LogoIconEngine);
}

} // namespace ct::ui
