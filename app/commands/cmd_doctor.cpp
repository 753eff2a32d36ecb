// channeltray doctor [--json] [--probe]
// Validates the config, tells where each token comes from (keychain, plain text in the config,
// missing), the expiry of OpenIM tokens, and with --probe asks every server. Exit 1 on any
// problem. Token values are never printed.
#include "accountsupport.h"
#include "commandruntime.h"
#include "commands.h"
#include "config/configsources.h"
#include "config/dotenv.h"
#include "config/inlinesecrets.h"
#include "config/openclawpaths.h"
#include "config/tokencheck.h"
#include "doctorhistory.h"
#include "net/jwtclaims.h"
#include "refresh/exposedfiles.h"
#include "runtime/appruntime.h"
#include "runtime/runtimestatusapi.h"
#include "secrets/tokenresolver.h"
#include "status/statusapidoctor.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

namespace ct::cli {

namespace {

struct TokenReport
{
    QString field;
    ResolvedToken token;
};

struct AccountReport
{
    AccountAddress address;
    bool enabled = true;
    QList<TokenReport> tokens;
    QString userID;
    QDateTime expiresAt;
    QStringList problems;
    QStringList notes;
    QJsonObject probe;
};

bool accountEnabled(const Config &config, const AccountAddress &a)
{
    if (a.channel == kGotifyChannel) {
        const auto *g = config.gotifyAccount(a.accountId);
        return config.gotify.enabled && g && g->enabled;
    }
    const auto *o = config.openimAccount(a.accountId);
    return config.openim.enabled && o && o->enabled;
}

QList<AccountAddress> allAccounts(const Config &config)
{
    QList<AccountAddress> out;
    for (const auto &a : config.gotify.accounts)
        out << a.address();
    for (const auto &a : config.openim.accounts)
        out << a.address();
    return out;
}

// Where each token of the account comes from: as the runtime resolved it when it applied the
// config (the one rule, each keychain entry read once).
AccountReport inspect(const Config &config, const AccountAddress &address, AppRuntime &runtime)
{
    AccountReport r;
    r.address = address;
    r.enabled = accountEnabled(config, address);
    for (const QString &field : TokenResolver::fieldsFor(address.channel)) {
        TokenReport t{field, runtime.resolvedToken(address, field)};
        const CredentialRef *ref = TokenResolver::reference(config, address, field);
        if (ref && !ref->resolved() && r.enabled)
            r.problems << QStringLiteral("%1: %2").arg(field, t.token.message);
        // A refreshed token never overwrites a reference: it is kept in the keychain.
        if (ref && address.channel == kOpenImChannel && awaitCallback<QStringList>([&](auto done) {
                                                            runtime.storedTokenFields(address, {}, done);
                                                        }).contains(field))
            r.notes << QStringLiteral("a refreshed %1 is in the keychain (the config file keeps %2)")
                           .arg(field, ref->description);
        if (t.token.origin == TokenOrigin::Inline)
            r.notes << QStringLiteral("%1 is stored in plain text in the config file; move it to the "
                                      "keychain with `channeltray accounts set-token %2 --field %1`")
                           .arg(field, address.toString());
        r.tokens << t;
    }
    if (address.channel == kOpenImChannel) {
        const ResolvedToken &t = r.tokens.first().token;
        if (t.found()) {
            QString why;
            if (const auto claims = JwtClaims::parse(t.value, &why)) {
                r.userID = claims->userID;
                r.expiresAt = claims->expiresAt;
                if (claims->isExpiredAt(QDateTime::currentDateTimeUtc()))
                    r.problems
                        << QStringLiteral("token expired at %1").arg(claims->expiresAt.toString(Qt::ISODate));
            } else {
                r.problems << QStringLiteral("token is not a readable JWT: %1").arg(why);
            }
        } else if (r.enabled && !TokenResolver::reference(config, address, QStringLiteral("token"))) {
            r.problems << t.message;
        }
    } else if (r.enabled) {
        const bool any = std::any_of(r.tokens.cbegin(), r.tokens.cend(),
                                     [](const TokenReport &t) { return t.token.found(); });
        if (!any && r.problems.isEmpty())
            r.problems << QStringLiteral("no appToken or clientToken in the config file or the keychain");
        for (const TokenReport &t : r.tokens)
            if (!t.token.found() && t.token.keychainError != SecretError::NotFound
                && t.token.keychainError != SecretError::None)
                r.problems << QStringLiteral("%1: %2").arg(t.field, t.token.message);
    }
    return r;
}

QJsonObject toJson(const AccountReport &r)
{
    QJsonObject tokens;
    QJsonObject sources;
    for (const TokenReport &t : r.tokens) {
        tokens.insert(t.field, tokenOriginName(t.token.origin));
        if (!t.token.source.isEmpty())
            sources.insert(t.field, t.token.source);
    }
    QJsonObject o{{"account", r.address.toString()},
                  {"enabled", r.enabled},
                  {"tokens", tokens},
                  {"tokenSources", sources},
                  {"problems", QJsonArray::fromStringList(r.problems)},
                  {"notes", QJsonArray::fromStringList(r.notes)}};
    if (!r.userID.isEmpty())
        o.insert("userID", r.userID);
    if (r.expiresAt.isValid())
        o.insert("tokenExpiresAt", r.expiresAt.toString(Qt::ISODate));
    if (!r.probe.isEmpty())
        o.insert("probe", r.probe);
    return o;
}

// "env NAME" for a variable the process does not have but OpenClaw's global .env does becomes
// "env NAME from <.env>".
void nameDotEnvOrigins(QList<AccountReport> &reports)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QList<QPair<QString, QHash<QString, QString>>> files;
    for (const QString &file : openClawDotEnvFiles(env))
        files.append({file, readDotEnvFile(file)});
    static const QRegularExpression single(QStringLiteral("^env ([A-Z_][A-Z0-9_]*)\\z"));
    for (AccountReport &r : reports)
        for (TokenReport &t : r.tokens) {
            const QRegularExpressionMatch m = single.match(t.token.source);
            if (!m.hasMatch() || env.contains(m.captured(1)))
                continue;
            for (const auto &[file, vars] : std::as_const(files))
                if (vars.contains(m.captured(1))) {
                    t.token.source += QStringLiteral(" from ") + file;
                    break;
                }
        }
}

// Where the config file and OpenClaw's global .env are, and why this file; `files`: the config's
// files as the command's one read of them saw them.
QJsonObject configSources(const CommandContext &ctx, const ConfigSources &files)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QJsonObject o{{"path", ctx.configPath}, {"reason", ctx.configReason}};
    QJsonArray dotEnv;
    for (const QString &file : openClawDotEnvFiles(env))
        if (QFileInfo::exists(file))
            dotEnv.append(file);
    if (!dotEnv.isEmpty())
        o.insert("dotEnv", dotEnv);
    QJsonArray included;
    for (qsizetype i = 1; i < files.files().size(); ++i)
        included.append(files.files().at(i).path);
    if (!included.isEmpty())
        o.insert("includes", included);
    // A file with a token in plain text that others can read (ChannelTray writes such a file
    // 0600; one written by hand or by another program may be wider).
    QJsonArray warnings;
    for (const ConfigSources::File &file : files.files())
        if (const QString mode = exposedSecretFileMode(file.path, file.bytes); !mode.isEmpty())
            warnings.append(QStringLiteral("%1 holds tokens in plain text and others can read it (mode %2): "
                                           "run `chmod 600 %1`, or move the tokens to the keychain")
                                .arg(file.path, mode));
    // OpenClaw's .env, where ${VAR} tokens often come from, should be owner-only too.
    for (const QJsonValue &file : std::as_const(dotEnv))
        if (const QString mode = exposedDotEnvFileMode(file.toString()); !mode.isEmpty())
            warnings.append(
                QStringLiteral("%1 (OpenClaw's .env) sets variables that can hold tokens, and others can "
                               "read it (mode %2): run `chmod 600 %1`")
                    .arg(file.toString(), mode));
    if (!warnings.isEmpty())
        o.insert("warnings", warnings);
    const GatewayConfigLocation gateway = findGatewayConfig(env);
    if (gateway.exists && QFileInfo(gateway.path) != QFileInfo(ctx.configPath))
        o.insert("gatewayConfig", gateway.path);
    return o;
}

