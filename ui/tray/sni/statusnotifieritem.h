#pragma once
// Our own org.kde.StatusNotifierItem, for desktops whose panel hosts StatusNotifier items (KDE,
// XFCE, LXQt, GNOME with the AppIndicator extension, Wayland panels). Qt 6.4's QSystemTrayIcon
// exports one too, but keeps its Status at "Active" (it says "NeedsAttention" only while a
// balloon of its own is shown), never names a themed icon for a pixmap icon, and decides once per
// process whether to use it, so a tray started before the panel never reaches an SNI-only host.
// This item has its own bus connection, named org.kde.StatusNotifierItem-<pid>-<n>, the item at
// /StatusNotifierItem and its menu (DBusMenuExporter) at /MenuBar; it registers with
// org.kde.StatusNotifierWatcher, again whenever a watcher (re)appears.
#include "snitypes.h"

#include <QDBusConnection>
#include <QObject>
#include <QPoint>

class QDBusServiceWatcher;
class QMenu;

namespace ct::ui {

class DBusMenuExporter;

class StatusNotifierItem : public QObject
{
    Q_OBJECT
public:
    enum class Status { Passive, Active, NeedsAttention };

    // `id`: the application's id, as the panel keeps settings (hidden, pinned) under it.
    explicit StatusNotifierItem(const QString &id, QObject *parent = nullptr);
    ~StatusNotifierItem() override;

    // A StatusNotifierWatcher is on the session bus and says a host is registered with it.
    static bool hostAvailable();
    static QString watcherService() { return QStringLiteral("org.kde.StatusNotifierWatcher"); }

    void setTitle(const QString &title);
    // The icon as pixmaps (for every host) and, optionally, a themed name hosts prefer
    // (a symbolic icon they recolour for light and dark panels).
    void setIcon(const QIcon &icon, const QString &themedName = {});
    // Drawn by the host over the icon (or over the themed one): the state dot and unread badge.
    void setOverlayIcon(const QIcon &icon);
    // The icon given to setIcon() (the same QIcon or a copy) shares its pixmaps: none are drawn
    // or held twice.
    void setAttentionIcon(const QIcon &icon);
    void setToolTip(const QString &title, const QString &text);
    void setStatus(Status status);
    void setMenu(QMenu *menu);

    // Takes the bus name, exports the item and its menu, and registers with the watcher.
    bool registerItem();
    QString serviceName() const { return m_service; }
    bool isRegisteredWithWatcher() const { return m_registeredWithWatcher; }

    // What the adaptor exports.
    QString id() const { return m_id; }
    QString title() const { return m_title; }
    QString statusText() const;
    QString iconName() const { return m_iconName; }
    SniPixmapList iconPixmaps() const { return m_icon; }
    SniPixmapList overlayPixmaps() const { return m_overlay; }
    SniPixmapList attentionPixmaps() const { return m_attention; }
    SniToolTip toolTip() const { return m_toolTip; }
    QString menuPath() const;
    void contextMenu(const QPoint &at);

Q_SIGNALS:
    void activated(const QPoint &at);
    void secondaryActivated(const QPoint &at);
    void registeredWithWatcherChanged(bool registered);
    // For the adaptor's D-Bus signals.
    void newTitle();
    void newIcon();
    void newOverlayIcon();
    void newAttentionIcon();
    void newToolTip();
    void newStatus(const QString &status);
    void newMenu();

private:
    void registerWithWatcher();

    QString m_id;
    QDBusConnection m_connection;
    QString m_service;
    QDBusServiceWatcher *m_watcher = nullptr;
    DBusMenuExporter *m_menuExporter = nullptr;
    QMenu *m_menu = nullptr;
    QString m_title;
    QString m_iconName;
    SniPixmapList m_icon, m_overlay, m_attention;
    qint64 m_iconKey = 0; // QIcon::cacheKey() of the icon m_icon was drawn from
    SniToolTip m_toolTip;
    Status m_status = Status::Active;
    bool m_registered = false;
    bool m_registeredWithWatcher = false;
};

} // namespace ct::ui
