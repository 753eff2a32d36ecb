#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace ct::cli {

// Exit codes of every subcommand (docs/architecture.md "Command line").
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitTimeout = 3 };

// What a subcommand gets: its own arguments (without the subcommand name), the config path
// chosen by --config / $CHANNELTRAY_CONFIG / the default, and where to print.
struct CommandContext
{
    QString configPath;
    bool configPathExplicit = false; // --config given or $CHANNELTRAY_CONFIG set
    QStringList args;                // args[0] is "channeltray <command>" for QCommandLineParser
    QTextStream &out;
    QTextStream &err;
    QTextStream &in;
    QString configReason = {}; // why configPath (config/configlocation.h)

    // Prints "channeltray <cmd>: <reason>" on stderr and returns ExitUsage.
    int usageError(const QString &reason) const;
    int failure(const QString &reason) const;
};

// The config path when no --config is given (config/configlocation.h).
QString defaultConfigPath();

} // namespace ct::cli
