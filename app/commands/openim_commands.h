#pragma once
// The OpenIM halves of `send` and `watch` (cmd_send.cpp / cmd_watch.cpp dispatch on the
// account's channel).
#include "commandcontext.h"
#include "config/configmodel.h"

#include <QCommandLineParser>

namespace ct {
class AccountConnection;
class HistoryStore;
class InboundPipeline;
class TokenResolver;
} // namespace ct

namespace ct::cli {

// `send --account multi-openim/<id> --to user:<id>|group:<id> --text T | --image U | --video U | --file U`
int runOpenImSend(CommandContext &ctx, const Config &config, const AccountAddress &account,
                  const QCommandLineParser &parser);

// A stream connection for `watch`; nullptr with `error` set when the token is missing.
AccountConnection *createOpenImWatchConnection(const Config &config, const AccountAddress &account,
                                               TokenResolver &tokens, InboundPipeline *pipeline,
                                               HistoryStore *history, QObject *parent, QString *error);

} // namespace ct::cli
