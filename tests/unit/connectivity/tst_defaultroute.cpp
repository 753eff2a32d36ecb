// Reachability without NetworkManager: the kernel's default route (rtnetlink), as GLib's netlink
// monitor reads it, without loading GIO. The rule is checked on route messages built here; the
// watcher itself runs against the real kernel in a network namespace of this test's own
// (unshare(CLONE_NEWNET), root as in CI), where the test adds and removes the default route with
// iproute2 and the monitor must follow each change as it happens.
#include "connectivity/connectivitymonitor.h"
#include "connectivity/defaultroutewatcher.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <sys/socket.h>

using namespace ct;

namespace {
// One RTM_NEWROUTE message; `tableAttribute` adds RTA_TABLE as the kernel does for every route.
QByteArray routeMessage(unsigned char family, unsigned char prefixLength, unsigned char type, unsigned table,
                        bool tableAttribute = true)
{
    QByteArray m(NLMSG_SPACE(sizeof(rtmsg)) + (tableAttribute ? RTA_SPACE(sizeof(quint32)) : 0), '\0');
    auto *h = reinterpret_cast<nlmsghdr *>(m.data());
    h->nlmsg_len = quint32(m.size());
    h->nlmsg_type = RTM_NEWROUTE;
    auto *r = static_cast<rtmsg *>(NLMSG_DATA(h));
    r->rtm_family = family;
    r->rtm_dst_len = prefixLength;
    r->rtm_type = type;
    r->rtm_table = table < 256 ? (unsigned char)table : (unsigned char)RT_TABLE_COMPAT;
    if (tableAttribute) {
        auto *a = RTM_RTA(r);
        a->rta_type = RTA_TABLE;
        a->rta_len = RTA_LENGTH(sizeof(quint32));
        const quint32 t = table;
        std::memcpy(RTA_DATA(a), &t, sizeof t);
    }
    return m;
}

bool ip(const QStringList &args)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("ip"),
                                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                                            QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "ip" << args << "failed:" << p.readAllStandardError() << p.errorString();
        return false;
    }
    return true;
}
} // namespace

class TestDefaultRoute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unicastDefaultRouteOfTheMainTable_isTheNetwork()
    {
        QVERIFY(DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 0, RTN_UNICAST, RT_TABLE_MAIN)));
        QVERIFY(DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET6, 0, RTN_UNICAST, RT_TABLE_MAIN)));
        QVERIFY(DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 24, RTN_UNICAST, RT_TABLE_MAIN)
                                                         + routeMessage(AF_INET, 0, RTN_UNICAST, RT_TABLE_MAIN)));
        QVERIFY(
            DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 0, RTN_UNICAST, RT_TABLE_MAIN, false)));
    }

    void otherRoutes_areNot()
    {
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute({}));
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 24, RTN_UNICAST, RT_TABLE_MAIN)));
        // `ip route add unreachable default`, a default route of another table (policy routing,
        // also one past 255 that only RTA_TABLE names), the local table's routes.
        QVERIFY(
            !DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 0, RTN_UNREACHABLE, RT_TABLE_MAIN)));
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET6, 0, RTN_UNICAST, 100)));
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 0, RTN_UNICAST, 1000)));
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute(routeMessage(AF_INET, 0, RTN_LOCAL, RT_TABLE_LOCAL)));
        // A truncated message is not read past its end.
        QVERIFY(!DefaultRouteWatcher::dumpHasDefaultRoute(
            routeMessage(AF_INET, 0, RTN_UNICAST, RT_TABLE_MAIN).left(12)));
    }

    void routeChanges_inAPrivateNetworkNamespace_reachTheMonitorAsTheyHappen()
    {
        // This thread (and the `ip` processes it starts) only; the namespace goes with the test.
        QVERIFY2(::unshare(CLONE_NEWNET) == 0,
                 qPrintable(QStringLiteral("unshare(CLONE_NEWNET): %1 (the suite runs as root, as CI does)")
                                .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        QVERIFY(ip({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}));
        QVERIFY(ip({QStringLiteral("address"), QStringLiteral("add"), QStringLiteral("10.77.0.1/24"),
                    QStringLiteral("dev"), QStringLiteral("lo")}));
        QCOMPARE(DefaultRouteWatcher::queryDefaultRoute(), std::optional<bool>(false));

        ConnectivityMonitor monitor;
        bool reachability = false;
        monitor.watchSystem(&reachability); // no NetworkManager here: the routes are the source
        QVERIFY(reachability);
        QVERIFY(!monitor.isOnline());
        QSignalSpy changes(&monitor, &ConnectivityMonitor::onlineChanged);

        QVERIFY(
            ip({QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("default"), QStringLiteral("via"),
                QStringLiteral("10.77.0.2"), QStringLiteral("dev"), QStringLiteral("lo")}));
        QTRY_COMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).at(0).toBool(), true);
        QVERIFY(monitor.isOnline());

        // With a route to another network left, the default one gone is the network gone.
        QVERIFY(
            ip({QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("10.78.0.0/16"),
                QStringLiteral("via"), QStringLiteral("10.77.0.3"), QStringLiteral("dev"), QStringLiteral("lo")}));
        QVERIFY(ip({QStringLiteral("route"), QStringLiteral("del"), QStringLiteral("default")}));
        QTRY_COMPARE(changes.size(), 2);
        QCOMPARE(changes.at(1).at(0).toBool(), false);
        QVERIFY(!monitor.isOnline());
    }
};

QTEST_GUILESS_MAIN(TestDefaultRoute)
#include "tst_defaultroute.moc"
