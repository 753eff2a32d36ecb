#include "commands.h"

namespace ct::cli {
int runDoctor(CommandContext &ctx)
{
    return ctx.failure(QStringLiteral("doctor: not built yet"));
}
} // namespace ct::cli