void printSources(QTextStream &out, const QJsonObject &sources)
{
    out << "config: " << sources.value("path").toString() << Qt::endl;
    if (!sources.value("reason").toString().isEmpty())
        out << "  why: " << sources.value("reason").toString() << Qt::endl;
    for (const QJsonValue &file : sources.value("includes").toArray())
        out << "  includes: " << file.toString() << Qt::endl;
    for (const QJsonValue &warning : sources.value("warnings").toArray())
        out << "  warning: " << warning.toString() << Qt::endl;
    for (const QJsonValue &file : sources.value("dotEnv").toArray())
        out << "  variables also from: " << file.toString() << " (where the process environment has none)"
            << Qt::endl;
    if (sources.contains("gatewayConfig"))
        out << "  note: the gateway's config is " << sources.value("gatewayConfig").toString()
            << " (not this file)" << Qt::endl;
}

void printText(QTextStream &out, const QJsonObject &sources, const LoadResult &load,
               const QList<AccountReport> &reports, bool keychainUsed)
{
    printSources(out, sources);
    if (load.ok())
        out << "  valid" << Qt::endl;
    for (const QString &p : load.problemStrings())
        out << "  problem: " << p << Qt::endl;
    out << "accounts: " << reports.size() << Qt::endl;
    for (const AccountReport &r : reports) {
        out << "  " << r.address.toString() << (r.enabled ? "" : " (disabled)") << Qt::endl;
        for (const TokenReport &t : r.tokens) {
            QString where = t.token.origin == TokenOrigin::Keychain ? QStringLiteral("keychain")
                            : t.token.origin == TokenOrigin::Inline
                                ? QStringLiteral("plain text in the config file")
                            : t.token.origin != TokenOrigin::Missing ? t.token.source
                            : t.token.source.isEmpty()
                                ? QStringLiteral("missing")
                                : QStringLiteral("missing (%1 unresolved)").arg(t.token.source);
            out << "    " << t.field << ": " << where << Qt::endl;
        }
        if (!r.userID.isEmpty())
            out << "    userID: " << r.userID << Qt::endl;
        if (r.expiresAt.isValid())
            out << "    token expires: " << r.expiresAt.toString(Qt::ISODate) << Qt::endl;
        for (const QString &p : r.problems)
            out << "    problem: " << p << Qt::endl;
        for (const QString &n : r.notes)
            out << "    note: " << n << Qt::endl;
        for (auto it = r.probe.constBegin(); it != r.probe.constEnd(); ++it)
            out << "    probe " << it.key() << ": "
                << (it.value().isString()
                        ? it.value().toString()
                        : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))
                              .mid(1)
                              .chopped(1))
                << Qt::endl;
    }
    if (!keychainUsed)
        out << "keychain: not needed (every token is inline)" << Qt::endl;
}

