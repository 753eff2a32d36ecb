#include "democonfig.h"

#include "config/configloader.h"
#include "config/configsaver.h"

#include <QJsonArray>

namespace ct::sandbox {

namespace {

QJsonObject gotifyBlock(const QList<DemoGotifyAccount> &accounts)
{
    QJsonObject named;
    for (const DemoGotifyAccount &a : accounts)
        named.insert(a.id, QJsonObject{{QStringLiteral("serverUrl"), a.serverUrl},
                                       {QStringLiteral("appToken"), a.appToken},
                                       {QStringLiteral("clientToken"), a.clientToken}});
    QJsonObject block{{QStringLiteral("enabled"), true},
                      {QStringLiteral("defaultPriority"), 5},
                      {QStringLiteral("inbound"), QJsonObject{{QStringLiteral("enabled"), true},
                                                              {QStringLiteral("reconnectDelayMs"), 1000},
                                                              {QStringLiteral("maxReconnectDelayMs"), 10000},
                                                              {QStringLiteral("maxReconnectAttempts"), 10}}},
                      {QStringLiteral("accounts"), named}};
    if (!accounts.isEmpty())
        block.insert(QStringLiteral("defaultAccount"), accounts.first().id);
    return block;
}

QJsonObject openimBlock(const DemoConfigInput &in)
{
    QJsonObject named;
    for (const DemoOpenImAccount &a : in.openim)
        named.insert(a.id, QJsonObject{{QStringLiteral("enabled"), true},
                                       {QStringLiteral("token"), a.token},
                                       {QStringLiteral("wsAddr"), a.wsAddr},
                                       {QStringLiteral("apiAddr"), a.apiAddr},
                                       {QStringLiteral("requireMention"), false}});
    const QJsonObject http{
        {QStringLiteral("endpoint"), in.refreshEndpoint},
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("headers"), QJsonObject{{in.refreshKeyHeader, in.refreshKey}}},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("accountId"), QStringLiteral("{accountId}")},
                                             {QStringLiteral("reason"), QStringLiteral("{reason}")}}},
        {QStringLiteral("timeoutMs"), 5000},
        {QStringLiteral("responseTokenPath"), QJsonArray{QStringLiteral("data.token")}}};
    return QJsonObject{{QStringLiteral("enabled"), true},
                       {QStringLiteral("healthCheckIntervalMinutes"), 5},
                       {QStringLiteral("disableFriendSdk"), true},
                       {QStringLiteral("tokenRefresh"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("http")},
                                    {QStringLiteral("http"), http},
                                    {QStringLiteral("manualLoginMarkerPath"), in.manualLoginMarkerPath}}},
                       {QStringLiteral("accounts"), named}};
}

} // namespace

QJsonObject buildDemoConfig(const DemoConfigInput &input)
{
    QJsonArray gotifyIds;
    for (const DemoGotifyAccount &a : input.gotify)
        gotifyIds.append(a.id);
    QJsonArray openimIds;
    for (const DemoOpenImAccount &a : input.openim)
        openimIds.append(a.id);
    const QJsonObject agents{
        {QStringLiteral("ops-agent"),
         QJsonObject{{QStringLiteral("channels"),
                      QJsonObject{{QStringLiteral("gotify"), QJsonObject{{QStringLiteral("accounts"), gotifyIds}}},
                                  {QStringLiteral("multi-openim"),
                                   QJsonObject{{QStringLiteral("accounts"), openimIds}}}}}}}};
    return QJsonObject{
        {QStringLiteral("_demo"),
         QStringLiteral("Written by channeltray-sandbox. Tokens are inline on purpose: a demo never "
                        "writes to your keychain. They only work with this sandbox's loopback servers, "
                        "while it runs.")},
        {QStringLiteral("channels"), QJsonObject{{QStringLiteral("gotify"), gotifyBlock(input.gotify)},
                                                 {QStringLiteral("multi-openim"), openimBlock(input)}}},
        {QStringLiteral("agents"), agents},
        {QStringLiteral("session"),
         QJsonObject{{QStringLiteral("dmScope"), QStringLiteral("per-account-channel-peer")}}},
        {QStringLiteral("channeltray"),
         QJsonObject{{QStringLiteral("notifications"), QJsonObject{{QStringLiteral("gotifyMinPriority"), 4}}},
                     {QStringLiteral("history"), QJsonObject{{QStringLiteral("retentionDays"), 7}}}}}};
}

bool writeDemoConfig(const QString &path, const QJsonObject &root, QString *error)
{
    const LoadResult check = configFromJson(root);
    if (!check.ok()) {
        if (error)
            *error = QStringLiteral("the demo config does not validate: %1")
                         .arg(check.problemStrings().join(QStringLiteral("; ")));
        return false;
    }
    return saveConfigJson(path, root, error);
}

} // namespace ct::sandbox
