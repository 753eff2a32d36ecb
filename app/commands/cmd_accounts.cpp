#include "commands.h"

namespace ct::cli {
int runAccounts(CommandContext &ctx)
{
    return ctx.failure(QStringLiteral("accounts: not built yet"));
}
} // namespace ct::cli
