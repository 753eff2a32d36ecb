#include "configloader.h"

#include "configdocument.h"
#include "configreferences.h"
#include "configsources.h"
#include "gotifyconfigreader.h"
#include "jsonreader.h"
#include "logging/logging.h"
#include "notificationsettingsreader.h"
#include "openimconfigreader.h"
#include "userpath.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace ct {

namespace {

// agents.<agentId>.channels.<channel>.accounts: [ids]. An openclaw.json keeps other things
// under "agents" too ("defaults", "list"), so entries without "channels" are not ours and are
// passed over without complaint.
void readAgents(const QJsonObject &agents, JsonReader &r, Config &config)
{
    QHash<AccountAddress, QString> boundTo;
    for (auto agent = agents.constBegin(); agent != agents.constEnd(); ++agent) {
        if (!agent->isObject() || !agent->toObject().contains(QStringLiteral("channels")))
            continue;
        const QString agentPath = JsonReader::join(QStringLiteral("agents"), agent.key());
        QJsonObject channels;
        if (!r.readObject(agent->toObject(), agentPath, QStringLiteral("channels"), channels))
            continue;
        const QString channelsPath = JsonReader::join(agentPath, QStringLiteral("channels"));
        for (auto ch = channels.constBegin(); ch != channels.constEnd(); ++ch) {
            if (ch.key() != kGotifyChannel && ch.key() != kOpenImChannel)
                continue; // a channel this app does not run
            const QString chPath = JsonReader::join(channelsPath, ch.key());
            QJsonObject chObj;
            if (!ch->isObject()) {
                r.addProblem(chPath,
                             QStringLiteral("expected an object, got %1").arg(JsonReader::describe(ch.value())));
                continue;
            }
            chObj = ch->toObject();
            AgentBinding binding{agent.key(), ch.key(), {}};
            if (!r.readStringList(chObj, chPath, QStringLiteral("accounts"), binding.accountIds))
                continue;
            const QString listPath = JsonReader::join(chPath, QStringLiteral("accounts"));
            for (qsizetype i = 0; i < binding.accountIds.size(); ++i) {
                const AccountAddress address{ch.key(), binding.accountIds.at(i)};
                const QString itemPath = QStringLiteral("%1[%2]").arg(listPath).arg(i);
                const bool known = ch.key() == kGotifyChannel ? config.gotifyAccount(address.accountId) != nullptr
                                                              : config.openimAccount(address.accountId) != nullptr;
                if (!known)
                    r.addProblem(itemPath, QStringLiteral("no account %1 in this config").arg(address.toString()));
                const QString other = boundTo.value(address);
                if (!other.isEmpty() && other != agent.key())
                    r.addProblem(itemPath, QStringLiteral("%1 is already bound to agent %2")
                                               .arg(address.toString(), JsonReader::quoted(other)));
                else
                    boundTo.insert(address, agent.key());
            }
            config.agents.append(binding);
        }
    }
}

// OpenClaw's route bindings: `bindings: [{ agentId, match: { channel, accountId } }]` at the
// top (and the same list under agents.bindings). accountId "*" is the channel-wide fallback;
// no accountId means the channel's default account. Bindings that match a conversation (peer,
// guildId, teamId, roles) choose an agent per conversation, which this app does not route:
// they are passed over.
void readBindings(const QJsonValue &list, const QString &path, JsonReader &r, Config &config)
{
    if (!list.isArray()) {
        r.addProblem(path, QStringLiteral("expected an array, got %1").arg(JsonReader::describe(list)));
        return;
    }
    const QJsonArray bindings = list.toArray();
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QJsonObject b = bindings.at(i).toObject();
        const QJsonObject match = b.value(QStringLiteral("match")).toObject();
        const QString channel = match.value(QStringLiteral("channel")).toString();
        if (channel != kGotifyChannel && channel != kOpenImChannel)
            continue; // another channel's, or not a binding at all: not ours to judge
        QString agentId;
        if (!r.readString(b, itemPath, QStringLiteral("agentId"), agentId) || agentId.isEmpty()) {
            if (!b.contains(QStringLiteral("agentId")))
                r.addProblem(JsonReader::join(itemPath, QStringLiteral("agentId")), QStringLiteral("missing"));
            continue;
        }
        if (match.contains(QStringLiteral("peer")) || match.contains(QStringLiteral("guildId"))
            || match.contains(QStringLiteral("teamId")) || match.contains(QStringLiteral("roles")))
            continue;
        QString accountId;
        if (!r.readString(match, JsonReader::join(itemPath, QStringLiteral("match")), QStringLiteral("accountId"),
                          accountId))
            accountId = channel == kGotifyChannel && !config.gotify.defaultAccount.isEmpty()
                            ? config.gotify.defaultAccount
                            : QStringLiteral("default");
        config.agents.append(AgentBinding{agentId, channel, {accountId}});
    }
}

void readSession(const QJsonObject &session, JsonReader &r, SessionConfig &out)
{
    const QString path = QStringLiteral("session");
    QString scope;
    if (r.readString(session, path, QStringLiteral("dmScope"), scope)) {
        if (const auto parsed = dmScopeFromName(scope))
            out.dmScope = *parsed;
        else
            r.addProblem(JsonReader::join(path, QStringLiteral("dmScope")),
                         QStringLiteral("expected \"main\", \"per-peer\", \"per-channel-peer\" or "
                                        "\"per-account-channel-peer\", got %1")
                             .arg(JsonReader::quoted(scope)));
    }
    QJsonObject links;
    const QString linksPath = JsonReader::join(path, QStringLiteral("identityLinks"));
    if (r.readObject(session, path, QStringLiteral("identityLinks"), links)) {
        for (auto it = links.constBegin(); it != links.constEnd(); ++it) {
            QStringList ids;
            if (r.readStringList(links, linksPath, it.key(), ids))
                out.identityLinks.insert(it.key(), ids);
        }
    }
}

