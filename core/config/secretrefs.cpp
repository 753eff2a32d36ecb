#include "secretrefs.h"

#include "userpath.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <unistd.h>

namespace ct {

namespace {

constexpr int kDefaultTimeoutMs = 5000;
constexpr qint64 kDefaultMaxBytes = 1024 * 1024;

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("\\z")).match(text).hasMatch();
}

constexpr QLatin1StringView kProviderPattern{"[a-z][a-z0-9_-]{0,63}"};
constexpr QLatin1StringView kEnvIdPattern{"[A-Z][A-Z0-9_]{0,127}"};
constexpr QLatin1StringView kExecIdPattern{"[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}"};

SecretRefResult failed(SecretRefResult r, const QString &problem)
{
    r.ok = false;
    r.problem = problem;
    return r;
}

// Private to this user: not a symlink, a regular file, owned by us; `noReadByOthers` also
// refuses read access for group and others (secret files), else only write access (commands).
QString unsafeFileReason(const QString &path, bool noReadByOthers)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return QStringLiteral("%1 is a symlink; give the real path").arg(path);
    if (!info.exists())
        return QStringLiteral("%1 does not exist").arg(path);
    if (!info.isFile())
        return QStringLiteral("%1 is not a regular file").arg(path);
    if (info.ownerId() != uint(getuid()))
        return QStringLiteral("%1 is not owned by this user").arg(path);
    const QFileDevice::Permissions p = info.permissions();
    if (p & (QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return QStringLiteral("%1 is writable by group or others").arg(path);
    if (noReadByOthers && (p & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return QStringLiteral("%1 is readable by group or others (chmod 600 it)").arg(path);
    return {};
}

std::optional<QJsonValue> jsonPointer(const QJsonValue &root, const QString &pointer)
{
    if (!pointer.startsWith(QLatin1Char('/')))
        return std::nullopt;
    QJsonValue current = root;
    const QStringList parts = pointer.mid(1).split(QLatin1Char('/'));
    for (QString part : parts) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject()) {
            if (!current.toObject().contains(part))
                return std::nullopt;
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok || index < 0 || index >= current.toArray().size())
                return std::nullopt;
            current = current.toArray().at(index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

} // namespace

SecretRefResolver::SecretRefResolver(const QJsonObject &root, EnvLookup env) : m_env(std::move(env))
{
    const QJsonObject secrets = root.value(QStringLiteral("secrets")).toObject();
    m_providers = secrets.value(QStringLiteral("providers")).toObject();
    m_defaults = secrets.value(QStringLiteral("defaults")).toObject();
}

bool SecretRefResolver::isSecretRef(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return value.isObject() && o.value(QStringLiteral("source")).isString() && o.contains(QStringLiteral("id"));
}

bool SecretRefResolver::isEnvShorthand(const QString &text, QString *name)
{
    // $NAME or ${NAME}, by hand (isEnvName): no regular expression on the start-up path.
    if (!text.startsWith(QLatin1Char('$')))
        return false;
    const bool braced = text.size() > 2 && text.at(1) == QLatin1Char('{') && text.endsWith(QLatin1Char('}'));
    const QStringView candidate = braced ? QStringView(text).sliced(2, text.size() - 3)
                                         : QStringView(text).sliced(1);
    if (!isEnvName(candidate))
        return false;
    if (name)
        *name = candidate.toString();
    return true;
}

SecretRefResult SecretRefResolver::resolve(const QJsonObject &ref) const
{
    SecretRefResult r;
    const QString source = ref.value(QStringLiteral("source")).toString();
    const QString id = ref.value(QStringLiteral("id")).toString();
    QString provider = ref.value(QStringLiteral("provider")).toString();
    if (provider.isEmpty())
        provider = m_defaults.value(source).toString(QStringLiteral("default"));
    r.description = QStringLiteral("%1 provider %2 %3").arg(source, provider, id);
    if (source != QLatin1String("env") && source != QLatin1String("file") && source != QLatin1String("exec"))
        return failed(r, QStringLiteral("a SecretRef source must be \"env\", \"file\" or \"exec\", got %1")
                             .arg(source.left(20)));
    if (!ref.value(QStringLiteral("id")).isString() || id.isEmpty())
        return failed(r, QStringLiteral("a SecretRef needs a string id"));
    if (!matches(kProviderPattern, provider))
        return failed(
            r, QStringLiteral("the provider name \"%1\" is not valid (lower case letters, digits, '_' and '-')")
                   .arg(provider.left(64)));
    const QJsonValue entry = m_providers.value(provider);
    if (source == QLatin1String("env")) {
        if (!entry.isUndefined() && entry.toObject().value(QStringLiteral("source")).toString() != source)
            return failed(r, QStringLiteral("secrets.providers.%1 is not an env provider").arg(provider));
        return resolveEnv(provider, id, r);
    }
    if (!entry.isObject())
        return failed(r, QStringLiteral("no provider \"%1\" in secrets.providers").arg(provider));
    const QJsonObject config = entry.toObject();
    if (config.value(QStringLiteral("source")).toString() != source)
        return failed(r, QStringLiteral("secrets.providers.%1 is not a %2 provider").arg(provider, source));
    if (source == QLatin1String("file"))
        return resolveFile(provider, config, id, r);
    return resolveExec(provider, config, id, r);
}

SecretRefResult SecretRefResolver::resolveEnv(const QString &provider, const QString &id, SecretRefResult r) const
{
    r.description = provider == QLatin1String("default") ? QStringLiteral("env %1").arg(id)
                                                         : QStringLiteral("env provider %1 %2").arg(provider, id);
    if (!matches(kEnvIdPattern, id))
        return failed(r, QStringLiteral("an env SecretRef id must be an upper-case variable name"));
    const QJsonValue allowlist = m_providers.value(provider).toObject().value(QStringLiteral("allowlist"));
    if (allowlist.isArray() && !allowlist.toArray().contains(id))
        return failed(r, QStringLiteral("%1 is not in the allowlist of secrets.providers.%2").arg(id, provider));
    const std::optional<QString> value = m_env ? m_env(id) : std::nullopt;
    if (!value || value->isEmpty())
        return failed(r, QStringLiteral("environment variable %1 is not set").arg(id));
    r.ok = true;
    r.value = *value;
    return r;
}

SecretRefResult SecretRefResolver::resolveFile(const QString &provider, const QJsonObject &config,
                                               const QString &id, SecretRefResult r) const
{
    const bool single = config.value(QStringLiteral("mode")).toString() == QLatin1String("singleValue");
    r.description = single ? QStringLiteral("file provider %1").arg(provider)
                           : QStringLiteral("file provider %1 %2").arg(provider, id);
    if (single && id != QLatin1String("value"))
        return failed(r, QStringLiteral("a singleValue file provider takes the id \"value\""));
    if (!single && !id.startsWith(QLatin1Char('/')))
        return failed(r, QStringLiteral("a file SecretRef id must be an absolute JSON pointer (/…)"));
    const QString path = expandUserPath(config.value(QStringLiteral("path")).toString());
    if (path.isEmpty())
        return failed(r, QStringLiteral("secrets.providers.%1 has no path").arg(provider));
    const QString unsafe = unsafeFileReason(path, true);
    if (!unsafe.isEmpty())
        return failed(r, unsafe);
    const qint64 maxBytes = qint64(config.value(QStringLiteral("maxBytes")).toDouble(kDefaultMaxBytes));
    QFile f(path);
    if (f.size() > maxBytes)
        return failed(r, QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(maxBytes));
    if (!f.open(QIODevice::ReadOnly))
        return failed(r, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    if (single) {
        QByteArray value = bytes;
        if (value.endsWith('\n'))
            value.chop(1);
        if (value.endsWith('\r'))
            value.chop(1);
        if (value.isEmpty())
            return failed(r, QStringLiteral("%1 is empty").arg(path));
        r.ok = true;
        r.value = QString::fromUtf8(value);
        return r;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return failed(r, QStringLiteral("%1 is not a JSON object").arg(path));
    const auto value = jsonPointer(doc.object(), id);
    if (!value)
        return failed(r, QStringLiteral("no value at %1 in %2").arg(id, path));
    if (!value->isString() || value->toString().isEmpty())
        return failed(r, QStringLiteral("the value at %1 in %2 is not a non-empty string").arg(id, path));
    r.ok = true;
    r.value = value->toString();
    return r;
}

SecretRefResult SecretRefResolver::resolveExec(const QString &provider, const QJsonObject &config,
                                               const QString &id, SecretRefResult r) const
{
    r.description = QStringLiteral("exec provider %1 %2").arg(provider, id);
    static const QRegularExpression dotSegment(QStringLiteral("(^|/)\\.{1,2}(/|$)"));
    if (!matches(kExecIdPattern, id) || dotSegment.match(id).hasMatch())
        return failed(r, QStringLiteral("the exec SecretRef id is not valid"));
    const QString command = expandUserPath(config.value(QStringLiteral("command")).toString());
    if (command.isEmpty() || !QFileInfo(command).isAbsolute())
        return failed(r, QStringLiteral("secrets.providers.%1.command must be an absolute path").arg(provider));
    const QString unsafe = unsafeFileReason(command, false);
    if (!unsafe.isEmpty())
        return failed(r, unsafe);
    QStringList args;
    for (const QJsonValue &a : config.value(QStringLiteral("args")).toArray())
        args << a.toString();
    // A minimal environment: only what the provider passes on.
    const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment env;
    for (const QJsonValue &name : config.value(QStringLiteral("passEnv")).toArray())
        if (parent.contains(name.toString()))
            env.insert(name.toString(), parent.value(name.toString()));
    const QJsonObject extra = config.value(QStringLiteral("env")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        env.insert(it.key(), it->toString());
    const int timeoutMs = config.value(QStringLiteral("timeoutMs")).toInt(kDefaultTimeoutMs);
    const qint64 maxBytes = qint64(config.value(QStringLiteral("maxOutputBytes")).toDouble(kDefaultMaxBytes));
    const bool jsonOnly = config.value(QStringLiteral("jsonOnly")).toBool(true);

    QProcess process;
    process.setProgram(command);
    process.setArguments(args);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    if (!process.waitForStarted(timeoutMs))
        return failed(r, QStringLiteral("%1 could not be started: %2").arg(command, process.errorString()));
    const QJsonObject request{{"protocolVersion", 1}, {"provider", provider}, {"ids", QJsonArray{id}}};
    process.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return failed(r, QStringLiteral("%1 did not answer within %2 ms").arg(command).arg(timeoutMs));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failed(r, QStringLiteral("%1 failed (exit code %2)").arg(command).arg(process.exitCode()));
    const QByteArray out = process.readAllStandardOutput();
    if (out.size() > maxBytes)
        return failed(r, QStringLiteral("%1 answered more than %2 bytes").arg(command).arg(maxBytes));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        if (jsonOnly || out.trimmed().isEmpty())
            return failed(r, QStringLiteral("%1 did not answer with the JSON of the exec protocol").arg(command));
        r.ok = true;
        r.value = QString::fromUtf8(out.trimmed());
        return r;
    }
    const QJsonObject answer = doc.object();
    const QJsonValue value = answer.value(QStringLiteral("values")).toObject().value(id);
    if (value.isString() && !value.toString().isEmpty()) {
        r.ok = true;
        r.value = value.toString();
        return r;
    }
    const QString code = answer.value(QStringLiteral("errors"))
                             .toObject()
                             .value(id)
                             .toObject()
                             .value(QStringLiteral("code"))
                             .toString();
    if (code == QLatin1String("NOT_FOUND") || code == QLatin1String("AMBIGUOUS_DUPLICATE_KEY"))
        return failed(r, QStringLiteral("%1 answered %2 for %3").arg(command, code, id));
    return failed(r, QStringLiteral("%1 gave no value for %2").arg(command, id));
}

} // namespace ct
