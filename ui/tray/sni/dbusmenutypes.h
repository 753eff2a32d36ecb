#pragma once
// The com.canonical.dbusmenu wire types: a menu item as (id, properties, children) with the
// children as variants of the same structure, the flat (id, properties) of
// GetGroupProperties, and the (id, removed names) of ItemsPropertiesUpdated.
#include <QDBusArgument>
#include <QList>
#include <QStringList>
#include <QVariantMap>

namespace ct::ui {

struct DBusMenuLayoutItem
{
    int id = 0;
    QVariantMap properties;
    QList<DBusMenuLayoutItem> children;
};

struct DBusMenuItem
{
    int id = 0;
    QVariantMap properties;
};
using DBusMenuItemList = QList<DBusMenuItem>;

struct DBusMenuItemKeys
{
    int id = 0;
    QStringList names;
};
using DBusMenuItemKeysList = QList<DBusMenuItemKeys>;

QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuLayoutItem &item);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuLayoutItem &item);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuItem &item);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuItem &item);
QDBusArgument &operator<<(QDBusArgument &arg, const DBusMenuItemKeys &keys);
const QDBusArgument &operator>>(const QDBusArgument &arg, DBusMenuItemKeys &keys);

// Registers the types with QtDBus (once per process; later calls do nothing).
void registerDBusMenuTypes();

} // namespace ct::ui

Q_DECLARE_METATYPE(ct::ui::DBusMenuLayoutItem)
Q_DECLARE_METATYPE(ct::ui::DBusMenuItem)
Q_DECLARE_METATYPE(ct::ui::DBusMenuItemKeys)
