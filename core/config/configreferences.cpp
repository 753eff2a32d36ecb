#include "configreferences.h"

#include "secretrefs.h"

#include <QJsonArray>

namespace ct {

namespace {

class Walker
{
public:
    Walker(const EnvLookup &env, const SecretRefResolver &secrets, ResolvedReferences &out)
        : m_env(env), m_secrets(secrets), m_out(out)
    {
    }

    // Substitutes ${VAR} in every string under `value`; `report` says whether a missing
    // variable is a problem (it is in the blocks this app runs).
    QJsonValue substitute(const QJsonValue &value, const QString &path, bool report)
    {
        if (value.isString()) {
            const EnvSubstitution s = substituteEnv(value.toString(), m_env);
            if (report)
                for (const QString &name : s.missing)
                    problem(path, QStringLiteral("environment variable %1 is not set").arg(name));
            return s.text;
        }
        if (value.isArray()) {
            QJsonArray out;
            const QJsonArray in = value.toArray();
            for (qsizetype i = 0; i < in.size(); ++i)
                out.append(substitute(in.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), report));
            return out;
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it)
                out.insert(it.key(), substitute(it.value(), join(path, it.key()), report));
            return out;
        }
        return value;
    }

    // A credential field: a SecretRef, the "$VAR" shorthand, or a string with ${VAR} in it.
    // `active` false (disabled account): not resolved, not a problem, value emptied.
    QJsonValue credential(const QJsonValue &value, const QString &path, bool active)
    {
        CredentialRef ref;
        QString value_;
        QString name;
        if (SecretRefResolver::isSecretRef(value)) {
            const QJsonObject object = value.toObject();
            ref.source = object.value(QStringLiteral("source")).toString();
            if (!active) {
                ref.description = QStringLiteral("%1 reference").arg(ref.source);
                m_out.credentials.insert(path, ref);
                return QString();
            }
            const SecretRefResult r = m_secrets.resolve(object);
            ref.description = r.description;
            ref.problem = r.problem;
            value_ = r.value;
        } else if (value.isString() && SecretRefResolver::isEnvShorthand(value.toString(), &name)) {
            ref.source = QStringLiteral("env");
            ref.description = QStringLiteral("env %1").arg(name);
            const std::optional<QString> v = active && m_env ? m_env(name) : std::nullopt;
            if (active && (!v || v->isEmpty()))
                ref.problem = QStringLiteral("environment variable %1 is not set").arg(name);
            value_ = v.value_or(QString());
        } else if (value.isString() && value.toString().contains(QStringLiteral("${"))) {
            const EnvSubstitution s = substituteEnv(value.toString(), m_env);
            if (s.used.isEmpty())
                return s.text; // only escaped $${…}: a plain inline value
            ref.source = QStringLiteral("env");
            ref.description = QStringLiteral("env %1").arg(s.used.join(QStringLiteral(", ")));
            if (active && !s.missing.isEmpty())
                ref.problem = QStringLiteral("environment variable %1 is not set")
                                  .arg(s.missing.join(QStringLiteral(", ")));
            value_ = s.missing.isEmpty() ? s.text : QString();
        } else {
            return value; // inline (or of the wrong type: the reader says so)
        }
        if (!active)
            value_.clear();
        if (!ref.problem.isEmpty()) {
            value_.clear(); // never sent anywhere
            problem(path, QStringLiteral("unresolved reference (%1): %2").arg(ref.description, ref.problem));
        }
        m_out.credentials.insert(path, ref);
        return value_;
    }

    // Every string leaf of a refresh recipe's headers and body; SecretRefs in them resolved.
    QJsonValue recipeValue(const QJsonValue &value, const QString &path)
    {
        if (SecretRefResolver::isSecretRef(value))
            return credential(value, path, true);
        if (value.isArray()) {
            QJsonArray out;
            const QJsonArray in = value.toArray();
            for (qsizetype i = 0; i < in.size(); ++i)
                out.append(recipeValue(in.at(i), QStringLiteral("%1[%2]").arg(path).arg(i)));
            return out;
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it)
                out.insert(it.key(), recipeValue(it.value(), join(path, it.key())));
            return out;
        }
        return substitute(value, path, true);
    }

    static QString join(const QString &a, const QString &b) { return a.isEmpty() ? b : a + QLatin1Char('.') + b; }

private:
    void problem(const QString &path, const QString &message)
    {
        m_out.problems.append(ConfigProblem{path, message, 0, 0});
    }

    const EnvLookup &m_env;
    const SecretRefResolver &m_secrets;
    ResolvedReferences &m_out;
};

bool isOff(const QJsonObject &o)
{
    return o.value(QStringLiteral("enabled")) == QJsonValue(false);
}

