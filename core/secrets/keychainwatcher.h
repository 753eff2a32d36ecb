#pragma once
// Tells when the keychain may answer differently than before, so token users ask it again
// instead of polling: the Secret Service appeared on the session bus (org.freedesktop.secrets
// got an owner: a keyring daemon started late), a collection was locked or unlocked
// (org.freedesktop.Secret.Service.CollectionChanged), or an item was created, changed or
// deleted (org.freedesktop.Secret.Collection.ItemCreated/ItemChanged/ItemDeleted). Events that
// come together (a write is several) are coalesced into one changed() after a settle delay.
// Without D-Bus in the build (Windows, macOS) it never fires.
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
    int settleDelayMs() const { return m_settle.interval(); }
    void setSettleDelayMs(int ms) { m_settle.setInterval(ms); }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    // Every watched bus signal, whatever its arguments (QtDBus allows a slot that takes fewer).
    void onEvent();

private:
    QTimer m_settle;
    bool m_watching = false;
};

} // namespace ct
