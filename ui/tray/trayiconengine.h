#pragma once
// The tray icon, drawn at any size: the logo (common/logo.h), a state dot in the lower right
// corner (see TrayHealth) and, when there are unread messages, a count badge in the upper right
// (red when one of them is critical).
#include "trayhealth.h"

#include <QIconEngine>
#include <QString>

namespace ct::ui {

class TrayIconEngine : public QIconEngine
{
public:
    // Logo: the whole icon; None: the dot and badge alone (an overlay for a themed icon).
    enum class Base { Logo, None };

    explicit TrayIconEngine(TrayHealth health, int unread = 0, Base base = Base::Logo);

    TrayHealth health() const { return m_health; }
    int unread() const { return m_unread; }
    // Some unread message is critical (high Gotify priority, an OpenIM mention): the badge is red
    // (kUrgentBadge); otherwise it is blue (kUnreadBadge).
    void setUrgent(bool urgent) { m_urgent = urgent; }
    bool urgent() const { return m_urgent; }
    static QColor badgeColor(bool urgent);
    // "1".."99", "99+"; empty when there is nothing unread.
    static QString badgeText(int unread);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;

    // Where the dot and the badge go inside `rect` (for painting and for tests).
    static QRectF dotRect(const QRectF &rect);
    static QRectF badgeRect(const QRectF &rect, int textLength);

private:
    TrayHealth m_health;
    int m_unread;
    bool m_urgent = false;
    Base m_base;
};

} // namespace ct::ui
