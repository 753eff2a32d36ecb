#pragma once
// What the channeltray executable and its tray library (libchanneltray-tray.so, in the package's
// private library folder) agree on. The executable links only the core and Qt Core, Network,
// Sql and DBus, so the commands that run without a display never map Qt Gui, Widgets or X11; it
// loads the library (traylibrary.h) only to start the tray or the demo, and calls one of the two
// entry points below. The library carries its own copy of the core and runs everything of the
// tray with it; the executable's copy has done nothing but read the command line by then.
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

using TrayEntry = int (*)(const TrayLaunch &launch);

// Starts the tray (QApplication, the core, the tray icon) and returns its exit code.
inline constexpr char kRunTraySymbol[] = "channeltray_run_tray";
// `channeltray demo`, under the QCoreApplication the executable made (democommand.h).
inline constexpr char kRunDemoSymbol[] = "channeltray_run_demo";

} // namespace ct::app
