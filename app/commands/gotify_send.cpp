#include "accountsupport.h"
#include "gotify/gotifyapi.h"
#include "gotify_commands.h"
#include "secrets/tokenresolver.h"

#include <QEventLoop>
#include <QJsonDocument>

namespace ct::cli {

bool gotifyEndpointFor(const Config &config, const QString &accountId, TokenResolver &tokens,
                       GotifyEndpoint *endpoint, QString *error)
{
    const GotifyAccountConfig *account = config.gotifyAccount(accountId);
    if (!account) {
        *error = QStringLiteral("no Gotify account \"%1\" in the config").arg(accountId);
        return false;
    }
    const AccountAddress address = account->address();
    const ResolvedToken app = tokens.resolveBlocking(config, address, QStringLiteral("appToken"));
    const ResolvedToken client = tokens.resolveBlocking(config, address, QStringLiteral("clientToken"));
    if (!app.found() && !client.found()) {
        const QString why = !app.message.isEmpty() ? app.message : client.message;
        *error = QStringLiteral("%1: no appToken or clientToken (inline, referenced or in the keychain)%2")
                     .arg(address.toString(), why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return false;
    }
    *endpoint = GotifyEndpoint::fromConfig(*account, app.value, client.value);
    return true;
}

int runGotifySend(CommandContext &ctx, const Config &config, const AccountAddress &account,
                  const QCommandLineParser &parser)
{
    TokenResolver tokens;
    GotifyEndpoint endpoint;
    QString error;
    if (!gotifyEndpointFor(config, account.accountId, tokens, &endpoint, &error))
        return ctx.failure(error);

    SendRequest request;
    request.account = account;
    request.text = parser.value(QStringLiteral("text"));
    request.title = parser.value(QStringLiteral("title"));
    request.markdown = parser.isSet(QStringLiteral("markdown"));
    request.clickUrl = parser.value(QStringLiteral("click-url"));
    if (parser.isSet(QStringLiteral("priority"))) {
        bool ok = false;
        request.priority = parser.value(QStringLiteral("priority")).toInt(&ok);
        if (!ok)
            return ctx.usageError(QStringLiteral("--priority needs an integer"));
    }

    GotifyApi api(endpoint);
    GotifyResult result;
    QEventLoop loop;
    api.sendMessage(request, [&](const GotifyResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok())
        return ctx.failure(QStringLiteral("%1: %2").arg(account.toString(), result.error.message()));
    keepSentMessage(ctx, config, gotifySendResult(result, account).sent);
    ctx.out << QJsonDocument(result.value.toObject()).toJson(QJsonDocument::Compact) << Qt::endl;
    return ExitOk;
}

} // namespace ct::cli
