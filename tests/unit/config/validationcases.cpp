// The table of single wrong values for tst_config_validation. It lives outside the test class
// because moc mis-reads raw string literals that contain "//" (URLs).
#include "validationcases.h"

namespace configtest {

QList<ValidationCase> oneWrongValueCases()
{
    QList<ValidationCase> cases;
    const QString g = QStringLiteral("channels.gotify.");
    const QString o = QStringLiteral("channels.multi-openim.");
    const QString ops = g + QStringLiteral("accounts.ops.");
    const QString pri = o + QStringLiteral("accounts.primary.");
    const QString tr = o + QStringLiteral("tokenRefresh.");

    // wrong JSON types
    cases.append({"integer given a string", g + "defaultPriority", QByteArray(R"("x")"),
                  R"(channels.gotify.defaultPriority: expected an integer, got "x")"});
    cases.append({"integer given a fraction", g + "defaultPriority", QByteArray("1.5"),
                  "channels.gotify.defaultPriority: expected an integer, got 1.5"});
    cases.append({"boolean given a string", g + "enabled", QByteArray(R"("yes")"),
                  R"(channels.gotify.enabled: expected true or false, got "yes")"});
    cases.append({"object given a string", QString("channels"), QByteArray(R"("x")"),
                  R"(channels: expected an object, got "x")"});
    cases.append({"account given an array", o + "accounts.primary", QByteArray("[]"),
                  "channels.multi-openim.accounts.primary: expected an object, got an array"});
    cases.append({"gotify account given a number", g + "accounts.ops", QByteArray("7"),
                  "channels.gotify.accounts.ops: expected an object, got 7"});
    // A token pasted where the account's object belongs is not repeated in the problem.
    cases.append({"gotify account given a token string", g + "accounts.ops", QByteArray(R"("s3cr3t-token")"),
                  "channels.gotify.accounts.ops: expected an object, got a string"});
    cases.append({"list item not a string", pri + "inboundWhitelist", QByteArray("[\"u1\", 1]"),
                  "channels.multi-openim.accounts.primary.inboundWhitelist[1]: expected a string, got 1"});
    cases.append(
        {"list given a string", pri + "inboundWhitelist", QByteArray(R"("u1")"),
         R"(channels.multi-openim.accounts.primary.inboundWhitelist: expected an array of strings, got "u1")"});
    cases.append({"requireMention given a string", pri + "requireMention", QByteArray(R"("no")"),
                  R"(channels.multi-openim.accounts.primary.requireMention: expected true or false, got "no")"});
    cases.append({"platformID given a string", pri + "platformID", QByteArray(R"("5")"),
                  R"(channels.multi-openim.accounts.primary.platformID: expected an integer, got "5")"});
    cases.append({"platformID negative", pri + "platformID", QByteArray("-1"),
                  "channels.multi-openim.accounts.primary.platformID: expected an integer of 0 or "
                  "more, got -1"});
    cases.append({"caCertFile given a number", ops + "caCertFile", QByteArray("5"),
                  "channels.gotify.accounts.ops.caCertFile: expected a string, got 5"});
    cases.append({"identity links not a list", QString("session.identityLinks.alice"), QByteArray(R"("gotify:7")"),
                  R"(session.identityLinks.alice: expected an array of strings, got "gotify:7")"});

    // URLs
    cases.append(
        {"openim wsAddr http", o + "accounts.team-b",
         QByteArray(R"({"token":"t","wsAddr":"http://x","apiAddr":"http://x"})"),
         R"(channels.multi-openim.accounts.team-b.wsAddr: expected a ws:// or wss:// URL, got "http://x")"});
    cases.append(
        {"openim apiAddr ws", pri + "apiAddr", QByteArray(R"("ws://x:1")"),
         R"(channels.multi-openim.accounts.primary.apiAddr: expected an http:// or https:// URL, got "ws://x:1")"});
    cases.append({"openim wsAddr missing (null)", pri + "wsAddr", QByteArray("null"),
                  "channels.multi-openim.accounts.primary.wsAddr: missing; expected a ws:// or wss:// URL"});
    cases.append(
        {"openim wsAddr not a URL", pri + "wsAddr", QByteArray(R"("localhost")"),
         R"(channels.multi-openim.accounts.primary.wsAddr: expected a ws:// or wss:// URL, got "localhost")"});
    cases.append(
        {"gotify serverUrl ftp", ops + "serverUrl", QByteArray(R"("ftp://x")"),
         R"(channels.gotify.accounts.ops.serverUrl: expected an http:// or https:// URL, got "ftp://x")"});
    cases.append({"gotify serverUrl number", ops + "serverUrl", QByteArray("42"),
                  "channels.gotify.accounts.ops.serverUrl: expected an http:// or https:// URL, got 42"});
    cases.append(
        {"gotify serverUrl without host", ops + "serverUrl", QByteArray(R"("https://")"),
         R"(channels.gotify.accounts.ops.serverUrl: expected an http:// or https:// URL, got "https://")"});
    cases.append({"gotify single form serverUrl ws", g + "serverUrl", QByteArray(R"("ws://x")"),
                  R"(channels.gotify.serverUrl: expected an http:// or https:// URL, got "ws://x")"});
    cases.append({"gotify account without serverUrl", g + "accounts.bare", QByteArray(R"({"appToken":"A"})"),
                  "channels.gotify.accounts.bare.serverUrl: missing; expected an http:// or https:// URL"});

    // enumerations
    cases.append(
        {"unknown tokenRefresh.mode", tr + "mode", QByteArray(R"("sometimes")"),
         R"(channels.multi-openim.tokenRefresh.mode: expected "http", "hook" or "off", got "sometimes")"});
    cases.append(
        {"unknown dmScope", QString("session.dmScope"), QByteArray(R"("per-group")"),
         R"(session.dmScope: expected "main", "per-peer", "per-channel-peer" or "per-account-channel-peer", got "per-group")"});
    cases.append({"unknown compression", pri + "compression", QByteArray(R"("br")"),
                  R"(channels.multi-openim.accounts.primary.compression: expected "gzip" or no value, got "br")"});
    cases.append(
        {"unknown http method", tr + "http", QByteArray(R"({"endpoint":"https://auth/x","method":"FETCH"})"),
         R"(channels.multi-openim.tokenRefresh.http.method: expected one of GET, POST, PUT, PATCH, DELETE, got "FETCH")"});

    // zero or negative delays, attempts, intervals, timeouts
    cases.append({"reconnectDelayMs zero", g + "inbound.reconnectDelayMs", QByteArray("0"),
                  "channels.gotify.inbound.reconnectDelayMs: expected a positive integer, got 0"});
    cases.append({"maxReconnectDelayMs negative", g + "inbound.maxReconnectDelayMs", QByteArray("-1"),
                  "channels.gotify.inbound.maxReconnectDelayMs: expected a positive integer, got -1"});
    cases.append({"maxReconnectAttempts zero", g + "inbound.maxReconnectAttempts", QByteArray("0"),
                  "channels.gotify.inbound.maxReconnectAttempts: expected a positive integer, got 0"});
    cases.append({"account inbound delay zero", ops + "inbound.reconnectDelayMs", QByteArray("0"),
                  "channels.gotify.accounts.ops.inbound.reconnectDelayMs: expected a positive "
                  "integer, got 0"});
    cases.append({"max delay below delay", ops + "inbound",
                  QByteArray(R"({"reconnectDelayMs":5000,"maxReconnectDelayMs":1000})"),
                  "channels.gotify.accounts.ops.inbound.maxReconnectDelayMs: must not be less than "
                  "reconnectDelayMs (5000), got 1000"});
    cases.append({"openim health interval zero", o + "healthCheckIntervalMinutes", QByteArray("0"),
                  "channels.multi-openim.healthCheckIntervalMinutes: expected a positive integer, got 0"});
    cases.append({"openim account health interval negative", pri + "healthCheckIntervalMinutes", QByteArray("-5"),
                  "channels.multi-openim.accounts.primary.healthCheckIntervalMinutes: expected a "
                  "positive integer, got -5"});
    cases.append({"gotify account health interval zero", ops + "healthCheckIntervalMinutes", QByteArray("0"),
                  "channels.gotify.accounts.ops.healthCheckIntervalMinutes: expected a positive "
                  "integer, got 0"});
    cases.append({"http refresh timeout zero", tr + "http",
                  QByteArray(R"({"endpoint":"https://auth/x","timeoutMs":0})"),
                  "channels.multi-openim.tokenRefresh.http.timeoutMs: expected a positive integer, got 0"});
    cases.append({"hook timeout negative", tr + "hook", QByteArray(R"({"command":["refresh.sh"],"timeoutMs":-1})"),
                  "channels.multi-openim.tokenRefresh.hook.timeoutMs: expected a positive integer, got -1"});
    cases.append({"retentionDays zero", QString("channeltray.history.retentionDays"), QByteArray("0"),
                  "channeltray.history.retentionDays: expected a positive integer, got 0"});
    cases.append({"gotifyMinPriority negative", QString("channeltray.notifications.gotifyMinPriority"),
                  QByteArray("-1"),
                  "channeltray.notifications.gotifyMinPriority: expected an integer of 0 or more, got -1"});

    // token refresh shapes
    cases.append({"http mode without http block", tr + "mode", QByteArray(R"("http")"),
                  R"(channels.multi-openim.tokenRefresh.http: missing; tokenRefresh.mode is "http")"});
    cases.append(
        {"http endpoint not http", tr + "http", QByteArray(R"({"endpoint":"ftp://a"})"),
         R"(channels.multi-openim.tokenRefresh.http.endpoint: expected an http:// or https:// URL, got "ftp://a")"});
    cases.append(
        {"templated endpoint not http once filled in", tr + "http",
         QByteArray(R"({"endpoint":"ftp://{state.host}/r/{accountId}"})"),
         R"(channels.multi-openim.tokenRefresh.http.endpoint: expected an http:// or https:// URL once its placeholders are filled in, got "ftp://{state.host}/r/{accountId}")"});
    cases.append(
        {"templated endpoint without a host", tr + "http",
         QByteArray(R"({"endpoint":"/api/{accountId}/refresh"})"),
         R"(channels.multi-openim.tokenRefresh.http.endpoint: expected an http:// or https:// URL once its placeholders are filled in, got "/api/{accountId}/refresh")"});
    cases.append({"hook command is a shell string", tr + "hook", QByteArray(R"({"command":"sh -c refresh"})"),
                  "channels.multi-openim.tokenRefresh.hook.command: expected an array of strings "
                  "(program and arguments), got a string"});
    cases.append({"hook command empty", tr + "hook", QByteArray(R"({"command":[]})"),
                  "channels.multi-openim.tokenRefresh.hook.command: expected a program and its "
                  "arguments, got an empty list"});
    cases.append({"header value not a string", tr + "http",
                  QByteArray(R"({"endpoint":"https://a/r","headers":{"X-Key":1}})"),
                  "channels.multi-openim.tokenRefresh.http.headers.X-Key: expected a string, got a number"});
    cases.append({"responseTokenPath a number", tr + "http",
                  QByteArray(R"({"endpoint":"https://a/r","responseTokenPath":5})"),
                  "channels.multi-openim.tokenRefresh.http.responseTokenPath: expected a string or "
                  "an array of strings, got 5"});
    cases.append({"stateWriteBack value a number", tr + "http",
                  QByteArray(R"({"endpoint":"https://a/r","stateWriteBack":{"refreshToken":3}})"),
                  "channels.multi-openim.tokenRefresh.http.stateWriteBack.refreshToken: expected a "
                  "string or an array of strings, got 3"});

    // accounts
    cases.append({"openim without named accounts", QString("channels.multi-openim"),
                  QByteArray(R"({"token":"t","wsAddr":"ws://x","apiAddr":"http://x"})"),
                  "channels.multi-openim: no named accounts: OpenIM accounts go under "
                  "channels.multi-openim.accounts.<id>"});
    cases.append({"openim empty accounts", o + "accounts", QByteArray("{}"),
                  "channels.multi-openim.accounts: expected at least one named account"});
    cases.append({"gotify block without any account", QString("channels.gotify"), QByteArray("{}"),
                  "channels.gotify: no Gotify account: set serverUrl here or add "
                  "channels.gotify.accounts.<id>"});
    cases.append({"defaultAccount names no account", g + "defaultAccount", QByteArray(R"("nope")"),
                  R"(channels.gotify.defaultAccount: no Gotify account named "nope" (accounts: ops))"});
    cases.append({"account id with a slash", g + "accounts.a/b", QByteArray(R"({"serverUrl":"http://x"})"),
                  R"(channels.gotify.accounts.a/b: an account id must not contain '/', got "a/b")"});
    cases.append({"empty account id", o + "accounts.", QByteArray(R"({"wsAddr":"ws://x","apiAddr":"http://x"})"),
                  "channels.multi-openim.accounts.: an account id must not be empty"});

    // agents
    cases.append({"agent bound to an unknown account", QString("agents.ops-agent.channels.gotify.accounts"),
                  QByteArray(R"(["ops","ghost"])"),
                  "agents.ops-agent.channels.gotify.accounts[1]: no account gotify/ghost in this config"});
    cases.append(
        {"agent accounts not a list", QString("agents.ops-agent.channels.multi-openim.accounts"),
         QByteArray(R"("primary")"),
         R"(agents.ops-agent.channels.multi-openim.accounts: expected an array of strings, got "primary")"});
    return cases;
}

} // namespace configtest
