#include "accountsupport.h"

#include "connectivity/accountproxies.h"

namespace ct::cli {

bool loadConfigForCommand(const CommandContext &ctx, LoadResult &result, bool requireValid)
{
    result = loadConfig(ctx.configPath);
    if (!result.fileFound) {
        ctx.err << "channeltray: no config file at " << ctx.configPath
                << " (create one with `channeltray accounts add` or the tray's welcome page)" << Qt::endl;
        return false;
    }
    // Invalid JSON is never usable: the raw object is empty and saving it would wipe the file.
    if (result.ok() || (!requireValid && result.jsonValid)) {
        applyAccountProxies(result.config); // each account's `proxy`, for every command's connections
        return true;
    }
    ctx.err << "channeltray: " << ctx.configPath << " has " << result.problems.size()
            << (result.problems.size() == 1 ? " problem:" : " problems:") << Qt::endl;
    for (const QString &p : result.problemStrings())
        ctx.err << "  " << p << Qt::endl;
    return false;
}

bool accountExists(const Config &config, const AccountAddress &address)
{
    if (address.channel == kGotifyChannel)
        return config.gotifyAccount(address.accountId) != nullptr;
    if (address.channel == kOpenImChannel)
        return config.openimAccount(address.accountId) != nullptr;
    return false;
}

AccountAddress findAccount(const CommandContext &ctx, const Config &config, const QString &text, int *exitCode)
{
    const AccountAddress address = AccountAddress::parse(text);
    if (!address.isValid() || (address.channel != kGotifyChannel && address.channel != kOpenImChannel)) {
        *exitCode = ctx.usageError(
            QStringLiteral("\"%1\" is not an account address: use gotify/<id> or multi-openim/<id>").arg(text));
        return {};
    }
    if (!accountExists(config, address)) {
        *exitCode = ctx.failure(QStringLiteral("no account %1 in %2").arg(text, ctx.configPath));
        return {};
    }
    return address;
}

} // namespace ct::cli
