#pragma once
#include <QStringList>
#include <QTextStream>

namespace ct::cli {

// Result of looking at argv before any QApplication exists.
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
// The commands runCommand() runs (every one doc/clidoc.cpp documents but "demo", which needs the
// tray and is run by main.cpp).
QStringList runnableCommands();

// Runs a subcommand; returns its exit code.
int runCommand(const Invocation &inv, QTextStream &out, QTextStream &err, QTextStream &in);

} // namespace ct::cli