constexpr int kProbeTimeoutMs = 20000;

// `--probe`: every enabled account asked, one after the other, by the command's runtime, which
// built the accounts and started none: the probes the tray's health monitor runs
// (AppRuntime::probe), with the tokens the runtime resolved for the report, the app token
// included (each keychain entry read once). False when one failed.
bool probeThroughRuntime(AppRuntime &runtime, QList<AccountReport> &reports)
{
    bool ok = true;
    for (AccountReport &r : reports) {
        if (!r.enabled)
            continue;
        // A probe that answers after its time is up finds neither its loop nor its report.
        auto answer = std::make_shared<std::optional<AccountProbe>>();
        QEventLoop wait;
        const QPointer<QEventLoop> waiting(&wait);
        runtime.probe(
            r.address,
            [answer, waiting](const AccountProbe &p) {
                *answer = p;
                if (waiting)
                    waiting->quit();
            },
            true);
        if (!answer->has_value()) {
            QTimer::singleShot(kProbeTimeoutMs, &wait, &QEventLoop::quit);
            wait.exec();
        }
        const AccountProbe probe = answer->value_or(AccountProbe{
            {}, {}, QJsonObject{{"reachable", false}}, QStringLiteral("the probe did not finish in time")});
        r.probe = probe.report;
        if (!probe.result.ok) {
            ok = false;
            r.problems << probe.problem;
        }
    }
    return ok;
}

} // namespace