void readAppSettings(const QJsonObject &block, JsonReader &r, AppSettings &out)
{
    const QString path = QStringLiteral("channeltray");
    QJsonObject notifications;
    if (r.readObject(block, path, QStringLiteral("notifications"), notifications)) {
        r.readInt(notifications, JsonReader::join(path, QStringLiteral("notifications")),
                  QStringLiteral("gotifyMinPriority"), out.gotifyMinPriority, 0);
        readNotificationSettings(notifications, JsonReader::join(path, QStringLiteral("notifications")), r,
                                 out.notifications);
    }
    QJsonObject history;
    if (r.readObject(block, path, QStringLiteral("history"), history))
        r.readPositiveInt(history, JsonReader::join(path, QStringLiteral("history")),
                          QStringLiteral("retentionDays"), out.retentionDays);
}

ConfigProblem parseProblem(const Json5Error &error)
{
    ConfigProblem p;
    p.message = error.toString();
    p.line = error.line;
    p.column = error.column;
    return p;
}

} // namespace

LoadResult configFromJson(const QJsonObject &root)
{
    return configFromJson(root, configEnvironment(root));
}

LoadResult configFromJson(const QJsonObject &raw, const EnvLookup &env)
{
    LoadResult result;
    result.fileFound = true;
    result.jsonValid = true;
    Config &config = result.config;
    config.raw = raw; // as written: references stay references
    // Values are judged as they will be used: ${VAR} substituted, SecretRefs resolved.
    const ResolvedReferences refs = resolveReferences(raw, env);
    const QJsonObject &root = refs.root;
    JsonReader r;

    QJsonObject channels;
    if (r.readObject(root, QString(), QStringLiteral("channels"), channels)) {
        QJsonObject block;
        if (r.readObject(channels, QStringLiteral("channels"), kOpenImChannel, block))
            readOpenImChannel(block, r, config.openim);
        if (r.readObject(channels, QStringLiteral("channels"), kGotifyChannel, block))
            readGotifyChannel(block, r, config.gotify);
    }
    QJsonObject block;
    if (r.readObject(root, QString(), QStringLiteral("agents"), block)) {
        readAgents(block, r, config);
        if (block.contains(QStringLiteral("bindings")))
            readBindings(block.value(QStringLiteral("bindings")), QStringLiteral("agents.bindings"), r, config);
    }
    if (root.contains(QStringLiteral("bindings")))
        readBindings(root.value(QStringLiteral("bindings")), QStringLiteral("bindings"), r, config);
    if (r.readObject(root, QString(), QStringLiteral("session"), block))
        readSession(block, r, config.session);
    if (r.readObject(root, QString(), QStringLiteral("channeltray"), block))
        readAppSettings(block, r, config.app);
    attachCredentialRefs(refs.credentials, config);

    result.problems = r.problems() + refs.problems;
    return result;
}

LoadResult parseConfig(const QByteArray &json)
{
    if (json.trimmed().isEmpty()) {
        LoadResult result;
        result.fileFound = true;
        result.problems.append(
            ConfigProblem{QString(), QStringLiteral("the file is empty; expected a JSON object"), 0, 0});
        return result;
    }
    Json5Error error;
    const auto doc = ConfigDocument::fromText(json, &error);
    if (!doc) {
        LoadResult result;
        result.fileFound = true;
        result.problems.append(parseProblem(error));
        return result;
    }
    LoadResult result = configFromJson(doc->object());
    if (ConfigSources::usesIncludes(doc->root()))
        result.problems.prepend(ConfigProblem{QStringLiteral("$include"),
                                              QStringLiteral("included files are read only when the config is "
                                                             "loaded from its file"),
                                              0, 0});
    return result;
}

LoadResult loadConfig(const QString &path, ConfigSources *sourcesRead)
{
    const QString file = expandUserPath(path);
    QFile f(file);
    if (!f.exists()) {
        LoadResult result;
        result.problems.append(
            ConfigProblem{QString(), QStringLiteral("config file %1 does not exist").arg(file), 0, 0});
        return result;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.fileFound = true;
        result.problems.append(ConfigProblem{
            QString(), QStringLiteral("cannot read config file %1: %2").arg(file, f.errorString()), 0, 0});
        return result;
    }
    const QByteArray bytes = f.readAll();
    f.close();
    LoadResult result;
    const auto root = parseJson5(bytes);
    const bool includes = root && root->kind == Json5Node::Kind::Object && ConfigSources::usesIncludes(*root);
    ConfigSources read;
    ConfigSources &sources = sourcesRead ? *sourcesRead : read;
    if (includes || sourcesRead)
        sources = ConfigSources::fromText(file, bytes); // the included files are read here, once
    if (includes) {
        // `$include`s are resolved first; `${VAR}` and validation then see the merged config.
        result = configFromJson(sources.merged());
        for (ConfigProblem &p : result.problems) {
            const QString in = sources.includedFileFor(p.path);
            if (!in.isEmpty())
                p.message += QStringLiteral(" (in %1)").arg(in);
        }
        result.problems = sources.problems() + result.problems;
        result.jsonValid = sources.ok(); // edits are refused while an include is broken
    } else {
        result = parseConfig(bytes);
    }
    // Name the file in whole-file problems, so "invalid JSON at line 3" says which file.
    for (ConfigProblem &p : result.problems)
        if (p.path.isEmpty())
            p.message = file + QStringLiteral(": ") + p.message;
    qCDebug(lcConfig) << "loaded" << file << "with" << result.problems.size() << "problem(s)";
    return result;
}

} // namespace ct
