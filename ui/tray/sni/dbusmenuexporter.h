#pragma once
// Exports a QMenu over D-Bus as com.canonical.dbusmenu (version 3), the menu protocol of
// StatusNotifierItem hosts (KDE, XFCE, GNOME's AppIndicator extension, Wayland panels).
// Item ids are given to actions as they are first seen; a QMenu's aboutToShow is emitted when the
// host asks (AboutToShow, "opened"), so menus built when shown stay so; any change to a
// shown menu's actions sends one LayoutUpdated per event-loop turn; "clicked" triggers the
// action from the event loop (a dialog it opens does not hold the host's call).
#include "dbusmenutypes.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace ct::ui {

class DBusMenuExporter : public QObject
{
    Q_OBJECT
public:
    // Exports `menu` (not owned) at `path` on `connection`.
    DBusMenuExporter(QMenu *menu, const QDBusConnection &connection, const QString &path,
                     QObject *parent = nullptr);
    ~DBusMenuExporter() override;

    QString path() const { return m_path; }
    uint revision() const { return m_revision; }

    // The com.canonical.dbusmenu calls (the adaptor forwards here).
    DBusMenuLayoutItem layout(int parentId, int depth, const QStringList &names);
    DBusMenuItemList groupProperties(const QList<int> &ids, const QStringList &names);
    QVariant property(int id, const QString &name);
    bool event(int id, const QString &eventId);
    bool aboutToShow(int id);

Q_SIGNALS:
    void layoutUpdated(uint revision, int parentId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int idOf(QAction *action);
    QMenu *menuOf(int id) const;
    QVariantMap properties(int id, const QStringList &names);
    void watch(QMenu *menu);
    void scheduleLayoutUpdate();

    QPointer<QMenu> m_menu;
    QDBusConnection m_connection;
    QString m_path;
    QHash<QAction *, int> m_ids;
    QHash<int, QPointer<QAction>> m_actions;
    QHash<qint64, QByteArray> m_iconPngs; // by QIcon::cacheKey
    int m_nextId = 1;
    uint m_revision = 1;
    bool m_updatePending = false;
};

} // namespace ct::ui
