#pragma once
// The OpenIM half of `send` (cmd_send.cpp dispatches on the account's channel).
#include "commandcontext.h"
#include "config/configmodel.h"

#include <QCommandLineParser>

namespace ct::cli {

// `send --account multi-openim/<id> --to user:<id>|group:<id> --text T | --image U | --video U | --file U`
int runOpenImSend(CommandContext &ctx, const Config &config, const AccountAddress &account,
                  const QCommandLineParser &parser);

} // namespace ct::cli