int runDoctor(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parser.addOption({QStringLiteral("probe"), QStringLiteral("Also ask every server.")});
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    const bool json = parser.isSet(QStringLiteral("json"));

    ConfigSources files;
    LoadResult load = loadConfig(ctx.configPath, &files); // the one read of the config's files
    QJsonObject sources = configSources(ctx, files);
    if (!load.fileFound) {
        if (json) {
            sources.insert("found", false);
            ctx.out
                << QJsonDocument(QJsonObject{{"ok", false}, {"config", sources}}).toJson(QJsonDocument::Compact)
                << Qt::endl;
        } else {
            printSources(ctx.out, sources);
            ctx.out << "  problem: no such file" << Qt::endl;
        }
        return ExitFailure;
    }

    // The refresh state file and the manual-login markers are owner-only files too.
    if (const QStringList more = exposedRefreshFileWarnings(load.config.openim); !more.isEmpty()) {
        QJsonArray warnings = sources.value("warnings").toArray();
        for (const QString &w : more)
            warnings.append(w);
        sources.insert("warnings", warnings);
    }

    // The tokens, the keychain and the history are the runtime's, as in the tray: it resolves
    // every token once (app tokens included), builds the accounts and connects none; the
    // report and --probe use those tokens.
    AppRuntime::Options options = AppRuntime::Options::offline(ctx.configPath);
    options.resolveAppTokens = true;
    AppRuntime runtime(options);
    applyConfigAndWait(runtime, load.config);
    QList<AccountReport> reports;
    for (const AccountAddress &a : allAccounts(load.config))
        reports << inspect(load.config, a, runtime);
    nameDotEnvOrigins(reports);

    const HistoryReport history = inspectHistory(runtime);
    bool ok = load.ok() && history.problems.isEmpty();
    for (const AccountReport &r : reports)
        ok = ok && r.problems.isEmpty();

    const bool anyEnabled = std::any_of(reports.cbegin(), reports.cend(),
                                        [](const AccountReport &r) { return r.enabled; });
    if (parser.isSet(QStringLiteral("probe")) && anyEnabled)
        ok = probeThroughRuntime(runtime, reports) && ok;

    const StatusApiReport statusApi = inspectStatusApi(runtime);
    ok = ok && statusApi.problems.isEmpty();

    if (json) {
        QJsonArray accounts;
        for (const AccountReport &r : reports)
            accounts.append(toJson(r));
        const QJsonObject root{{"ok", ok},
                               {"config",
                                [&] {
                                    QJsonObject c = sources;
                                    c.insert("found", true);
                                    c.insert("valid", load.ok());
                                    c.insert("problems", QJsonArray::fromStringList(load.problemStrings()));
                                    return c;
                                }()},
                               {"keychainUsed", runtime.keychainUsed()},
                               {"accounts", accounts},
                               {"statusApi", statusApi.json},
                               {"history", history.toJson()}};
        ctx.out << QJsonDocument(root).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        printText(ctx.out, sources, load, reports, runtime.keychainUsed());
        ctx.out << "status API: " << statusApi.summary << Qt::endl;
        for (const QString &p : statusApi.problems)
            ctx.out << "  problem: " << p << Qt::endl;
        for (const QString &w : statusApi.warnings)
            ctx.out << "  warning: " << w << Qt::endl;
        for (const QString &n : statusApi.notes)
            ctx.out << "  note: " << n << Qt::endl;
        ctx.out << "history: " << history.path << Qt::endl;
        for (const QString &p : history.problems)
            ctx.out << "  problem: " << p << Qt::endl;
        for (const QString &n : history.notes)
            ctx.out << "  note: " << n << Qt::endl;
        ctx.out << (ok ? "doctor: everything looks right" : "doctor: problems found") << Qt::endl;
    }
    return ok ? ExitOk : ExitFailure;
}

} // namespace ct::cli
