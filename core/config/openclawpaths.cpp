#include "openclawpaths.h"

#include <QDir>
#include <QFileInfo>

namespace ct {

namespace {

const char *const kLegacyDirs[] = {".clawdbot", ".moldbot", ".moltbot"};
const char *const kConfigNames[] = {"openclaw.json", "clawdbot.json", "moldbot.json", "moltbot.json"};

QString firstSet(const QProcessEnvironment &env, const char *name, const char *legacy = nullptr)
{
    QString v = env.value(QString::fromLatin1(name)).trimmed();
    if (v.isEmpty() && legacy)
        v = env.value(QString::fromLatin1(legacy)).trimmed();
    return v;
}

// "~" and "~/…" against `home`, then absolute from the current directory.
QString userPath(const QString &value, const QString &home)
{
    QString p = value.trimmed();
    if (p == QLatin1String("~"))
        p = home;
    else if (p.startsWith(QLatin1String("~/")))
        p = home + p.mid(1);
    return QDir::cleanPath(QFileInfo(p).absoluteFilePath());
}

QStringList defaultDirs(const QString &home)
{
    QStringList dirs{home + QStringLiteral("/.openclaw")};
    for (const char *d : kLegacyDirs)
        dirs << home + QLatin1Char('/') + QLatin1String(d);
    return dirs;
}

} // namespace

QString openClawHome(const QProcessEnvironment &env)
{
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    const QString override = firstSet(env, "OPENCLAW_HOME");
    return override.isEmpty() ? QDir::cleanPath(home) : userPath(override, home);
}

QString openClawStateDir(const QProcessEnvironment &env)
{
    const QString home = openClawHome(env);
    const QString override = firstSet(env, "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR");
    if (!override.isEmpty())
        return userPath(override, home);
    const QStringList dirs = defaultDirs(home);
    if (QFileInfo::exists(dirs.first()))
        return dirs.first();
    for (const QString &d : dirs.mid(1))
        if (QFileInfo::exists(d))
            return d;
    return dirs.first();
}

QStringList openClawDotEnvFiles(const QProcessEnvironment &env)
{
    QStringList files{openClawStateDir(env) + QStringLiteral("/.env")};
    if (firstSet(env, "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR").isEmpty())
        files << openClawHome(env) + QStringLiteral("/.config/openclaw/gateway.env");
    return files;
}

QStringList openClawConfigCandidates(const QProcessEnvironment &env)
{
    const QString home = openClawHome(env);
    const QString explicitPath = firstSet(env, "OPENCLAW_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH");
    if (!explicitPath.isEmpty())
        return {userPath(explicitPath, home)};
    QStringList dirs;
    const QString stateDir = firstSet(env, "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR");
    if (!stateDir.isEmpty())
        dirs << userPath(stateDir, home);
    dirs << defaultDirs(home);
    QStringList out;
    for (const QString &d : std::as_const(dirs))
        for (const char *name : kConfigNames)
            out << d + QLatin1Char('/') + QLatin1String(name);
    return out;
}

GatewayConfigLocation findGatewayConfig(const QProcessEnvironment &env)
{
    GatewayConfigLocation loc;
    const QStringList candidates = openClawConfigCandidates(env);
    if (!firstSet(env, "OPENCLAW_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH").isEmpty()) {
        loc.path = candidates.first();
        loc.exists = QFileInfo::exists(loc.path);
        loc.reason = env.contains(QStringLiteral("OPENCLAW_CONFIG_PATH"))
                             && !env.value(QStringLiteral("OPENCLAW_CONFIG_PATH")).trimmed().isEmpty()
                         ? QStringLiteral("$OPENCLAW_CONFIG_PATH")
                         : QStringLiteral("$CLAWDBOT_CONFIG_PATH");
        return loc;
    }
    const bool stateOverride = !firstSet(env, "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR").isEmpty();
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (!QFileInfo::exists(candidates.at(i)))
            continue;
        loc.path = candidates.at(i);
        loc.exists = true;
        const qsizetype perDir = qsizetype(std::size(kConfigNames));
        loc.reason = stateOverride && i < perDir ? QStringLiteral("in $OPENCLAW_STATE_DIR")
                                                 : QStringLiteral("in OpenClaw's state directory");
        return loc;
    }
    loc.path = openClawStateDir(env) + QStringLiteral("/openclaw.json");
    loc.reason = QStringLiteral("OpenClaw's default place (no file there yet)");
    return loc;
}

} // namespace ct
