#include "openimconfigreader.h"

#include "proxysetting.h"
#include "tokenrefreshreader.h"

namespace ct {

namespace {

constexpr QLatin1StringView kBlockPath{"channels.multi-openim"};

OpenImAccountConfig readAccount(const QString &id, const QJsonObject &obj, const QString &path,
                                const OpenImChannelConfig &channel, JsonReader &r)
{
    OpenImAccountConfig a;
    a.id = id;
    a.jsonPath = path;
    // Channel-level values are the defaults of each account.
    a.disableFriendSdk = channel.disableFriendSdk;
    a.healthCheckIntervalMinutes = channel.healthCheckIntervalMinutes;

    r.readBool(obj, path, QStringLiteral("enabled"), a.enabled);
    r.readString(obj, path, QStringLiteral("name"), a.name);
    r.readString(obj, path, QStringLiteral("token"), a.token, JsonReader::Echo::Hide);
    r.requireUrl(obj, path, QStringLiteral("wsAddr"), a.wsAddr, JsonReader::wsSchemes());
    r.requireUrl(obj, path, QStringLiteral("apiAddr"), a.apiAddr, JsonReader::httpSchemes());
    r.readString(obj, path, QStringLiteral("userID"), a.userID);
    int platformId = 0;
    if (r.readInt(obj, path, QStringLiteral("platformID"), platformId, 0))
        a.platformID = platformId;
    r.readBool(obj, path, QStringLiteral("requireMention"), a.requireMention);
    r.readStringList(obj, path, QStringLiteral("inboundWhitelist"), a.inboundWhitelist);
    r.readBool(obj, path, QStringLiteral("disableFriendSdk"), a.disableFriendSdk);

    QString compression;
    if (r.readString(obj, path, QStringLiteral("compression"), compression)) {
        if (compression == QLatin1String("gzip"))
            a.compression = compression;
        else
            r.addProblem(
                JsonReader::join(path, QStringLiteral("compression")),
                QStringLiteral("expected \"gzip\" or no value, got %1").arg(JsonReader::quoted(compression)));
    }
    r.readPositiveInt(obj, path, QStringLiteral("healthCheckIntervalMinutes"), a.healthCheckIntervalMinutes);
    readInboundSettings(obj, path, r, a.inbound);
    readProxySetting(obj, path, r, a.proxy);
    return a;
}

} // namespace

bool checkAccountEntry(const QString &id, const QJsonValue &value, const QString &path, JsonReader &r)
{
    if (id.isEmpty()) {
        r.addProblem(path, QStringLiteral("an account id must not be empty"));
        return false;
    }
    if (id.contains(QLatin1Char('/'))) {
        r.addProblem(path,
                     QStringLiteral("an account id must not contain '/', got %1").arg(JsonReader::quoted(id)));
        return false;
    }
    if (!value.isObject()) {
        // A string here is often a token pasted in place of the account's object: never quote it.
        r.addProblem(path, QStringLiteral("expected an object, got %1")
                               .arg(value.isString() ? QStringLiteral("a string") : JsonReader::describe(value)));
        return false;
    }
    return true;
}

void readInboundSettings(const QJsonObject &owner, const QString &ownerPath, JsonReader &r, InboundSettings &io)
{
    QJsonObject inbound;
    if (!r.readObject(owner, ownerPath, QStringLiteral("inbound"), inbound))
        return;
    const QString path = JsonReader::join(ownerPath, QStringLiteral("inbound"));
    if (r.readBool(inbound, path, QStringLiteral("enabled"), io.enabled))
        io.enabledExplicit = true;
    r.readPositiveInt(inbound, path, QStringLiteral("reconnectDelayMs"), io.reconnectDelayMs);
    r.readPositiveInt(inbound, path, QStringLiteral("maxReconnectDelayMs"), io.maxReconnectDelayMs);
    r.readPositiveInt(inbound, path, QStringLiteral("maxReconnectAttempts"), io.maxReconnectAttempts);
    // Only judge the pair where this object sets one of them, so that a bad channel-level pair
    // is not reported again for every account that inherits it.
    const bool setsDelays = inbound.contains(QStringLiteral("reconnectDelayMs"))
                            || inbound.contains(QStringLiteral("maxReconnectDelayMs"));
    if (setsDelays && io.maxReconnectDelayMs < io.reconnectDelayMs)
        r.addProblem(JsonReader::join(path, QStringLiteral("maxReconnectDelayMs")),
                     QStringLiteral("must not be less than reconnectDelayMs (%1), got %2")
                         .arg(io.reconnectDelayMs)
                         .arg(io.maxReconnectDelayMs));
}

void readOpenImChannel(const QJsonObject &block, JsonReader &r, OpenImChannelConfig &out)
{
    out.present = true;
    r.readBool(block, kBlockPath, QStringLiteral("enabled"), out.enabled);
    r.readPositiveInt(block, kBlockPath, QStringLiteral("healthCheckIntervalMinutes"),
                      out.healthCheckIntervalMinutes);
    r.readBool(block, kBlockPath, QStringLiteral("disableFriendSdk"), out.disableFriendSdk);

    QJsonObject refresh;
    if (r.readObject(block, kBlockPath, QStringLiteral("tokenRefresh"), refresh))
        readTokenRefresh(refresh, JsonReader::join(kBlockPath, QStringLiteral("tokenRefresh")), r,
                         out.tokenRefresh);

    const QString accountsPath = JsonReader::join(kBlockPath, QStringLiteral("accounts"));
    QJsonObject accounts;
    const bool haveAccounts = r.readObject(block, kBlockPath, QStringLiteral("accounts"), accounts);
    if (haveAccounts && accounts.isEmpty()) {
        r.addProblem(accountsPath, QStringLiteral("expected at least one named account"));
    } else if (!haveAccounts && !block.contains(QStringLiteral("accounts"))) {
        // Someone coming from the Gotify channel may try a single-account form here.
        r.addProblem(kBlockPath, QStringLiteral("no named accounts: OpenIM accounts go under "
                                                "channels.multi-openim.accounts.<id>"));
    }

    for (auto it = accounts.constBegin(); it != accounts.constEnd(); ++it) {
        const QString path = JsonReader::join(accountsPath, it.key());
        if (!checkAccountEntry(it.key(), it.value(), path, r))
            continue;
        out.accounts.append(readAccount(it.key(), it->toObject(), path, out, r));
    }
}

} // namespace ct
