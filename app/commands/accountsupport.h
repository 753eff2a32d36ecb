#pragma once
// Shared by the subcommands: loading the config with a clear report, account lookup, and
// keeping a sent message in the history.
#include "commandcontext.h"
#include "config/configloader.h"
#include "inbound/inboundmessage.h"

namespace ct::cli {

// Loads ctx.configPath. Prints each problem as "<json path>: <problem>" on stderr and returns
// false when the file cannot be used (missing, invalid JSON, or any problem at all when
// `requireValid`).
bool loadConfigForCommand(const CommandContext &ctx, LoadResult &result, bool requireValid = true);

// Parses "<channel>/<id>" and checks the account exists in the config. On failure prints the
// reason and returns an invalid address; `exitCode` is set to ExitUsage or ExitFailure.
AccountAddress findAccount(const CommandContext &ctx, const Config &config, const QString &text, int *exitCode);

bool accountExists(const Config &config, const AccountAddress &address);

// Stores a message `send` sent in the history, as the tray does (storeSentMessage). A history
// that cannot be opened is reported on stderr; the send itself has succeeded all the same.
void keepSentMessage(const CommandContext &ctx, const Config &config, const InboundMessage &sent);

} // namespace ct::cli
