#include "cli.h"

#include "commands/commandcontext.h"
#include "commands/commands.h"

namespace ct::cli {

namespace {
struct CommandEntry
{
    const char *name;
    int (*run)(CommandContext &);
};

const CommandEntry kCommands[] = {
    {"doctor", runDoctor}, {"accounts", runAccounts}, {"history", runHistory},
    {"watch", runWatch},   {"send", runSend},         {"notifications", runNotifications},
};
} // namespace

QStringList runnableCommands()
{
    QStringList names;
    for (const auto &c : kCommands)
        names << QString::fromLatin1(c.name);
    return names;
}

int runCommand(const Invocation &inv, QTextStream &out, QTextStream &err, QTextStream &in)
{
    for (const auto &c : kCommands) {
        if (inv.command != QLatin1String(c.name))
            continue;
        CommandContext ctx{inv.configPath,
                           inv.configPathExplicit,
                           QStringList{QStringLiteral("channeltray ") + inv.command} + inv.commandArgs,
                           out,
                           err,
                           in};
        ctx.configReason = inv.configReason;
        return c.run(ctx);
    }
    err << "channeltray: unknown command " << inv.command << Qt::endl;
    return ExitUsage;
}

} // namespace ct::cli
