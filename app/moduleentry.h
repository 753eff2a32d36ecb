#pragma once
// What the channeltray executable and its two libraries (in the package's private library
// folder) agree on. The executable is a launcher: it reads the command line (invocation.h),
// answers --help, --version and usage errors itself, and loads one library (modulelibrary.h):
// - libchanneltray-tray.so to start the tray or the demo;
// - libchanneltray-cli.so to run a command (watch, send, doctor, ...).
// Each library carries its own copy of the core and exports nothing but its entry points, so a
// command never maps Qt Gui, Widgets or X11, and the tray never maps the commands' code
// (issue 11: one account's memory).
#include "invocation.h"

#include <QStringList>
#include <QTextStream>

namespace ct::app {

struct TrayLaunch
{
    int *argc = nullptr; // main()'s, for QApplication (which keeps a reference to it)
    char **argv = nullptr;
    QString configPath;
    QStringList commandArgs; // the tray's own arguments (--hidden, ...) or the demo's
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
};

struct CommandLaunch
{
    int *argc = nullptr; // main()'s, for QCoreApplication
    char **argv = nullptr;
    const cli::Invocation *invocation = nullptr; // names a command (never the tray or demo)
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
    QTextStream *in = nullptr;
};

using TrayEntry = int (*)(const TrayLaunch &launch);
using CommandEntry = int (*)(const CommandLaunch &launch);

// In the tray library. Starts the tray (QApplication, the core, the tray icon) and returns its
// exit code.
inline constexpr char kRunTraySymbol[] = "channeltray_run_tray";
// In the tray library. `channeltray demo`, under the QCoreApplication the executable made
// (democommand.h).
inline constexpr char kRunDemoSymbol[] = "channeltray_run_demo";
// In the commands' library. Runs the command under a QCoreApplication of its own.
inline constexpr char kRunCommandSymbol[] = "channeltray_run_command";

} // namespace ct::app