QJsonObject resolveAccounts(Walker &w, const QJsonObject &block, const QString &blockPath,
                            const QStringList &fields, bool channelActive)
{
    QJsonObject out = block;
    const QJsonObject accounts = block.value(QStringLiteral("accounts")).toObject();
    QJsonObject resolvedAccounts;
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        if (!it->isObject()) {
            resolvedAccounts.insert(it.key(), it.value());
            continue;
        }
        const QJsonObject account = it->toObject();
        const QString path = Walker::join(blockPath, QStringLiteral("accounts.") + it.key());
        const bool active = channelActive && !isOff(account);
        QJsonObject resolved;
        for (auto f = account.begin(); f != account.end(); ++f) {
            const QString fieldPath = Walker::join(path, f.key());
            resolved.insert(f.key(), fields.contains(f.key()) ? w.credential(f.value(), fieldPath, active)
                                                              : w.substitute(f.value(), fieldPath, active));
        }
        resolvedAccounts.insert(it.key(), resolved);
    }
    if (block.contains(QStringLiteral("accounts")) && block.value(QStringLiteral("accounts")).isObject())
        out.insert(QStringLiteral("accounts"), resolvedAccounts);
    return out;
}

} // namespace

ResolvedReferences resolveReferences(const QJsonObject &raw, const EnvLookup &env)
{
    ResolvedReferences out;
    out.root = raw;
    const SecretRefResolver secrets(raw, env);
    Walker w(env, secrets, out);
    const QJsonObject channels = raw.value(QStringLiteral("channels")).toObject();
    if (raw.value(QStringLiteral("channels")).isObject()) {
        QJsonObject resolvedChannels = channels;
        const QString gotify = QStringLiteral("gotify");
        if (channels.value(gotify).isObject()) {
            const QString path = QStringLiteral("channels.gotify");
            const QJsonObject block = channels.value(gotify).toObject();
            const bool active = !isOff(block);
            const QStringList fields{QStringLiteral("appToken"), QStringLiteral("clientToken")};
            QJsonObject resolved = resolveAccounts(w, block, path, fields, active);
            for (auto it = block.begin(); it != block.end(); ++it) {
                if (it.key() == QLatin1String("accounts"))
                    continue;
                const QString fieldPath = Walker::join(path, it.key());
                resolved.insert(it.key(), fields.contains(it.key()) ? w.credential(it.value(), fieldPath, active)
                                                                    : w.substitute(it.value(), fieldPath, active));
            }
            resolvedChannels.insert(gotify, resolved);
        }
        const QString openim = QStringLiteral("multi-openim");
        if (channels.value(openim).isObject()) {
            const QString path = QStringLiteral("channels.multi-openim");
            const QJsonObject block = channels.value(openim).toObject();
            const bool active = !isOff(block);
            QJsonObject resolved = resolveAccounts(w, block, path, {QStringLiteral("token")}, active);
            for (auto it = block.begin(); it != block.end(); ++it) {
                if (it.key() == QLatin1String("accounts"))
                    continue;
                const QString fieldPath = Walker::join(path, it.key());
                if (it.key() == QLatin1String("tokenRefresh") && it->isObject() && active) {
                    QJsonObject refresh = w.substitute(it.value(), fieldPath, true).toObject();
                    const QJsonObject http = it->toObject().value(QStringLiteral("http")).toObject();
                    QJsonObject httpOut = refresh.value(QStringLiteral("http")).toObject();
                    for (const QString &key : {QStringLiteral("headers"), QStringLiteral("body")})
                        if (http.contains(key))
                            httpOut.insert(
                                key, w.recipeValue(http.value(key), fieldPath + QStringLiteral(".http.") + key));
                    if (it->toObject().value(QStringLiteral("http")).isObject())
                        refresh.insert(QStringLiteral("http"), httpOut);
                    resolved.insert(it.key(), refresh);
                } else {
                    resolved.insert(it.key(), w.substitute(it.value(), fieldPath, active));
                }
            }
            resolvedChannels.insert(openim, resolved);
        }
        out.root.insert(QStringLiteral("channels"), resolvedChannels);
    }
    const QString app = QStringLiteral("channeltray");
    if (raw.value(app).isObject())
        out.root.insert(app, w.substitute(raw.value(app), app, true));
    return out;
}

void attachCredentialRefs(const QHash<QString, CredentialRef> &credentials, Config &config)
{
    for (GotifyAccountConfig &a : config.gotify.accounts) {
        for (const QString &field : {QStringLiteral("appToken"), QStringLiteral("clientToken")}) {
            QString path = a.jsonPath + QLatin1Char('.') + field;
            // `default` in both forms: the single form's field counts when the named one is absent.
            if (!credentials.contains(path) && a.id == QLatin1String("default"))
                path = QStringLiteral("channels.gotify.") + field;
            if (credentials.contains(path))
                a.credentialRefs.insert(field, credentials.value(path));
        }
    }
    for (OpenImAccountConfig &a : config.openim.accounts) {
        const QString path = a.jsonPath + QStringLiteral(".token");
        if (credentials.contains(path))
            a.credentialRefs.insert(QStringLiteral("token"), credentials.value(path));
    }
}

} // namespace ct
