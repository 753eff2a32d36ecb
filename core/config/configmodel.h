#pragma once
// The typed view of the config file (see docs/architecture.md "Configuration"). Defaults here are
// the documented defaults. The raw JSON is kept next to it so that keys we do not know survive a
// load/save round trip.
#include "accountaddress.h"
#include "notificationsettings.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace ct {

enum class DmScope { Main, PerPeer, PerChannelPeer, PerAccountChannelPeer };
enum class RefreshMode { Http, Hook, Off };

// Where a token came from. Inline = plain text in the config file (honoured, reported by doctor);
// Env/File/Exec = a reference in the file (${VAR} or a SecretRef) resolved at load.
enum class TokenOrigin { Missing, Inline, Keychain, Env, File, Exec };

// A credential field that holds a reference instead of the token: `${VAR}`/`$VAR` or a
// SecretRef ({source, provider, id}). Resolved when the config is loaded; the resolved value
// is in the account's token field, the reference stays in the file (Config::raw).
struct CredentialRef
{
    QString source;      // "env", "file" or "exec"
    QString description; // "env GOTIFY_TOKEN", "file provider vault /gotify/ops", "exec provider pass id"
    QString problem;     // why it could not be resolved (then the token field is empty)
    bool resolved() const { return problem.isEmpty(); }
};

struct InboundSettings
{
    // Gotify: when the file does not say (enabledExplicit false), inbound runs only for an
    // account that has a clientToken (an appToken-only account is a send-only account), as in
    // the plugin; the runtime decides once it knows the tokens (keychain included).
    bool enabled = true;
    bool enabledExplicit = false;
    int reconnectDelayMs = 2000;
    int maxReconnectDelayMs = 30000;
    int maxReconnectAttempts = 10;
};

struct GotifyAccountConfig
{
    QString id;
    QString jsonPath; // "channels.gotify.accounts.<id>" or "channels.gotify" for `default`
    QString name;     // display name; empty → the id
    bool enabled = true;
    QString serverUrl;
    QString appToken;    // inline value, empty when not in the file
    QString clientToken; // inline value, empty when not in the file
    int defaultPriority = 5;
    InboundSettings inbound;
    QString caCertFile; // optional PEM for self-signed servers
    QString proxy;      // "" (the system's), "system", "none" or a proxy URL: proxysetting.h
    int healthCheckIntervalMinutes = 30;
    QMap<QString, CredentialRef> credentialRefs; // "appToken"/"clientToken" held as references
    AccountAddress address() const { return {kGotifyChannel, id}; }
};

struct OpenImAccountConfig
{
    QString id;
    QString jsonPath; // "channels.multi-openim.accounts.<id>"
    QString name;     // display name; empty → the id
    bool enabled = true;
    QString token; // inline value, empty when not in the file
    QString wsAddr;
    QString apiAddr;
    QString userID;                // empty → JWT UserID claim
    std::optional<int> platformID; // nullopt → JWT PlatformID claim
    bool requireMention = false;
    QStringList inboundWhitelist;
    bool disableFriendSdk = true;
    QString compression; // "" or "gzip"
    QString proxy;       // "" (the system's), "system", "none" or a proxy URL: proxysetting.h
    int healthCheckIntervalMinutes = 30;
    InboundSettings inbound;
    QMap<QString, CredentialRef> credentialRefs; // "token" held as a reference
    AccountAddress address() const { return {kOpenImChannel, id}; }
};

struct HttpRefreshConfig
{
    QString stateFile;
    QString endpoint;
    QString method = QStringLiteral("POST");
    QMap<QString, QString> headers;
    QJsonValue body; // any JSON; placeholders in string leaves
    int timeoutMs = 15000;
    QStringList responseTokenPaths;            // fallbacks, in order
    QMap<QString, QStringList> stateWriteBack; // field → fallback paths
    QStringList clearOnSuccess;
};

struct HookRefreshConfig
{
    QStringList command; // argv; placeholders {accountId} {reason}
    int timeoutMs = 15000;
};

struct TokenRefreshConfig
{
    RefreshMode mode = RefreshMode::Hook;
    HttpRefreshConfig http;
    HookRefreshConfig hook;
    QString manualLoginMarkerPath = QStringLiteral("~/.openclaw/multi-openim/manual-login.json");
};

struct OpenImChannelConfig
{
    bool present = false;
    bool enabled = true;
    int healthCheckIntervalMinutes = 30;
    bool disableFriendSdk = true;
    TokenRefreshConfig tokenRefresh;
    QList<OpenImAccountConfig> accounts;
};

struct GotifyChannelConfig
{
    bool present = false;
    bool enabled = true;
    int defaultPriority = 5;
    QString defaultAccount;
    int healthCheckIntervalMinutes = 30;
    InboundSettings inbound;
    QList<GotifyAccountConfig> accounts; // `default` (single-account form) merged in
};

// agents.<agentId>.channels.<channel>.accounts: [ids], or one entry of OpenClaw's `bindings`
// (account id "*" for every account of the channel)
struct AgentBinding
{
    QString agentId;
    QString channel;
    QStringList accountIds;
};

struct SessionConfig
{
    DmScope dmScope = DmScope::Main;
    QMap<QString, QStringList> identityLinks; // canonical id → ["gotify:7", "multi-openim:u_a"]
};

struct AppSettings
{
    int gotifyMinPriority = 4;
    int retentionDays = 90;
    NotificationSettings notifications; // channeltray.notifications: urgency mapping
};

struct Config
{
    QJsonObject raw; // the whole file as loaded, unknown keys included
    OpenImChannelConfig openim;
    GotifyChannelConfig gotify;
    QList<AgentBinding> agents;
    SessionConfig session;
    AppSettings app;

    // Agent bound to an account, "main" when none. A binding naming the account wins over a
    // channel-wide one (account id "*"); within each, the first in the file.
    QString agentFor(const AccountAddress &address) const
    {
        for (const QString &id : {address.accountId, QStringLiteral("*")})
            for (const AgentBinding &b : agents)
                if (b.channel == address.channel && b.accountIds.contains(id))
                    return b.agentId;
        return QStringLiteral("main");
    }
    const GotifyAccountConfig *gotifyAccount(const QString &id) const
    {
        for (const auto &a : gotify.accounts)
            if (a.id == id)
                return &a;
        return nullptr;
    }
    const OpenImAccountConfig *openimAccount(const QString &id) const
    {
        for (const auto &a : openim.accounts)
            if (a.id == id)
                return &a;
        return nullptr;
    }
};

QString dmScopeName(DmScope scope);
std::optional<DmScope> dmScopeFromName(const QString &name);

} // namespace ct
