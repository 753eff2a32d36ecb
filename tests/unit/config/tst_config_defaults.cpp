// What the typed Config holds: documented defaults for everything absent, every documented
// field read, channel-wide values inherited by accounts, and the Gotify single-account form
// read as account `default`.
#include "tst_config_defaults.h"

#include "configtesthelpers.h"

#include "config/tokenrefreshreader.h"

using namespace ct;
using namespace configtest;

namespace {

Config load(const QByteArray &json)
{
    const LoadResult r = parseConfig(json);
    if (!r.ok())
        qWarning().noquote() << r.problemStrings().join('\n');
    return r.config;
}

} // namespace

void TestConfigDefaults::emptyObject_givesTheDocumentedDefaults()
{
    const LoadResult r = parseConfig("{}");
    QVERIFY(r.ok());
    const Config &c = r.config;
    QVERIFY(!c.openim.present);
    QVERIFY(!c.gotify.present);
    QVERIFY(c.openim.accounts.isEmpty());
    QVERIFY(c.gotify.accounts.isEmpty());
    QCOMPARE(c.openim.tokenRefresh.mode, RefreshMode::Hook);
    QCOMPARE(c.openim.tokenRefresh.manualLoginMarkerPath,
             QStringLiteral("~/.openclaw/multi-openim/manual-login.json"));
    QCOMPARE(c.openim.tokenRefresh.http.method, QStringLiteral("POST"));
    QCOMPARE(c.openim.tokenRefresh.http.timeoutMs, 15000);
    QCOMPARE(c.openim.tokenRefresh.hook.timeoutMs, 15000);
    QCOMPARE(c.session.dmScope, DmScope::Main);
    QCOMPARE(c.app.gotifyMinPriority, 4);
    QCOMPARE(c.app.retentionDays, 90);
    QCOMPARE(c.agentFor({kGotifyChannel, "ops"}), QStringLiteral("main"));
}

void TestConfigDefaults::minimalAccounts_getTheDocumentedDefaults()
{
    const Config c = load(R"({"channels":{
        "multi-openim":{"accounts":{"p":{"wsAddr":"ws://h:10001","apiAddr":"http://h:10002"}}},
        "gotify":{"accounts":{"ops":{"serverUrl":"https://g.example"}}}}})");
    QVERIFY(c.openim.present && c.openim.enabled);
    QCOMPARE(c.openim.healthCheckIntervalMinutes, 30);
    QVERIFY(c.openim.disableFriendSdk);
    QCOMPARE(c.openim.accounts.size(), 1);
    const OpenImAccountConfig &p = c.openim.accounts.first();
    QCOMPARE(p.id, QStringLiteral("p"));
    QCOMPARE(p.jsonPath, QStringLiteral("channels.multi-openim.accounts.p"));
    QVERIFY(p.enabled);
    QVERIFY(p.token.isEmpty());
    QVERIFY(p.userID.isEmpty());
    QVERIFY(!p.platformID.has_value());
    QVERIFY(!p.requireMention);
    QVERIFY(p.inboundWhitelist.isEmpty());
    QVERIFY(p.disableFriendSdk);
    QVERIFY(p.compression.isEmpty());
    QCOMPARE(p.healthCheckIntervalMinutes, 30);

    QVERIFY(c.gotify.present && c.gotify.enabled);
    QCOMPARE(c.gotify.defaultPriority, 5);
    QVERIFY(c.gotify.defaultAccount.isEmpty());
    const GotifyAccountConfig &ops = c.gotify.accounts.first();
    QCOMPARE(ops.jsonPath, QStringLiteral("channels.gotify.accounts.ops"));
    QCOMPARE(ops.defaultPriority, 5);
    QVERIFY(ops.inbound.enabled);
    QCOMPARE(ops.inbound.reconnectDelayMs, 2000);
    QCOMPARE(ops.inbound.maxReconnectDelayMs, 30000);
    QCOMPARE(ops.inbound.maxReconnectAttempts, 10);
    QCOMPARE(ops.healthCheckIntervalMinutes, 30);
    QVERIFY(ops.caCertFile.isEmpty());
}

