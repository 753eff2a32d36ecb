#pragma once
#include "commandcontext.h"

namespace ct::cli {
// One file each: commands/cmd_<name>.cpp
int runDoctor(CommandContext &ctx);
int runAccounts(CommandContext &ctx);
int runHistory(CommandContext &ctx);
int runWatch(CommandContext &ctx);
int runSend(CommandContext &ctx);
int runNotifications(CommandContext &ctx);
} // namespace ct::cli
