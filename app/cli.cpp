#include "cli.h"

#include "commands/commandcontext.h"
#include "commands/commands.h"
#include "version.h"

#include <QCoreApplication>

namespace ct::cli {

namespace {
struct CommandEntry
{
    const char *name;
    int (*run)(CommandContext &);
    const char *summary;
};

const CommandEntry kCommands[] = {
    {"doctor", runDoctor, "validate the config, the keychain and (--probe) every server"},
    {"accounts", runAccounts, "list | add | remove A | set-token A [--field F]"},
    {"history", runHistory, "read the durable message history"},
    {"watch", runWatch, "connect the accounts and print events"},
    {"send", runSend, "send one message through an account"},
};
} // namespace

QString usageText()
{
    QString text = QStringLiteral("Usage: channeltray [--config PATH] [COMMAND [ARGS...]]\n\n"
                                  "Without a command, starts the tray application.\n\nCommands:\n");
    for (const auto &c : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name), -9).arg(QString::fromLatin1(c.summary));
    text += QStringLiteral("\nGlobal options:\n  --config PATH  config file (default: $CHANNELTRAY_CONFIG, "
                           "else $XDG_CONFIG_HOME/channeltray/config.json)\n"
                           "  --lang LOCALE  user-interface language (tray only)\n"
                           "  -h, --help     this text\n  --version      print the version\n\n"
                           "Exit codes: 0 ok, 1 failure, 2 usage error, 3 timeout.\n");
    return text;
}

Invocation parseInvocation(const QStringList &argv)
{
    Invocation inv;
    inv.configPath = defaultConfigPath();
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
        inv.commandArgs << a;
    }
    if (!inv.command.isEmpty()) {
        bool known = false;
        for (const auto &c : kCommands)
            known = known || inv.command == QLatin1String(c.name);
        if (!known)
            inv.usageError = QStringLiteral("unknown command \"%1\" (try --help)").arg(inv.command);
    }
    return inv;
}

int runCommand(const Invocation &inv, QTextStream &out, QTextStream &err, QTextStream &in)
{
    for (const auto &c : kCommands) {
        if (inv.command != QLatin1String(c.name))
            continue;
        CommandContext ctx{inv.configPath, inv.configPathExplicit,
                           QStringList{QStringLiteral("channeltray ") + inv.command} + inv.commandArgs,
                           out, err, in};
        return c.run(ctx);
    }
    err << "channeltray: unknown command " << inv.command << Qt::endl;
    return ExitUsage;
}

} // namespace ct::cli