void TestConfigDefaults::everyOpenImAccountField_isRead()
{
    const Config c = load(R"({"channels":{"multi-openim":{
        "enabled": false, "healthCheckIntervalMinutes": 7, "disableFriendSdk": false,
        "accounts":{
          "a":{"enabled":false,"token":"tok","wsAddr":"wss://h/ws","apiAddr":"https://h/api",
               "userID":"u_a","platformID":5,"requireMention":true,
               "inboundWhitelist":["u_b","u_c"],"disableFriendSdk":true,"compression":"gzip",
               "healthCheckIntervalMinutes":3},
          "b":{"wsAddr":"ws://h:1","apiAddr":"http://h:2","platformID":0}}}}})");
    QVERIFY(!c.openim.enabled);
    QCOMPARE(c.openim.healthCheckIntervalMinutes, 7);
    const OpenImAccountConfig *a = c.openimAccount("a");
    QVERIFY(a);
    QVERIFY(!a->enabled);
    QCOMPARE(a->token, QStringLiteral("tok"));
    QCOMPARE(a->wsAddr, QStringLiteral("wss://h/ws"));
    QCOMPARE(a->apiAddr, QStringLiteral("https://h/api"));
    QCOMPARE(a->userID, QStringLiteral("u_a"));
    QCOMPARE(a->platformID, std::optional<int>(5));
    QVERIFY(a->requireMention);
    QCOMPARE(a->inboundWhitelist, (QStringList{"u_b", "u_c"}));
    QVERIFY(a->disableFriendSdk);
    QCOMPARE(a->compression, QStringLiteral("gzip"));
    QCOMPARE(a->healthCheckIntervalMinutes, 3);
    // b inherits the channel-wide values
    const OpenImAccountConfig *b = c.openimAccount("b");
    QVERIFY(b);
    QVERIFY(!b->disableFriendSdk);
    QCOMPARE(b->healthCheckIntervalMinutes, 7);
    QCOMPARE(b->platformID, std::optional<int>(0));
    QCOMPARE(b->address(), (AccountAddress{kOpenImChannel, "b"}));
}

void TestConfigDefaults::httpTokenRefresh_everyFieldIsRead()
{
    const Config c = load(R"({"channels":{"multi-openim":{
        "accounts":{"a":{"wsAddr":"ws://h:1","apiAddr":"http://h:2"}},
        "tokenRefresh":{"mode":"http","manualLoginMarkerPath":"/tmp/marker.json",
          "http":{"stateFile":"~/.openclaw/state.json","endpoint":"https://auth.example/refresh",
                  "method":"put","headers":{"X-Api-Key":"k","Content-Type":"application/json"},
                  "body":{"refreshToken":"{state.refreshToken}","n":[1,2]},"timeoutMs":2500,
                  "responseTokenPath":["data.token","token"],
                  "stateWriteBack":{"refreshToken":"data.refreshToken","expiresAt":["data.exp","exp"]},
                  "clearOnSuccess":["lastError"]}}}}})");
    const TokenRefreshConfig &t = c.openim.tokenRefresh;
    QCOMPARE(t.mode, RefreshMode::Http);
    QCOMPARE(t.manualLoginMarkerPath, QStringLiteral("/tmp/marker.json"));
    QCOMPARE(t.http.stateFile, QStringLiteral("~/.openclaw/state.json"));
    QCOMPARE(t.http.endpoint, QStringLiteral("https://auth.example/refresh"));
    QCOMPARE(t.http.method, QStringLiteral("PUT"));
    QCOMPARE(t.http.headers.value("X-Api-Key"), QStringLiteral("k"));
    QCOMPARE(t.http.headers.size(), 2);
    QCOMPARE(t.http.body.toObject().value("refreshToken").toString(), QStringLiteral("{state.refreshToken}"));
    QCOMPARE(t.http.body.toObject().value("n").toArray().size(), 2);
    QCOMPARE(t.http.timeoutMs, 2500);
    QCOMPARE(t.http.responseTokenPaths, (QStringList{"data.token", "token"}));
    QCOMPARE(t.http.stateWriteBack.value("refreshToken"), QStringList{"data.refreshToken"});
    QCOMPARE(t.http.stateWriteBack.value("expiresAt"), (QStringList{"data.exp", "exp"}));
    QCOMPARE(t.http.clearOnSuccess, QStringList{"lastError"});
}

void TestConfigDefaults::responseTokenPath_singleString_isAOneElementList()
{
    const Config c = load(R"({"channels":{"multi-openim":{
        "accounts":{"a":{"wsAddr":"ws://h:1","apiAddr":"http://h:2"}},
        "tokenRefresh":{"mode":"http","http":{"endpoint":"http://a/r","responseTokenPath":"data.token"}}}}})");
    QCOMPARE(c.openim.tokenRefresh.http.responseTokenPaths, QStringList{"data.token"});
}

