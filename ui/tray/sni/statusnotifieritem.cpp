#include "statusnotifieritem.h"

#include "dbusmenuexporter.h"
#include "logging/logging.h"
#include "statusnotifieritemadaptor.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QMenu>

namespace ct::ui {

namespace {
const QString kWatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString kItemPath = QStringLiteral("/StatusNotifierItem");
const QString kMenuPath = QStringLiteral("/MenuBar");

QString nextConnectionName()
{
    static int n = 0;
    return QStringLiteral("channeltray-sni-%1").arg(++n);
}
} // namespace

StatusNotifierItem::StatusNotifierItem(const QString &id, QObject *parent)
    : QObject(parent), m_id(id),
      m_connection(QDBusConnection::connectToBus(QDBusConnection::SessionBus, nextConnectionName()))
{
    registerSniTypes();
    new StatusNotifierItemAdaptor(this);
}

StatusNotifierItem::~StatusNotifierItem()
{
    delete m_menuExporter;
    if (m_registered) {
        m_connection.unregisterObject(kItemPath);
        m_connection.unregisterService(m_service);
    }
    const QString name = m_connection.name();
    m_connection = QDBusConnection(QString());
    QDBusConnection::disconnectFromBus(name);
}

bool StatusNotifierItem::hostAvailable()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(watcherService()))
        return false;
    QDBusMessage get = QDBusMessage::createMethodCall(
        watcherService(), kWatcherPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << watcherService() << QStringLiteral("IsStatusNotifierHostRegistered");
    const QDBusMessage reply = bus.call(get, QDBus::Block, 2000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    return reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

QString StatusNotifierItem::statusText() const
{
    switch (m_status) {
    case Status::Passive:
        return QStringLiteral("Passive");
    case Status::NeedsAttention:
        return QStringLiteral("NeedsAttention");
    case Status::Active:
        break;
    }
    return QStringLiteral("Active");
}

QString StatusNotifierItem::menuPath() const
{
    return m_menuExporter ? m_menuExporter->path() : QStringLiteral("/NO_DBUSMENU");
}

void StatusNotifierItem::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT newTitle();
}

void StatusNotifierItem::setIcon(const QIcon &icon, const QString &themedName)
{
    m_icon = sniPixmaps(icon);
    m_iconKey = icon.cacheKey();
    m_iconName = themedName;
    Q_EMIT newIcon();
}

void StatusNotifierItem::setOverlayIcon(const QIcon &icon)
{
    m_overlay = sniPixmaps(icon);
    Q_EMIT newOverlayIcon();
}

void StatusNotifierItem::setAttentionIcon(const QIcon &icon)
{
    m_attention = !icon.isNull() && icon.cacheKey() == m_iconKey ? m_icon : sniPixmaps(icon);
    Q_EMIT newAttentionIcon();
}

void StatusNotifierItem::setToolTip(const QString &title, const QString &text)
{
    if (title == m_toolTip.title && text == m_toolTip.text)
        return;
    m_toolTip.title = title;
    m_toolTip.text = text;
    Q_EMIT newToolTip();
}

void StatusNotifierItem::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT newStatus(statusText());
}

void StatusNotifierItem::setMenu(QMenu *menu)
{
    if (menu == m_menu)
        return;
    delete m_menuExporter;
    m_menuExporter = nullptr;
    m_menu = menu;
    if (m_menu && m_registered)
        m_menuExporter = new DBusMenuExporter(m_menu, m_connection, kMenuPath, this);
    Q_EMIT newMenu();
}

void StatusNotifierItem::contextMenu(const QPoint &at)
{
    if (m_menu)
        m_menu->popup(at);
}

bool StatusNotifierItem::registerItem()
{
    if (m_registered)
        return true;
    if (!m_connection.isConnected())
        return false;
    // The spec's name; the number makes it unique within this process.
    const qint64 pid = QCoreApplication::applicationPid();
    for (int n = 1; n < 100 && m_service.isEmpty(); ++n) {
        const QString name = QStringLiteral("org.kde.StatusNotifierItem-%1-%2").arg(pid).arg(n);
        if (m_connection.registerService(name))
            m_service = name;
    }
    if (m_service.isEmpty() || !m_connection.registerObject(kItemPath, this)) {
        qCWarning(lcUi) << "tray: the StatusNotifierItem could not be exported on the session bus";
        return false;
    }
    m_registered = true;
    if (m_menu)
        m_menuExporter = new DBusMenuExporter(m_menu, m_connection, kMenuPath, this);
    m_watcher = new QDBusServiceWatcher(
        watcherService(), m_connection,
        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &StatusNotifierItem::registerWithWatcher);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_registeredWithWatcher = false;
        Q_EMIT registeredWithWatcherChanged(false);
    });
    registerWithWatcher();
    return true;
}

void StatusNotifierItem::registerWithWatcher()
{
    QDBusMessage call = QDBusMessage::createMethodCall(watcherService(), kWatcherPath, watcherService(),
                                                       QStringLiteral("RegisterStatusNotifierItem"));
    call << m_service;
    auto *pending = new QDBusPendingCallWatcher(m_connection.asyncCall(call), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const bool ok = !w->isError();
        if (!ok)
            qCDebug(lcUi) << "tray: no StatusNotifierWatcher took the item:" << w->error().message();
        if (ok != m_registeredWithWatcher) {
            m_registeredWithWatcher = ok;
            Q_EMIT registeredWithWatcherChanged(ok);
        }
    });
}

} // namespace ct::ui
