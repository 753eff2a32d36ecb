// channeltray: the tray application, or a subcommand that runs without a display. This program
// is a launcher (moduleentry.h): it reads the command line, then loads the tray's library or the
// commands' library and runs it, so the tray never maps the commands' code and a command never
// maps Qt Gui, Widgets or X11.
#include "commands/commandcontext.h"
#include "invocation.h"
#include "modulelibrary.h"
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

    using ct::app::Module;
    QString error;
    if (ct::cli::startsTheTray(inv)) {
        const bool demo = inv.command == QLatin1String("demo");
        const auto entry = reinterpret_cast<ct::app::TrayEntry>(
            ct::app::loadEntry(Module::Tray, demo ? ct::app::kRunDemoSymbol : ct::app::kRunTraySymbol, &error));
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
    const auto entry = reinterpret_cast<ct::app::CommandEntry>(
        ct::app::loadEntry(Module::Commands, ct::app::kRunCommandSymbol, &error));
    if (!entry) {
        err << "channeltray: cannot run " << inv.command << ": " << error << Qt::endl;
        return ct::cli::ExitFailure;
    }
    return entry(ct::app::CommandLaunch{&argc, argv, &inv, &out, &err, &in});
}