void TestConfigDefaults::hookTokenRefresh_isRead()
{
    const Config c = load(R"({"channels":{"multi-openim":{
        "accounts":{"a":{"wsAddr":"ws://h:1","apiAddr":"http://h:2"}},
        "tokenRefresh":{"mode":"hook","hook":{"command":["/usr/bin/refresh","{accountId}","{reason}"],
                                              "timeoutMs":900}}}}})");
    QCOMPARE(c.openim.tokenRefresh.mode, RefreshMode::Hook);
    QCOMPARE(c.openim.tokenRefresh.hook.command, (QStringList{"/usr/bin/refresh", "{accountId}", "{reason}"}));
    QCOMPARE(c.openim.tokenRefresh.hook.timeoutMs, 900);
}

void TestConfigDefaults::refreshModeNames_roundTrip()
{
    for (RefreshMode m : {RefreshMode::Http, RefreshMode::Hook, RefreshMode::Off})
        QCOMPARE(refreshModeFromName(refreshModeName(m)), std::optional<RefreshMode>(m));
    QVERIFY(!refreshModeFromName("HTTP").has_value());
}

void TestConfigDefaults::gotifyChannelValues_areInheritedAndAccountInboundIsMergedFieldByField()
{
    const Config c = load(R"({"channels":{"gotify":{
        "defaultPriority": 8, "healthCheckIntervalMinutes": 12, "defaultAccount": "b",
        "inbound":{"enabled":false,"reconnectDelayMs":500,"maxReconnectDelayMs":9000,"maxReconnectAttempts":4},
        "accounts":{
          "a":{"serverUrl":"http://a"},
          "b":{"serverUrl":"https://b","defaultPriority":2,"enabled":false,"caCertFile":"/etc/b.pem",
               "healthCheckIntervalMinutes":1,"inbound":{"maxReconnectAttempts":99,"enabled":true}}}}}})");
    QCOMPARE(c.gotify.defaultAccount, QStringLiteral("b"));
    const GotifyAccountConfig *a = c.gotifyAccount("a");
    QVERIFY(a);
    QCOMPARE(a->defaultPriority, 8);
    QCOMPARE(a->healthCheckIntervalMinutes, 12);
    QVERIFY(!a->inbound.enabled);
    QCOMPARE(a->inbound.reconnectDelayMs, 500);
    QCOMPARE(a->inbound.maxReconnectAttempts, 4);
    const GotifyAccountConfig *b = c.gotifyAccount("b");
    QVERIFY(b);
    QVERIFY(!b->enabled);
    QCOMPARE(b->defaultPriority, 2);
    QCOMPARE(b->caCertFile, QStringLiteral("/etc/b.pem"));
    QCOMPARE(b->healthCheckIntervalMinutes, 1);
    QVERIFY(b->inbound.enabled);                    // account override
    QCOMPARE(b->inbound.maxReconnectAttempts, 99);  // account override
    QCOMPARE(b->inbound.reconnectDelayMs, 500);     // from the channel
    QCOMPARE(b->inbound.maxReconnectDelayMs, 9000); // from the channel
}

void TestConfigDefaults::gotifySingleForm_isTheAccountDefault()
{
    const LoadResult r = parseConfig(R"({"channels":{"gotify":{
        "serverUrl":"https://push.example","appToken":"AAA","clientToken":"CCC","defaultPriority":6}}})");
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.gotify.accounts.size(), 1);
    const GotifyAccountConfig &d = r.config.gotify.accounts.first();
    QCOMPARE(d.id, QStringLiteral("default"));
    QCOMPARE(d.jsonPath, QStringLiteral("channels.gotify"));
    QCOMPARE(d.serverUrl, QStringLiteral("https://push.example"));
    QCOMPARE(d.appToken, QStringLiteral("AAA"));
    QCOMPARE(d.clientToken, QStringLiteral("CCC"));
    QCOMPARE(d.defaultPriority, 6);
    QCOMPARE(d.address().toString(), QStringLiteral("gotify/default"));
}

void TestConfigDefaults::gotifySingleForm_nextToNamedAccounts_comesFirst()
{
    const Config c = load(R"({"channels":{"gotify":{"serverUrl":"http://s","appToken":"A",
        "accounts":{"ops":{"serverUrl":"http://o","appToken":"B"}}}}})");
    QCOMPARE(c.gotify.accounts.size(), 2);
    QCOMPARE(c.gotify.accounts.at(0).id, QStringLiteral("default"));
    QCOMPARE(c.gotify.accounts.at(1).id, QStringLiteral("ops"));
}

