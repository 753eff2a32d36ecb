#include "commands.h"

namespace ct::cli {
int runSend(CommandContext &ctx)
{
    // The channel clients arrive with the Gotify and OpenIM issues.
    return ctx.failure(QStringLiteral("send: no channel client is built into this version yet"));
}
} // namespace ct::cli
