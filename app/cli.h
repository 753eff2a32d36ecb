#pragma once
#include <QStringList>
#include <QTextStream>

namespace ct::cli {

// Result of looking at argv before any QApplication exists.
struct Invocation
{
    QString command;        // "" → start the tray
    QStringList commandArgs; // arguments after the command, --config removed
    QString configPath;
    bool configPathExplicit = false;
    QString usageError;     // non-empty → print and exit 2
    bool help = false;
    bool version = false;
};

Invocation parseInvocation(const QStringList &argv);
QString usageText();

// Runs a subcommand; returns its exit code.
int runCommand(const Invocation &inv, QTextStream &out, QTextStream &err, QTextStream &in);

} // namespace ct::cli
