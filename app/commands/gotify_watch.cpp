#include "gotify/gotifyconnection.h"
#include "gotify_commands.h"
#include "secrets/tokenresolver.h"

namespace ct::cli {

AccountConnection *createGotifyWatchConnection(const Config &config, const AccountAddress &account,
                                               TokenResolver &tokens, InboundPipeline *pipeline,
                                               HistoryStore *history, QObject *parent, QString *error)
{
    GotifyEndpoint endpoint;
    if (!gotifyEndpointFor(config, account.accountId, tokens, &endpoint, error))
        return nullptr;
    if (endpoint.clientToken.isEmpty()) {
        *error = QStringLiteral("%1: watching needs a clientToken").arg(account.toString());
        return nullptr;
    }
    const GotifyAccountConfig *cfg = config.gotifyAccount(account.accountId);
    InboundSettings inbound = cfg->inbound;
    inbound.enabled = true; // watch was asked for explicitly
    return new GotifyConnection(endpoint, inbound, pipeline, history, parent);
}

} // namespace ct::cli
