#include "dbusmenuexporter.h"

#include "dbusmenuadaptor.h"

#include <QActionEvent>
#include <QActionGroup>
#include <QBuffer>
#include <QMenu>
#include <QTimer>

namespace ct::ui {

namespace {

// Qt's mnemonic '&' becomes dbusmenu's '_'; a literal '_' is doubled, "&&" is a literal '&'.
QString dbusMenuLabel(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
                out += QLatin1Char('&');
                ++i;
            } else {
                out += QLatin1Char('_');
            }
        } else if (c == QLatin1Char('_')) {
            out += QStringLiteral("__");
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

DBusMenuExporter::DBusMenuExporter(QMenu *menu, const QDBusConnection &connection, const QString &path,
                                   QObject *parent)
    : QObject(parent), m_menu(menu), m_connection(connection), m_path(path)
{
    registerDBusMenuTypes();
    new DBusMenuAdaptor(this);
    m_connection.registerObject(m_path, this);
    watch(menu);
}

DBusMenuExporter::~DBusMenuExporter()
{
    m_connection.unregisterObject(m_path);
}

void DBusMenuExporter::watch(QMenu *menu)
{
    if (menu)
        menu->installEventFilter(this); // installing twice keeps one filter
}

bool DBusMenuExporter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ActionAdded:
    case QEvent::ActionRemoved:
    case QEvent::ActionChanged:
        scheduleLayoutUpdate();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void DBusMenuExporter::scheduleLayoutUpdate()
{
    if (m_updatePending)
        return;
    m_updatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_updatePending = false;
        ++m_revision;
        Q_EMIT layoutUpdated(m_revision, 0);
    });
}

int DBusMenuExporter::idOf(QAction *action)
{
    auto it = m_ids.constFind(action);
    if (it != m_ids.constEnd())
        return *it;
    const int id = m_nextId++;
    m_ids.insert(action, id);
    m_actions.insert(id, action);
    connect(action, &QObject::destroyed, this, [this, action, id] {
        m_ids.remove(action);
        m_actions.remove(id);
    });
    return id;
}

QMenu *DBusMenuExporter::menuOf(int id) const
{
    if (id == 0)
        return m_menu;
    const QAction *a = m_actions.value(id);
    return a ? a->menu() : nullptr;
}

QVariantMap DBusMenuExporter::properties(int id, const QStringList &names)
{
    QVariantMap p;
    if (id == 0) {
        p.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
    } else if (QAction *a = m_actions.value(id)) {
        if (a->isSeparator()) {
            p.insert(QStringLiteral("type"), QStringLiteral("separator"));
        } else {
            p.insert(QStringLiteral("label"), dbusMenuLabel(a->text()));
            if (a->menu())
                p.insert(QStringLiteral("children-display"), QStringLiteral("submenu"));
            if (a->isCheckable()) {
                const bool radio = a->actionGroup() && a->actionGroup()->isExclusive();
                p.insert(QStringLiteral("toggle-type"),
                         radio ? QStringLiteral("radio") : QStringLiteral("checkmark"));
                p.insert(QStringLiteral("toggle-state"), a->isChecked() ? 1 : 0);
            }
            const QIcon icon = a->icon();
            if (!icon.isNull() && a->isIconVisibleInMenu()) {
                if (!icon.name().isEmpty()) {
                    p.insert(QStringLiteral("icon-name"), icon.name());
                } else {
                    QByteArray &png = m_iconPngs[icon.cacheKey()];
                    if (png.isEmpty()) {
                        QBuffer buffer(&png);
                        buffer.open(QIODevice::WriteOnly);
                        icon.pixmap(16, 16).save(&buffer, "PNG");
                    }
                    p.insert(QStringLiteral("icon-data"), png);
                }
            }
        }
        if (!a->isEnabled())
            p.insert(QStringLiteral("enabled"), false);
        if (!a->isVisible())
            p.insert(QStringLiteral("visible"), false);
    }
    if (!names.isEmpty())
        for (auto it = p.begin(); it != p.end();)
            it = names.contains(it.key()) ? std::next(it) : p.erase(it);
    return p;
}

DBusMenuLayoutItem DBusMenuExporter::layout(int parentId, int depth, const QStringList &names)
{
    DBusMenuLayoutItem item;
    item.id = parentId;
    item.properties = properties(parentId, names);
    QMenu *menu = menuOf(parentId);
    if (!menu || depth == 0)
        return item;
    watch(menu);
    const QList<QAction *> actions = menu->actions();
    for (QAction *a : actions)
        item.children << layout(idOf(a), depth < 0 ? -1 : depth - 1, names);
    return item;
}

DBusMenuItemList DBusMenuExporter::groupProperties(const QList<int> &ids, const QStringList &names)
{
    DBusMenuItemList out;
    for (int id : ids)
        if (id == 0 || m_actions.value(id))
            out << DBusMenuItem{id, properties(id, names)};
    return out;
}

QVariant DBusMenuExporter::property(int id, const QString &name)
{
    return properties(id, {name}).value(name);
}

bool DBusMenuExporter::event(int id, const QString &eventId)
{
    if (id == 0) {
        if (eventId == QLatin1String("opened"))
            aboutToShow(0);
        return true;
    }
    QPointer<QAction> action = m_actions.value(id);
    if (!action)
        return false;
    if (eventId == QLatin1String("clicked")) {
        QTimer::singleShot(0, this, [action] {
            if (action && action->isEnabled())
                action->trigger();
        });
    } else if (eventId == QLatin1String("opened")) {
        aboutToShow(id);
    } else if (eventId == QLatin1String("closed")) {
        if (QMenu *menu = action->menu())
            Q_EMIT menu->aboutToHide();
    }
    return true;
}

bool DBusMenuExporter::aboutToShow(int id)
{
    QMenu *menu = menuOf(id);
    if (!menu)
        return false;
    watch(menu);
    Q_EMIT menu->aboutToShow();
    return m_updatePending;
}

} // namespace ct::ui
