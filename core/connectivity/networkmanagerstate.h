#pragma once
// NetworkManager's State over the system bus (org.freedesktop.NetworkManager, property State and
// signal StateChanged): the reachability source where NetworkManager runs. Read directly rather
// than through QNetworkInformation, which in Qt 6.4 loads every backend plugin it has, the glib
// one (and GIO with it) included. As Qt's NetworkManager backend reads the states, only
// DISCONNECTED and DISCONNECTING mean the network is gone; asleep, connecting or unknown do not.
#include <QObject>

namespace ct {

class NetworkManagerState : public QObject
{
    Q_OBJECT
public:
    explicit NetworkManagerState(QObject *parent = nullptr);

    // Reads the state and follows it; false when NetworkManager is not on the system bus.
    bool start();
    bool isOnline() const { return m_online; }

    // NetworkManager's NMState values: 20 disconnected, 30 disconnecting, 40 connecting,
    // 50/60/70 connected (local, site, global), 10 asleep, 0 unknown.
    static bool stateIsOnline(uint state);

Q_SIGNALS:
    void onlineChanged(bool online);

private Q_SLOTS:
    void onStateChanged(uint state);

private:
    bool m_online = true;
};

} // namespace ct
