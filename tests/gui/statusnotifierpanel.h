#pragma once
// xfce4-panel as the StatusNotifier host of a test's private desktop (private-desktop.sh): its
// systray plugin is the org.kde.StatusNotifierWatcher and the host, as on KDE, XFCE and GNOME
// with the AppIndicator extension. What the panel sees is asked over the session bus.
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QProcess>
#include <QtTest>

namespace ct::guitest {

inline QString statusNotifierWatcher()
{
    return QStringLiteral("org.kde.StatusNotifierWatcher");
}

// Starts the panel (its output dropped) and waits until its watcher is on the session bus.
inline bool startStatusNotifierPanel(QProcess &panel)
{
    panel.setStandardOutputFile(QProcess::nullDevice());
    panel.setStandardErrorFile(QProcess::nullDevice());
    panel.start(QStringLiteral("xfce4-panel"), {QStringLiteral("--disable-wm-check")});
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    return panel.waitForStarted()
           && QTest::qWaitFor([bus] { return bus->isServiceRegistered(statusNotifierWatcher()).value(); }, 20000);
}

// The items registered with the watcher, each "<bus name><object path>".
inline QStringList registeredStatusNotifierItems()
{
    QDBusInterface watcher(statusNotifierWatcher(), QStringLiteral("/StatusNotifierWatcher"),
                           QStringLiteral("org.freedesktop.DBus.Properties"));
    const QDBusReply<QDBusVariant> r = watcher.call(QStringLiteral("Get"), statusNotifierWatcher(),
                                                    QStringLiteral("RegisteredStatusNotifierItems"));
    return r.isValid() ? r.value().variant().toStringList() : QStringList{};
}

} // namespace ct::guitest
