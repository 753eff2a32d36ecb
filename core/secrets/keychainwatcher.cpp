#include "keychainwatcher.h"

#include "logging/logging.h"

#include <functional>

#ifdef CHANNELTRAY_HAVE_DBUS
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#endif

namespace ct {

namespace {
constexpr int kDefaultSettleDelayMs = 250;
constexpr QLatin1StringView kSecrets{"org.freedesktop.secrets"};
} // namespace

#ifdef CHANNELTRAY_HAVE_DBUS
namespace detail {
// Receives ItemCreated/ItemChanged with their message (QtDBus connects by slot signature; the
// item's object path is the signal's one argument).
class KeychainItemEvents : public QObject
{
    Q_OBJECT
public:
    KeychainItemEvents(std::function<void(const QString &)> onItem, QObject *parent)
        : QObject(parent), m_onItem(std::move(onItem))
    {
    }
public Q_SLOTS:
    void item(const QDBusMessage &message)
    {
        const QVariantList args = message.arguments();
        m_onItem(args.isEmpty() ? QString() : args.first().value<QDBusObjectPath>().path());
    }

private:
    std::function<void(const QString &)> m_onItem;
};
} // namespace detail
#endif

KeychainWatcher::KeychainWatcher(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kDefaultSettleDelayMs);
    connect(&m_settle, &QTimer::timeout, this, &KeychainWatcher::changed);
#ifdef CHANNELTRAY_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    auto *owner = new QDBusServiceWatcher(kSecrets, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(owner, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                if (!newOwner.isEmpty()) {
                    qCInfo(lcSecrets) << "the Secret Service is on the session bus";
                    onEvent();
                }
            });
    // Any sender: the owner of org.freedesktop.secrets may not exist yet.
    const QString collection = QStringLiteral("org.freedesktop.Secret.Collection");
    m_watching = bus.connect({}, QStringLiteral("/org/freedesktop/secrets"),
                             QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("CollectionChanged"),
                             this, SLOT(onEvent()));
    auto *items = new detail::KeychainItemEvents([this](const QString &item) { onItem(item); }, this);
    for (const char *member : {"ItemCreated", "ItemChanged"})
        m_watching = bus.connect({}, {}, collection, QString::fromLatin1(member), items, SLOT(item(QDBusMessage)))
                     && m_watching;
    m_watching = bus.connect({}, {}, collection, QStringLiteral("ItemDeleted"), this, SLOT(onEvent()))
                 && m_watching;
#endif
}

KeychainWatcher::~KeychainWatcher() = default;

void KeychainWatcher::onEvent()
{
    m_settle.start(); // restarts: a burst of events gives one changed()
}

void KeychainWatcher::onItem(const QString &itemPath)
{
#ifdef CHANNELTRAY_HAVE_DBUS
    if (m_service.isEmpty() || itemPath.isEmpty()) {
        onEvent();
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        kSecrets, itemPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Attributes");
    auto *call = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(get), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, itemPath](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError()) { // cannot tell (gone meanwhile, locked): it may be ours
            onEvent();
            return;
        }
        QMap<QString, QString> attributes;
        reply.value().variant().value<QDBusArgument>() >> attributes;
        if (attributes.value(QStringLiteral("server")) == m_service)
            onEvent();
        else
            Q_EMIT ignored(itemPath);
    });
#else
    Q_UNUSED(itemPath)
    onEvent();
#endif
}

} // namespace ct

#ifdef CHANNELTRAY_HAVE_DBUS
#include "keychainwatcher.moc"
#endif
