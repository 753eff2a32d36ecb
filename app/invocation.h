#pragma once
// The command line as the channeltray launcher reads it (main.cpp), before any QApplication
// exists and before it knows which of its two libraries the process needs: the tray's, or the
// commands' (moduleentry.h). Qt Core and the command line's description (doc/clidoc.h) only.
#include <QStringList>

namespace ct::cli {

struct Invocation
{
    QString command;         // "" → start the tray
    QStringList commandArgs; // arguments after the command, --config removed
    QString configPath;
    bool configPathExplicit = false;
    QString configReason; // why this file (config/configlocation.h), for doctor
    QString usageError;   // non-empty → print and exit 2
    bool help = false;    // --help: the usage, or with a command that command's help
    bool version = false;
};

Invocation parseInvocation(const QStringList &argv);
// What --help prints for `inv` (doc/clidoc.h renders it).
QString helpText(const Invocation &inv);
// The invocation starts the tray or the demo (the tray library), not a command.
bool startsTheTray(const Invocation &inv);

} // namespace ct::cli
