#pragma once
// What the machine says about the network and about sleep, as two signals. The sources:
// NetworkManager's state on the system bus (networkmanagerstate.h), else the kernel's default
// route (defaultroutewatcher.h; the network counts as always up when neither can be read), and
// logind's PrepareForSleep(false) on the system bus (no logind: no wake-ups are reported).
// setOnline() and reportWake() are the seam the sources call, and what tests drive (neither
// NetworkManager nor logind runs in the test session; route changes are tested on their own).
#include <QObject>

namespace ct {

class ConnectivityMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ConnectivityMonitor(QObject *parent = nullptr);

    // Listens to the network's source and to logind; false for each that is not available.
    void watchSystem(bool *reachability = nullptr, bool *sleep = nullptr);

    bool isOnline() const { return m_online; }
    void setOnline(bool online);
    void reportWake();

Q_SIGNALS:
    void onlineChanged(bool online);
    void woke();

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);

private:
    bool m_online = true;
};

} // namespace ct