void TestConfigDefaults::gotifySingleForm_andNamedDefault_mergeWithNamedFieldsWinning()
{
    const LoadResult r = parseConfig(R"({"channels":{"gotify":{
        "serverUrl":"http://same","appToken":"single-app","clientToken":"single-client",
        "accounts":{"default":{"appToken":"named-app","defaultPriority":9}}}}})");
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.gotify.accounts.size(), 1);
    const GotifyAccountConfig &d = r.config.gotify.accounts.first();
    QCOMPARE(d.id, QStringLiteral("default"));
    QCOMPARE(d.jsonPath, QStringLiteral("channels.gotify.accounts.default"));
    QCOMPARE(d.serverUrl, QStringLiteral("http://same"));     // only in the single form
    QCOMPARE(d.appToken, QStringLiteral("named-app"));        // named wins
    QCOMPARE(d.clientToken, QStringLiteral("single-client")); // only in the single form
    QCOMPARE(d.defaultPriority, 9);
}

void TestConfigDefaults::gotifyNamedDefault_mayGiveTheServerForSingleFormTokens()
{
    const LoadResult r = parseConfig(R"({"channels":{"gotify":{"appToken":"A",
        "accounts":{"default":{"serverUrl":"http://named"}}}}})");
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.gotify.accounts.size(), 1);
    QCOMPARE(r.config.gotify.accounts.first().serverUrl, QStringLiteral("http://named"));
    QCOMPARE(r.config.gotify.accounts.first().appToken, QStringLiteral("A"));
}

void TestConfigDefaults::gotifySingleForm_withoutServer_isAProblem()
{
    const LoadResult r = parseConfig(R"({"channels":{"gotify":{"appToken":"A"}}})");
    QCOMPARE(r.problemStrings(),
             QStringList{"channels.gotify.serverUrl: missing; expected an http:// or https:// URL"});
}

void TestConfigDefaults::agentsSessionAndAppSettings_areRead()
{
    const Config c = load(R"({
        "channels":{"gotify":{"accounts":{"ops":{"serverUrl":"http://o"}}},
                    "multi-openim":{"accounts":{"primary":{"wsAddr":"ws://h:1","apiAddr":"http://h:2"}}}},
        "agents":{"ops-agent":{"channels":{"gotify":{"accounts":["ops"]},
                                           "telegram":{"accounts":["x"]}}},
                  "chat":{"channels":{"multi-openim":{"accounts":["primary"]}}}},
        "session":{"dmScope":"per-account-channel-peer",
                   "identityLinks":{"alice":["gotify:7","multi-openim:u_alice"]}},
        "channeltray":{"notifications":{"gotifyMinPriority":0},"history":{"retentionDays":7}}})");
    QCOMPARE(c.agents.size(), 2); // the telegram binding is not ours
    QCOMPARE(c.agentFor({kGotifyChannel, "ops"}), QStringLiteral("ops-agent"));
    QCOMPARE(c.agentFor({kOpenImChannel, "primary"}), QStringLiteral("chat"));
    QCOMPARE(c.agentFor({kGotifyChannel, "primary"}), QStringLiteral("main"));
    QCOMPARE(c.session.dmScope, DmScope::PerAccountChannelPeer);
    QCOMPARE(c.session.identityLinks.value("alice"), (QStringList{"gotify:7", "multi-openim:u_alice"}));
    QCOMPARE(c.app.gotifyMinPriority, 0);
    QCOMPARE(c.app.retentionDays, 7);
}

void TestConfigDefaults::everyDmScopeName_isAccepted_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("scope");
    QTest::newRow("main") << "main" << int(DmScope::Main);
    QTest::newRow("per-peer") << "per-peer" << int(DmScope::PerPeer);
    QTest::newRow("per-channel-peer") << "per-channel-peer" << int(DmScope::PerChannelPeer);
    QTest::newRow("per-account-channel-peer") << "per-account-channel-peer" << int(DmScope::PerAccountChannelPeer);
}

void TestConfigDefaults::everyDmScopeName_isAccepted()
{
    QFETCH(QString, name);
    QFETCH(int, scope);
    const LoadResult r = parseConfig(QStringLiteral(R"({"session":{"dmScope":"%1"}})").arg(name).toUtf8());
    QVERIFY(r.ok());
    QCOMPARE(int(r.config.session.dmScope), scope);
}

