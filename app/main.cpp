// channeltray: the tray application, or a subcommand that runs without a display. The tray (and
// the demo, which starts one) live in a library loaded only for them (trayentry.h), so a
// subcommand never maps Qt Gui, Widgets or X11.
#include "cli.h"
#include "commands/commandcontext.h"
#include "eventloop/glibepollhook.h"
#include "net/systemproxy.h"
#include "traylibrary.h"
#include "version.h"

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

    const bool demo = inv.command == QLatin1String("demo");
    if (inv.command.isEmpty() || demo) {
        QString error;
        const ct::app::TrayEntry entry = ct::app::loadTrayEntry(
            demo ? ct::app::kRunDemoSymbol : ct::app::kRunTraySymbol, &error);
        if (!entry) {
            err << "channeltray: cannot start the tray: " << error << Qt::endl;
            return ct::cli::ExitFailure;
        }
        const ct::app::TrayLaunch launch{&argc, argv, inv.configPath, inv.commandArgs, &out, &err};
        if (demo) {
            QCoreApplication app(argc, argv);
            return entry(launch);
        }
        return entry(launch); // makes its own QApplication
    }
    ct::installSystemProxy(); // the system's proxy for servers, never for loopback ones
    QCoreApplication app(argc, argv);
    ct::GlibEpollHook epoll; // `watch` with many accounts: a wake-up costs the ready sockets
    return ct::cli::runCommand(inv, out, err, in);
}
