#include "keychainwatcher.h"

#include "logging/logging.h"

#ifdef CHANNELTRAY_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#endif

namespace ct {

namespace {
constexpr int kDefaultSettleDelayMs = 250;
} // namespace

KeychainWatcher::KeychainWatcher(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kDefaultSettleDelayMs);
    connect(&m_settle, &QTimer::timeout, this, &KeychainWatcher::changed);
#ifdef CHANNELTRAY_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    const QString service = QStringLiteral("org.freedesktop.secrets");
    auto *owner = new QDBusServiceWatcher(service, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
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
    for (const char *member : {"ItemCreated", "ItemChanged", "ItemDeleted"})
        m_watching = bus.connect({}, {}, collection, QString::fromLatin1(member), this, SLOT(onEvent()))
                     && m_watching;
#endif
}

KeychainWatcher::~KeychainWatcher() = default;

void KeychainWatcher::onEvent()
{
    m_settle.start(); // restarts: a burst of events gives one changed()
}

} // namespace ct
