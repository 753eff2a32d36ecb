#pragma once
// Whether this machine has a default route, from the kernel (rtnetlink), and a signal when that
// changes: the reachability source when NetworkManager is not on the system bus. It answers what
// GLib's netlink network monitor answers (and Qt's glib reachability backend with it): the
// network is there while the main routing table holds a unicast default route, IPv4 or IPv6 —
// without loading GIO (about 2 MiB resident) into a process that has no other use for it.
// A route change wakes it through a socket notifier; it then asks the kernel for the routes
// again rather than keeping its own copy of the table.
#include <QByteArray>
#include <QObject>
#include <optional>

class QSocketNotifier;

namespace ct {

class DefaultRouteWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DefaultRouteWatcher(QObject *parent = nullptr);
    ~DefaultRouteWatcher() override;

    // Listens to route changes; false when the kernel refuses (no rtnetlink here).
    bool start();
    bool hasDefaultRoute() const { return m_hasDefaultRoute; }

    // Asks the kernel now; nothing when the routes cannot be read.
    static std::optional<bool> queryDefaultRoute();
    // The answer for a dump of RTM_NEWROUTE messages as the kernel sends them.
    static bool dumpHasDefaultRoute(const QByteArray &messages);

Q_SIGNALS:
    void defaultRouteChanged(bool present);

private:
    void onReadable();

    int m_socket = -1;
    QSocketNotifier *m_notifier = nullptr;
    bool m_hasDefaultRoute = true;
};

} // namespace ct
