#include "invocation.h"

#include "config/configlocation.h"
#include "doc/clidoc.h"

namespace ct::cli {

QString helpText(const Invocation &inv)
{
    return inv.command.isEmpty() ? usageText() : commandHelp(inv.command);
}

Invocation parseInvocation(const QStringList &argv)
{
    Invocation inv;
    const ConfigLocation location = resolveConfigLocation({}, qEnvironmentVariable("CHANNELTRAY_CONFIG"));
    inv.configPath = location.path;
    inv.configReason = location.reason;
    inv.configPathExplicit = !qEnvironmentVariableIsEmpty("CHANNELTRAY_CONFIG");
    for (qsizetype i = 1; i < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (a == QLatin1String("--config") || a.startsWith(QLatin1String("--config="))) {
            QString value;
            if (a == QLatin1String("--config")) {
                if (i + 1 >= argv.size()) {
                    inv.usageError = QStringLiteral("--config needs a path");
                    return inv;
                }
                value = argv.at(++i);
            } else {
                value = a.mid(9);
            }
            if (value.isEmpty()) {
                inv.usageError = QStringLiteral("--config needs a path");
                return inv;
            }
            inv.configPath = value;
            inv.configReason = resolveConfigLocation(value, {}).reason;
            inv.configPathExplicit = true;
            continue;
        }
        if (inv.command.isEmpty()) {
            if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
                inv.help = true;
                continue;
            }
            if (a == QLatin1String("--version")) {
                inv.version = true;
                continue;
            }
            if (a == QLatin1String("--lang") || a.startsWith(QLatin1String("-"))) {
                // Tray options (Qt's own, --lang) are left to the GUI.
                inv.commandArgs << a;
                if (a == QLatin1String("--lang") && i + 1 < argv.size())
                    inv.commandArgs << argv.at(++i);
                continue;
            }
            inv.command = a;
            continue;
        }
        if (a == QLatin1String("-h") || a == QLatin1String("--help"))
            inv.help = true; // channeltray COMMAND --help: that command's options
        inv.commandArgs << a;
    }
    if (!inv.command.isEmpty() && !commandNames().contains(inv.command))
        inv.usageError = QStringLiteral("unknown command \"%1\" (try --help)").arg(inv.command);
    return inv;
}

bool startsTheTray(const Invocation &inv)
{
    return inv.usageError.isEmpty() && !inv.help && !inv.version
           && (inv.command.isEmpty() || inv.command == QLatin1String("demo"));
}

} // namespace ct::cli
