// `send [--account <channel>/<id>] …`: one message through one account (a Gotify one named by
// channels.gotify.defaultAccount when --account is not given); dispatches on the channel.
#include "accountsupport.h"
#include "commands.h"
#include "gotify_commands.h"
#include "openim_commands.h"

#include <QCommandLineParser>

namespace ct::cli {
int runSend(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("account"), QStringLiteral("Account <channel>/<id>."), QStringLiteral("A")});
    // Gotify
    parser.addOption({QStringLiteral("text"), QStringLiteral("Message text."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("Title (Gotify)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("priority"), QStringLiteral("Priority (Gotify; default: the account's)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("markdown"), QStringLiteral("Send as text/markdown (Gotify).")});
    parser.addOption(
        {QStringLiteral("click-url"), QStringLiteral("URL opened on click (Gotify)."), QStringLiteral("U")});
    // OpenIM (handled by the OpenIM branch)
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("user:<id> | group:<id> (OpenIM)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("image"), QStringLiteral("Image URL (OpenIM)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("video"), QStringLiteral("Video URL (OpenIM)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("File URL (OpenIM)."), QStringLiteral("URL")});
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    LoadResult load;
    if (!loadConfigForCommand(ctx, load))
        return ExitFailure;
    // Without --account, channels.gotify.defaultAccount (as the plugin picks it); OpenIM has no
    // default: its accounts are always named.
    QString wanted = parser.value(QStringLiteral("account"));
    if (!parser.isSet(QStringLiteral("account"))) {
        if (load.config.gotify.defaultAccount.isEmpty())
            return ctx.usageError(
                QStringLiteral("--account <channel>/<id> is required (or set channels.gotify.defaultAccount)"));
        wanted = AccountAddress{kGotifyChannel, load.config.gotify.defaultAccount}.toString();
    }
    int exitCode = ExitOk;
    const AccountAddress account = findAccount(ctx, load.config, wanted, &exitCode);
    if (!account.isValid())
        return exitCode;

    if (account.channel == kGotifyChannel) {
        if (parser.value(QStringLiteral("text")).isEmpty())
            return ctx.usageError(QStringLiteral("--text is required for a Gotify account"));
        return runGotifySend(ctx, load.config, account, parser);
    }
    return runOpenImSend(ctx, load.config, account, parser);
}
} // namespace ct::cli
