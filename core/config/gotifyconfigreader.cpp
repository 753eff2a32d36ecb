#include "gotifyconfigreader.h"

#include "openimconfigreader.h" // readInboundSettings, checkAccountEntry
#include "proxysetting.h"

#include <QUrl>

namespace ct {

namespace {

constexpr QLatin1StringView kBlockPath{"channels.gotify"};
constexpr QLatin1StringView kDefaultId{"default"};
constexpr int kMaxPriority = 10; // Gotify priorities run from 0 to 10

bool hasKey(const QJsonObject &obj, const QString &key)
{
    const QJsonValue v = obj.value(key);
    return !v.isUndefined() && !v.isNull();
}

// The single-account form: account `default` written directly in the channel block (its
// connection keys and its `proxy`).
bool hasSingleForm(const QJsonObject &block)
{
    return hasKey(block, QStringLiteral("serverUrl")) || hasKey(block, QStringLiteral("appToken"))
           || hasKey(block, QStringLiteral("clientToken"));
}

// Reads the connection keys of `obj` over `base`: everything `obj` does not set keeps the value
// of `base`. A missing serverUrl is a problem only when `urlRequired`.
GotifyAccountConfig readAccount(const QJsonObject &obj, const QString &path, GotifyAccountConfig base,
                                bool urlRequired, JsonReader &r)
{
    GotifyAccountConfig a = std::move(base);
    a.jsonPath = path;
    if (urlRequired)
        r.requireUrl(obj, path, QStringLiteral("serverUrl"), a.serverUrl, JsonReader::httpSchemes());
    else
        r.readUrl(obj, path, QStringLiteral("serverUrl"), a.serverUrl, JsonReader::httpSchemes());
    r.readString(obj, path, QStringLiteral("appToken"), a.appToken, JsonReader::Echo::Hide);
    r.readString(obj, path, QStringLiteral("clientToken"), a.clientToken, JsonReader::Echo::Hide);
    return a;
}

bool sameServer(const QString &a, const QString &b)
{
    // "http://host/" and "http://host" are the same server; so are "HTTP://Host/x/" and
    // "http://host/x".
    const auto norm = [](const QString &s) {
        QUrl u = QUrl(s).adjusted(QUrl::NormalizePathSegments);
        QString path = u.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        u.setPath(path);
        return u;
    };
    return norm(a) == norm(b);
}

// The rest of a named account: keys the single form does not have.
void readNamedExtras(const QJsonObject &obj, const QString &path, GotifyAccountConfig &a, JsonReader &r)
{
    r.readBool(obj, path, QStringLiteral("enabled"), a.enabled);
    r.readString(obj, path, QStringLiteral("name"), a.name);
    r.readIntInRange(obj, path, QStringLiteral("defaultPriority"), a.defaultPriority, 0, kMaxPriority);
    r.readString(obj, path, QStringLiteral("caCertFile"), a.caCertFile);
    readProxySetting(obj, path, r, a.proxy);
    r.readPositiveInt(obj, path, QStringLiteral("healthCheckIntervalMinutes"), a.healthCheckIntervalMinutes);
    readInboundSettings(obj, path, r, a.inbound);
}

} // namespace

void readGotifyChannel(const QJsonObject &block, JsonReader &r, GotifyChannelConfig &out)
{
    out.present = true;
    r.readBool(block, kBlockPath, QStringLiteral("enabled"), out.enabled);
    r.readIntInRange(block, kBlockPath, QStringLiteral("defaultPriority"), out.defaultPriority, 0, kMaxPriority);
    r.readPositiveInt(block, kBlockPath, QStringLiteral("healthCheckIntervalMinutes"),
                      out.healthCheckIntervalMinutes);
    readInboundSettings(block, kBlockPath, r, out.inbound);

    // What every account starts from: the channel-wide settings.
    GotifyAccountConfig channelDefaults;
    channelDefaults.defaultPriority = out.defaultPriority;
    channelDefaults.inbound = out.inbound;
    channelDefaults.healthCheckIntervalMinutes = out.healthCheckIntervalMinutes;

    const QString accountsPath = JsonReader::join(kBlockPath, QStringLiteral("accounts"));
    QJsonObject accounts;
    r.readObject(block, kBlockPath, QStringLiteral("accounts"), accounts);
    const QJsonValue namedDefault = accounts.value(kDefaultId);

    const bool namedDefaultHasUrl = namedDefault.toObject().value(QStringLiteral("serverUrl")).isString();

    std::optional<GotifyAccountConfig> single;
    if (hasSingleForm(block)) {
        GotifyAccountConfig base = channelDefaults;
        base.id = kDefaultId;
        // A named `default` that gives the server makes the single form's serverUrl optional.
        single = readAccount(block, kBlockPath, base, !namedDefaultHasUrl, r);
        readProxySetting(block, kBlockPath, r, single->proxy); // named `default` keys win, as for the rest
    }

    for (auto it = accounts.constBegin(); it != accounts.constEnd(); ++it) {
        const QString path = JsonReader::join(accountsPath, it.key());
        if (!checkAccountEntry(it.key(), it.value(), path, r))
            continue;
        const QJsonObject obj = it->toObject();
        GotifyAccountConfig base = channelDefaults;
        base.id = it.key();
        bool urlRequired = true;
        if (it.key() == kDefaultId && single) {
            // A bad single-form serverUrl was reported already; do not call it missing here.
            urlRequired = !hasKey(block, QStringLiteral("serverUrl"));
            const QString singleUrl = single->serverUrl;
            QString namedUrl;
            if (obj.value(QStringLiteral("serverUrl")).isString())
                namedUrl = obj.value(QStringLiteral("serverUrl")).toString();
            if (!singleUrl.isEmpty() && !namedUrl.isEmpty() && !sameServer(singleUrl, namedUrl))
                r.addProblem(JsonReader::join(path, QStringLiteral("serverUrl")),
                             QStringLiteral("duplicate account \"default\": %1 is also given as "
                                            "channels.gotify.serverUrl (%2); the single-account "
                                            "form is account \"default\", so remove one of them")
                                 .arg(JsonReader::quoted(JsonReader::safeUrlForMessage(namedUrl)),
                                      JsonReader::quoted(JsonReader::safeUrlForMessage(singleUrl))));
            base = *single;
            single.reset();
        }
        GotifyAccountConfig a = readAccount(obj, path, base, urlRequired, r);
        readNamedExtras(obj, path, a, r);
        out.accounts.append(a);
    }
    if (single)
        out.accounts.prepend(*single);

    QString defaultAccount;
    if (r.readString(block, kBlockPath, QStringLiteral("defaultAccount"), defaultAccount)) {
        out.defaultAccount = defaultAccount;
        QStringList known;
        for (const GotifyAccountConfig &a : out.accounts)
            known.append(a.id);
        if (!known.contains(defaultAccount))
            r.addProblem(JsonReader::join(kBlockPath, QStringLiteral("defaultAccount")),
                         QStringLiteral("no Gotify account named %1 (accounts: %2)")
                             .arg(JsonReader::quoted(defaultAccount),
                                  known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
    }

    if (out.enabled && out.accounts.isEmpty() && accounts.isEmpty() && !hasSingleForm(block))
        r.addProblem(kBlockPath, QStringLiteral("no Gotify account: set serverUrl here or add "
                                                "channels.gotify.accounts.<id>"));
}

} // namespace ct
