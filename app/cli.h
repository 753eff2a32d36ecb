#pragma once
#include "invocation.h"

#include <QStringList>
#include <QTextStream>

namespace ct::cli {

// The commands runCommand() runs (every one doc/clidoc.cpp documents but "demo", which needs the
// tray and is run by the tray library, moduleentry.h).
QStringList runnableCommands();

// Runs a subcommand; returns its exit code.
int runCommand(const Invocation &inv, QTextStream &out, QTextStream &err, QTextStream &in);

} // namespace ct::cli
