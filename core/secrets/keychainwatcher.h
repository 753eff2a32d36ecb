#pragma once
// Tells when the keychain may answer differently than before, so token users ask it again
// instead of polling: the Secret Service appeared on the session bus (org.freedesktop.secrets
// got an owner: a keyring daemon started late), a collection was locked or unlocked
// (org.freedesktop.Secret.Service.CollectionChanged), or an item was created, changed or
// deleted (org.freedesktop.Secret.Collection.ItemCreated/ItemChanged/ItemDeleted). Events that
// come together (a write is several) are coalesced into one changed() after a settle delay.
// With a service set, a created or changed item of another application (its "server"
// attribute, where QtKeychain keeps the service name, is not ours) is ignored: a browser
// saving a password does not make every token be read again. A deleted item cannot be asked
// any more and always counts. Without D-Bus in the build (Windows, macOS) it never fires.
#include <QObject>
#include <QTimer>

namespace ct {

class KeychainWatcher : public QObject
{
    Q_OBJECT
public:
    explicit KeychainWatcher(QObject *parent = nullptr);
    ~KeychainWatcher() override;

    // Whether the watcher is subscribed (false without a session bus).
    bool isWatching() const { return m_watching; }
    // Only items of this QtKeychain service count (SecretStore::service()); empty: every item.
    void setService(const QString &service) { m_service = service; }
    QString service() const { return m_service; }
    int settleDelayMs() const { return m_settle.interval(); }
    void setSettleDelayMs(int ms) { m_settle.setInterval(ms); }

Q_SIGNALS:
    void changed();
    // A created or changed item was another application's: nothing to read again.
    void ignored(const QString &itemPath);

private Q_SLOTS:
    // Every watched bus signal, whatever its arguments (QtDBus allows a slot that takes fewer).
    void onEvent();

private:
    // An item was created or changed: counts when it is the service's (asked on the bus).
    void onItem(const QString &itemPath);

    QTimer m_settle;
    QString m_service;
    bool m_watching = false;
};

} // namespace ct
