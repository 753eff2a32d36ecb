// channeltray: the tray application, or a subcommand that runs without a display.
#include "cli.h"
#include "commands/commandcontext.h"
#include "democommand.h"
#include "demosandbox.h"
#include "net/systemproxy.h"
#include "process/signalwatcher.h"
#include "runtime/appruntime.h"
#include "trayapplication.h"
#include "traywiring.h"
#include "version.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char **argv)
{
    QStringList argvList;
    for (int i = 0; i < argc; ++i)
        argvList << QString::fromLocal8Bit(argv[i]);
    const ct::cli::Invocation inv = ct::cli::parseInvocation(argvList);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    if (!inv.usageError.isEmpty()) {
        err << "channeltray: " << inv.usageError << Qt::endl;
        return ct::cli::ExitUsage;
    }
    if (inv.help) {
        out << ct::cli::helpText(inv);
        return ct::cli::ExitOk;
    }
    if (inv.version) {
        out << "channeltray " << ct::versionString() << Qt::endl;
        return ct::cli::ExitOk;
    }
    QCoreApplication::setOrganizationName(QStringLiteral("channeltray"));
    QCoreApplication::setApplicationName(QStringLiteral("channeltray"));
    QCoreApplication::setApplicationVersion(ct::versionString());
    ct::installSystemProxy(); // the system's proxy for servers, never for loopback ones
    // Wayland's app id and the notifications' desktop-entry: the installed desktop file's name.
    QGuiApplication::setDesktopFileName(QStringLiteral(CHANNELTRAY_APP_ID));

    if (inv.command.isEmpty()) {
        QApplication app(argc, argv);
        // `kill`, a session logout and Ctrl+C end the tray as its Quit does (aboutToQuit runs).
        ct::SignalWatcher signalWatcher;
        QObject::connect(&signalWatcher, &ct::SignalWatcher::signalled, &app, &QApplication::quit);
        ct::app::stopDemoSandboxOnQuit(inv.configPath);
        ct::AppRuntime runtime({inv.configPath, {}});
        return ct::ui::runTrayApplication(app, runtime, inv.commandArgs, ct::app::trayServicesFor(runtime));
    }
    QCoreApplication app(argc, argv);
    if (inv.command == QLatin1String("demo"))
        return ct::app::runDemoCommand(inv.commandArgs, out, err);
    return ct::cli::runCommand(inv, out, err, in);
}
