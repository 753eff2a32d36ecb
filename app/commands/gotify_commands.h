#pragma once
// The Gotify half of `send` (cmd_send.cpp dispatches on the account's channel; the OpenIM
// half is openim_commands.h).
#include "commandcontext.h"
#include "config/configmodel.h"

#include <QCommandLineParser>

namespace ct {
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

} // namespace ct::cli
