#include "statusnotifieritemadaptor.h"

#include "statusnotifieritem.h"

namespace ct::ui {

StatusNotifierItemAdaptor::StatusNotifierItemAdaptor(StatusNotifierItem *item)
    : QDBusAbstractAdaptor(item), m_item(item)
{
    connect(item, &StatusNotifierItem::newTitle, this, &StatusNotifierItemAdaptor::NewTitle);
    connect(item, &StatusNotifierItem::newIcon, this, &StatusNotifierItemAdaptor::NewIcon);
    connect(item, &StatusNotifierItem::newAttentionIcon, this, &StatusNotifierItemAdaptor::NewAttentionIcon);
    connect(item, &StatusNotifierItem::newOverlayIcon, this, &StatusNotifierItemAdaptor::NewOverlayIcon);
    connect(item, &StatusNotifierItem::newToolTip, this, &StatusNotifierItemAdaptor::NewToolTip);
    connect(item, &StatusNotifierItem::newStatus, this, &StatusNotifierItemAdaptor::NewStatus);
    connect(item, &StatusNotifierItem::newMenu, this, &StatusNotifierItemAdaptor::NewMenu);
}

QString StatusNotifierItemAdaptor::id() const
{
    return m_item->id();
}

QString StatusNotifierItemAdaptor::title() const
{
    return m_item->title();
}

QString StatusNotifierItemAdaptor::status() const
{
    return m_item->statusText();
}

QDBusObjectPath StatusNotifierItemAdaptor::menu() const
{
    return QDBusObjectPath(m_item->menuPath());
}

QString StatusNotifierItemAdaptor::iconName() const
{
    return m_item->iconName();
}

SniPixmapList StatusNotifierItemAdaptor::iconPixmap() const
{
    return m_item->iconPixmaps();
}

SniPixmapList StatusNotifierItemAdaptor::overlayIconPixmap() const
{
    return m_item->overlayPixmaps();
}

SniPixmapList StatusNotifierItemAdaptor::attentionIconPixmap() const
{
    return m_item->attentionPixmaps();
}

SniToolTip StatusNotifierItemAdaptor::toolTip() const
{
    return m_item->toolTip();
}

void StatusNotifierItemAdaptor::ContextMenu(int x, int y)
{
    m_item->contextMenu(QPoint(x, y));
}

void StatusNotifierItemAdaptor::Activate(int x, int y)
{
    Q_EMIT m_item->activated(QPoint(x, y));
}

void StatusNotifierItemAdaptor::SecondaryActivate(int x, int y)
{
    Q_EMIT m_item->secondaryActivated(QPoint(x, y));
}

void StatusNotifierItemAdaptor::Scroll(int delta, const QString &orientation)
{
    Q_UNUSED(delta);
    Q_UNUSED(orientation);
}

} // namespace ct::ui
