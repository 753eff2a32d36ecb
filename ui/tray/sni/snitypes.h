#pragma once
// The org.kde.StatusNotifierItem wire types: an icon as ARGB32 pixmaps in network byte order
// (a(iiay)), and the tooltip (icon name, icon pixmaps, title, text).
#include <QDBusArgument>
#include <QIcon>
#include <QList>

namespace ct::ui {

struct SniPixmap
{
    int width = 0;
    int height = 0;
    QByteArray argb; // width * height big-endian ARGB32 words
};
using SniPixmapList = QList<SniPixmap>;

struct SniToolTip
{
    QString iconName;
    SniPixmapList pixmaps;
    QString title;
    QString text;
};

// The icon rendered at the sizes panels use (16 to 64 px); empty for a null icon.
SniPixmapList sniPixmaps(const QIcon &icon);

QDBusArgument &operator<<(QDBusArgument &arg, const SniPixmap &pixmap);
const QDBusArgument &operator>>(const QDBusArgument &arg, SniPixmap &pixmap);
QDBusArgument &operator<<(QDBusArgument &arg, const SniToolTip &tip);
const QDBusArgument &operator>>(const QDBusArgument &arg, SniToolTip &tip);

void registerSniTypes();

} // namespace ct::ui

Q_DECLARE_METATYPE(ct::ui::SniPixmap)
Q_DECLARE_METATYPE(ct::ui::SniToolTip)
