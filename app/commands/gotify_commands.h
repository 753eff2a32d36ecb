#pragma once
// The Gotify halves of `send` and `watch` (cmd_send.cpp / cmd_watch.cpp dispatch on the
// account's channel; an OpenIM branch goes next to these).
#include "commandcontext.h"
#include "config/configmodel.h"

#include <QCommandLineParser>

namespace ct {
class AccountConnection;
class HistoryStore;
class InboundPipeline;
class TokenResolver;
struct GotifyEndpoint;
} // namespace ct

namespace ct::cli {

// Resolves the account's tokens (inline first, else the keychain) into an endpoint.
// Returns false and sets `error` when the account or a needed token is missing.
bool gotifyEndpointFor(const Config &config, const QString &accountId, TokenResolver &tokens,
                       ct::GotifyEndpoint *endpoint, QString *error);

// `send --account gotify/<id> --text … [--title] [--priority] [--markdown] [--click-url]`.
int runGotifySend(CommandContext &ctx, const Config &config, const AccountAddress &account,
                  const QCommandLineParser &parser);

// A started-on-demand stream connection for `watch`; nullptr with `error` set on failure.
AccountConnection *createGotifyWatchConnection(const Config &config, const AccountAddress &account,
                                               TokenResolver &tokens, InboundPipeline *pipeline,
                                               HistoryStore *history, QObject *parent, QString *error);

} // namespace ct::cli
