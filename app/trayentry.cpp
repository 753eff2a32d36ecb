// The tray library's two entry points (moduleentry.h): the only symbols it exports.
#include "moduleentry.h"

#include "democommand.h"
#include "demosandbox.h"
#include "eventloop/glibepollhook.h"
#include "net/systemproxy.h"
#include "process/signalwatcher.h"
#include "runtime/appruntime.h"
#include "trayapplication.h"
#include "traywiring.h"

#include <QApplication>

extern "C" Q_DECL_EXPORT int channeltray_run_tray(const ct::app::TrayLaunch &launch)
{
    // This library's copy of the core holds the per-server proxies the tray's accounts set, so
    // the proxy factory that reads them is installed from here too.
    ct::installSystemProxy(); // the system's proxy for servers, never for loopback ones
    // Wayland's app id and the notifications' desktop-entry: the installed desktop file's name.
    QGuiApplication::setDesktopFileName(QStringLiteral(CHANNELTRAY_APP_ID));
    QApplication app(*launch.argc, launch.argv);
    ct::GlibEpollHook epoll; // a wake-up costs the ready sockets, not all of them
    // `kill`, a session logout and Ctrl+C end the tray as its Quit does (aboutToQuit runs).
    ct::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &ct::SignalWatcher::signalled, &app, &QApplication::quit);
    ct::app::stopDemoSandboxOnQuit(launch.configPath);
    ct::AppRuntime::Options options{launch.configPath, {}};
    options.followNetwork = true; // the network back, or the machine awake: accounts reconnect at once
    ct::AppRuntime runtime(options);
    return ct::ui::runTrayApplication(app, runtime, launch.commandArgs, ct::app::trayServicesFor(runtime));
}

extern "C" Q_DECL_EXPORT int channeltray_run_demo(const ct::app::TrayLaunch &launch)
{
    ct::installSystemProxy();
    QGuiApplication::setDesktopFileName(QStringLiteral(CHANNELTRAY_APP_ID));
    return ct::app::runDemoCommand(launch.commandArgs, *launch.out, *launch.err);
}
