// channeltray accounts list [--json] | add A [flags] | remove A | set-token A [--field F]
// Setup without the GUI. Tokens are read from standard input (never from argv) and go to the
// keychain; a token that was inline in the config is then removed from the file. The keychain
// is written by the command's runtime (AppRuntime::setToken, removeTokens), as from the tray;
// the config file too: an edit is made on its document and written by AppRuntime::writeConfig,
// which connects nothing (docs/architecture.md "The config document: one writer").
#include "accountsupport.h"
#include "commandruntime.h"
#include "commands.h"
#include "config/configeditor.h"
#include "config/jsonreader.h"
#include "runtime/appruntime.h"
#include "secrets/tokenresolver.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace ct::cli {

namespace {

int listAccounts(CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per line.")});
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    LoadResult load;
    if (!loadConfigForCommand(ctx, load, /*requireValid=*/false))
        return ExitFailure;
    const Config &c = load.config;
    const bool json = parser.isSet(QStringLiteral("json"));
    auto print = [&](const AccountAddress &a, bool enabled, const QString &server, const QStringList &inlineFields,
                     const QString &name) {
        if (json) {
            ctx.out << QJsonDocument(QJsonObject{{"account", a.toString()},
                                                 {"channel", a.channel},
                                                 {"id", a.accountId},
                                                 {"name", name.isEmpty() ? a.accountId : name},
                                                 {"enabled", enabled},
                                                 {"server", JsonReader::safeUrlForMessage(server)},
                                                 {"inlineTokens", QJsonArray::fromStringList(inlineFields)}})
                           .toJson(QJsonDocument::Compact)
                    << Qt::endl;
        } else {
            ctx.out << a.toString() << "\t" << (enabled ? "enabled" : "disabled") << "\t"
                    << JsonReader::safeUrlForMessage(server) << Qt::endl;
        }
    };
    for (const auto &a : c.gotify.accounts) {
        QStringList inl;
        if (!a.appToken.isEmpty() && !a.credentialRefs.contains(QStringLiteral("appToken")))
            inl << QStringLiteral("appToken");
        if (!a.clientToken.isEmpty() && !a.credentialRefs.contains(QStringLiteral("clientToken")))
            inl << QStringLiteral("clientToken");
        print(a.address(), c.gotify.enabled && a.enabled, a.serverUrl, inl, a.name);
    }
    for (const auto &a : c.openim.accounts)
        print(a.address(), c.openim.enabled && a.enabled, a.wsAddr,
              a.token.isEmpty() || a.credentialRefs.contains(QStringLiteral("token"))
                  ? QStringList{}
                  : QStringList{QStringLiteral("token")},
              a.name);
    return ExitOk;
}

// The file is absent (`add` writes a new one) or readable JSON; else its problems are printed.
// The config as it is (none yet is fine: `add` makes it), read once; false, with its problems
// printed, when the file is there and cannot be read or is not JSON.
bool absentOrReadable(const CommandContext &ctx, LoadResult &load)
{
    return !QFile::exists(ctx.configPath) || loadConfigForCommand(ctx, load, /*requireValid=*/false);
}

int addAccount(CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("account"), QStringLiteral("gotify/<id> or multi-openim/<id>"));
    parser.addOption({QStringLiteral("server-url"), QStringLiteral("Gotify server URL."), QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("default-priority"), QStringLiteral("Gotify default priority."), QStringLiteral("n")});
    parser.addOption(
        {QStringLiteral("ws-addr"), QStringLiteral("OpenIM gateway ws:// URL."), QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("api-addr"), QStringLiteral("OpenIM REST http:// URL."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("user-id"), QStringLiteral("OpenIM userID (default: from the token)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("platform-id"),
                      QStringLiteral("OpenIM platformID (default: from the token)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("disabled"), QStringLiteral("Add the account switched off.")});
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return ctx.usageError(QStringLiteral("accounts add needs exactly one account, e.g. gotify/ops"));
    const AccountAddress address = AccountAddress::parse(pos.first());
    const bool gotify = address.channel == kGotifyChannel;
    if (!address.isValid() || (!gotify && address.channel != kOpenImChannel))
        return ctx.usageError(
            QStringLiteral("\"%1\" is not an account address: use gotify/<id> or multi-openim/<id>")
                .arg(pos.first()));
    QJsonObject account;
    auto intOption = [&](const QString &name, const QString &key) -> bool {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        const int v = parser.value(name).toInt(&ok);
        if (ok)
            account.insert(key, v);
        return ok;
    };
    if (gotify) {
        if (!parser.isSet(QStringLiteral("server-url")))
            return ctx.usageError(QStringLiteral("a Gotify account needs --server-url"));
        account.insert(QStringLiteral("serverUrl"), parser.value(QStringLiteral("server-url")));
        if (!intOption(QStringLiteral("default-priority"), QStringLiteral("defaultPriority")))
            return ctx.usageError(QStringLiteral("--default-priority needs a whole number"));
    } else {
        if (!parser.isSet(QStringLiteral("ws-addr")) || !parser.isSet(QStringLiteral("api-addr")))
            return ctx.usageError(QStringLiteral("an OpenIM account needs --ws-addr and --api-addr"));
        account.insert(QStringLiteral("wsAddr"), parser.value(QStringLiteral("ws-addr")));
        account.insert(QStringLiteral("apiAddr"), parser.value(QStringLiteral("api-addr")));
        if (parser.isSet(QStringLiteral("user-id")))
            account.insert(QStringLiteral("userID"), parser.value(QStringLiteral("user-id")));
        if (!intOption(QStringLiteral("platform-id"), QStringLiteral("platformID")))
            return ctx.usageError(QStringLiteral("--platform-id needs a whole number"));
    }
    if (parser.isSet(QStringLiteral("disabled")))
        account.insert(QStringLiteral("enabled"), false);

    LoadResult load;
    if (!absentOrReadable(ctx, load))
        return ExitFailure;
    AppRuntime runtime(AppRuntime::Options::offline(ctx.configPath));
    runtime.useConfigRead(load); // the file is read once per command
    QJsonObject root = runtime.document().raw;
    if (!ConfigEditor::valueAt(root, ConfigEditor::accountPath(address)).isUndefined())
        return ctx.failure(QStringLiteral("%1 already exists in %2").arg(address.toString(), ctx.configPath));
    QString error;
    if (!ConfigEditor::setAt(root, ConfigEditor::accountPath(address), account, &error))
        return ctx.failure(error);
    // Only problems of the new account stop the save; older ones were there before.
    const QString prefix = ConfigEditor::dottedPath(ConfigEditor::accountPath(address));
    QStringList ownProblems;
    for (const ConfigProblem &p : configFromJson(root).problems)
        if (p.path.startsWith(prefix))
            ownProblems << p.toString();
    if (!ownProblems.isEmpty()) {
        for (const QString &p : ownProblems)
            ctx.err << "  " << p << Qt::endl;
        return ctx.failure(QStringLiteral("%1 was not added").arg(address.toString()));
    }
    if (!runtime.writeConfig(root, &error))
        return ctx.failure(error);
    ctx.out << "added " << address.toString()
            << "; now store its token(s): echo -n TOKEN | channeltray accounts set-token " << address.toString()
            << (gotify ? " --field clientToken (and --field appToken to send)" : "") << Qt::endl;
    return ExitOk;
}

int removeAccount(CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("account"), QStringLiteral("the account to remove"));
    parser.addOption({QStringLiteral("keep-secrets"), QStringLiteral("Leave its tokens in the keychain.")});
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("accounts remove needs exactly one account"));
    LoadResult load;
    if (!loadConfigForCommand(ctx, load, /*requireValid=*/false))
        return ExitFailure;
    int code = ExitOk;
    const AccountAddress address = findAccount(ctx, load.config, parser.positionalArguments().first(), &code);
    if (!address.isValid())
        return code;
    AppRuntime runtime(AppRuntime::Options::offline(ctx.configPath));
    runtime.useConfigRead(load); // the file is read once per command
    QJsonObject root = runtime.document().raw;
    ConfigEditor::removeAccount(root, address);
    QString error;
    if (!runtime.writeConfig(root, &error))
        return ctx.failure(error);
    ctx.out << "removed " << address.toString() << " from " << ctx.configPath << Qt::endl;
    if (parser.isSet(QStringLiteral("keep-secrets")))
        return ExitOk;
    const auto failed = awaitCallback<QMap<QString, QString>>(
        [&](auto done) { runtime.removeTokens(address, std::move(done)); });
    for (auto it = failed.cbegin(); it != failed.cend(); ++it)
        ctx.err << "channeltray accounts: could not remove " << it.key() << " from the keychain: " << it.value()
                << Qt::endl;
    return failed.isEmpty() ? ExitOk : ExitFailure;
}

int setToken(CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("account"), QStringLiteral("the account"));
    parser.addOption(
        {QStringLiteral("field"), QStringLiteral("token | appToken | clientToken"), QStringLiteral("field")});
    if (!parser.parse(args))
        return ctx.usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return ctx.usageError(QStringLiteral("accounts set-token needs exactly one account"));
    const AccountAddress parsed = AccountAddress::parse(parser.positionalArguments().first());
    const QStringList fields = TokenResolver::fieldsFor(parsed.channel);
    if (fields.isEmpty())
        return ctx.usageError(
            QStringLiteral("\"%1\" is not an account address: use gotify/<id> or multi-openim/<id>")
                .arg(parser.positionalArguments().first()));
    QString field = parser.value(QStringLiteral("field"));
    if (field.isEmpty()) {
        if (fields.size() > 1)
            return ctx.usageError(
                QStringLiteral("a Gotify account has two tokens: say --field appToken or --field clientToken"));
        field = fields.first();
    }
    if (!fields.contains(field))
        return ctx.usageError(QStringLiteral("%1 accounts have no field \"%2\" (use %3)")
                                  .arg(parsed.channel, field, fields.join(QStringLiteral(" or "))));
    LoadResult load;
    if (!loadConfigForCommand(ctx, load, /*requireValid=*/false))
        return ExitFailure;
    int code = ExitOk;
    const AccountAddress address = findAccount(ctx, load.config, parsed.toString(), &code);
    if (!address.isValid())
        return code;

    const QString token = ctx.in.readAll().trimmed();
    if (token.isEmpty())
        return ctx.usageError(
            QStringLiteral("no token on standard input (echo -n TOKEN | channeltray accounts set-token ...)"));
    // The runtime stores it as the account editor's does; a new OpenIM token from the user also
    // ends a "needs manual login" state: its marker goes away (TokenRefresher::tokenReplaced).
    AppRuntime runtime(AppRuntime::Options::offline(ctx.configPath));
    // Where the marker is comes from the config; no account is built (nothing to connect).
    runtime.useMarkerPlace(load.config);
    QObject::connect(&runtime, &AppRuntime::loginMarkerRemoved, &runtime,
                     [&](const AccountAddress &, const QString &path) {
                         ctx.out << "removed the manual-login marker " << path << Qt::endl;
                     });
    const SecretResult written = awaitCallback<SecretResult>(
        [&](auto done) { runtime.setToken(address, field, token, std::move(done)); });
    if (!written.ok())
        return ctx.failure(QStringLiteral("the token was not stored: %1").arg(written.message));

    // A ${VAR} or SecretRef in the file is the owner's choice: it stays, and still wins.
    if (const CredentialRef *ref = TokenResolver::reference(load.config, address, field)) {
        ctx.out << "stored " << field << " of " << address.toString() << " in the keychain; the config file "
                << "keeps its reference (" << ref->description << "), which is used while it is there" << Qt::endl;
        return ExitOk;
    }
    runtime.useConfigRead(load); // the file is read once per command
    QJsonObject root = runtime.document().raw;
    const QStringList path = ConfigEditor::accountFieldPath(root, address, field);
    if (ConfigEditor::removeAt(root, path)) {
        QString error;
        if (!runtime.writeConfig(root, &error))
            return ctx.failure(
                QStringLiteral("the token is in the keychain, but the plain-text copy could not be removed: %1")
                    .arg(error));
        ctx.out << "stored " << field << " of " << address.toString()
                << " in the keychain and removed the plain-text copy from " << ctx.configPath << Qt::endl;
    } else {
        ctx.out << "stored " << field << " of " << address.toString() << " in the keychain" << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runAccounts(CommandContext &ctx)
{
    const QStringList rest = ctx.args.mid(1);
    if (rest.isEmpty())
        return ctx.usageError(QStringLiteral("accounts needs one of: list, add, remove, set-token"));
    const QString sub = rest.first();
    QStringList args{ctx.args.first() + QLatin1Char(' ') + sub};
    args += rest.mid(1);
    if (sub == QLatin1String("list"))
        return listAccounts(ctx, args);
    if (sub == QLatin1String("add"))
        return addAccount(ctx, args);
    if (sub == QLatin1String("remove"))
        return removeAccount(ctx, args);
    if (sub == QLatin1String("set-token"))
        return setToken(ctx, args);
    return ctx.usageError(
        QStringLiteral("unknown accounts command \"%1\" (list, add, remove, set-token)").arg(sub));
}

} // namespace ct::cli