QTEST_GUILESS_MAIN(TestConfigDefaults)

void TestConfigDefaults::seed_hookModeWithoutCommand_isValid()
{
    // The plugin's default mode is hook; with no hook installed the first token problem writes
    // the manual-login marker (TokenRefresher), it is not a mistake in the file.
    const LoadResult r = parseConfig(R"({"channels":{"multi-openim":{"tokenRefresh":{"mode":"hook"},
        "accounts":{"p":{"token":"t","wsAddr":"ws://127.0.0.1:1","apiAddr":"http://127.0.0.1:2"}}}}})");
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.openim.tokenRefresh.mode, RefreshMode::Hook);
    QVERIFY(r.config.openim.tokenRefresh.hook.command.isEmpty());
}

void TestConfigDefaults::seed_nameIsTheDisplayName_andPriorityRunsFrom0To10()
{
    const Config c = load(R"({"channels":{"gotify":{"defaultPriority":10,"accounts":{"ops":{"name":"Ops pushes",
        "serverUrl":"http://127.0.0.1:1","appToken":"A"}}},
        "multi-openim":{"accounts":{"p":{"name":"Bot","token":"t","wsAddr":"ws://127.0.0.1:1","apiAddr":"http://127.0.0.1:2"}}}}})");
    QCOMPARE(c.gotifyAccount("ops")->name, QStringLiteral("Ops pushes"));
    QCOMPARE(c.gotifyAccount("ops")->defaultPriority, 10);
    QCOMPARE(c.openimAccount("p")->name, QStringLiteral("Bot"));
    const LoadResult r = parseConfig(R"({"channels":{"gotify":{"accounts":{"ops":{"serverUrl":"http://127.0.0.1:1",
        "appToken":"A","defaultPriority":11}}}}})");
    QCOMPARE(
        r.problemStrings(),
        QStringList{"channels.gotify.accounts.ops.defaultPriority: expected an integer from 0 to 10, got 11"});
}

void TestConfigDefaults::seed_gotifyInboundEnabled_isExplicitOnlyWhenTheFileSaysSo()
{
    const Config c = load(R"({"channels":{"gotify":{"accounts":{
        "send":{"serverUrl":"http://127.0.0.1:1","appToken":"A"},
        "off":{"serverUrl":"http://127.0.0.1:1","clientToken":"C","inbound":{"enabled":false}}}}}})");
    QVERIFY(!c.gotifyAccount("send")->inbound.enabledExplicit); // the runtime decides: no clientToken → send only
    QVERIFY(c.gotifyAccount("off")->inbound.enabledExplicit);
    QVERIFY(!c.gotifyAccount("off")->inbound.enabled);
}

void TestConfigDefaults::seed_bindings_topLevelAndUnderAgents_accountBeatsChannelWide()
{
    const LoadResult r = parseConfig(R"({
      "bindings": [
        {"agentId": "support", "match": {"channel": "gotify", "accountId": "*"}},
        {"agentId": "ops-agent", "match": {"channel": "gotify", "accountId": "ops"}},
        {"agentId": "peer-only", "match": {"channel": "multi-openim", "accountId": "p", "peer": {"kind": "direct", "id": "u1"}}},
        {"agentId": "elsewhere", "match": {"channel": "discord", "accountId": "x"}}
      ],
      "agents": {"bindings": [{"agentId": "im-agent", "match": {"channel": "multi-openim"}}]},
      "channels": {"gotify": {"accounts": {"ops": {"serverUrl": "http://127.0.0.1:1", "appToken": "A"},
                                            "other": {"serverUrl": "http://127.0.0.1:1", "appToken": "A"}}},
                   "multi-openim": {"accounts": {"default": {"token": "t", "wsAddr": "ws://127.0.0.1:1", "apiAddr": "http://127.0.0.1:2"},
                                                 "p": {"token": "t", "wsAddr": "ws://127.0.0.1:1", "apiAddr": "http://127.0.0.1:2"}}}}})");
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.agentFor({kGotifyChannel, "ops"}), QStringLiteral("ops-agent"));
    QCOMPARE(r.config.agentFor({kGotifyChannel, "other"}), QStringLiteral("support"));
    QCOMPARE(r.config.agentFor({kOpenImChannel, "default"}),
             QStringLiteral("im-agent")); // no accountId: the default account
    QCOMPARE(r.config.agentFor({kOpenImChannel, "p"}),
             QStringLiteral("main")); // per-conversation bindings are not ours
}
