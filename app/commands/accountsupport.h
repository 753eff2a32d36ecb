#pragma once
// Shared by the subcommands: loading the config with a clear report, and account lookup.
#include "commandcontext.h"
#include "config/configloader.h"

namespace ct::cli {

// Loads ctx.configPath. Prints each problem as "<json path>: <problem>" on stderr and returns
// false when the file cannot be used (missing, invalid JSON, or any problem at all when
// `requireValid`).
bool loadConfigForCommand(const CommandContext &ctx, LoadResult &result, bool requireValid = true);

// Parses "<channel>/<id>" and checks the account exists in the config. On failure prints the
// reason and returns an invalid address; `exitCode` is set to ExitUsage or ExitFailure.
AccountAddress findAccount(const CommandContext &ctx, const Config &config, const QString &text, int *exitCode);

bool accountExists(const Config &config, const AccountAddress &address);

} // namespace ct::cli
