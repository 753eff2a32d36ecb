#include "commands.h"

namespace ct::cli {
int runHistory(CommandContext &ctx)
{
    return ctx.failure(QStringLiteral("history: not built yet"));
}
} // namespace ct::cli
