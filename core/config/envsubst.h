#pragma once
// `${VAR}` in config strings, as OpenClaw substitutes them: only names [A-Z_][A-Z0-9_]*;
// `$${VAR}` is the literal text `${VAR}`; `${VAR:-fallback}` uses the fallback (literal text
// without '$' or '{') when VAR is unset or empty. A variable that is unset or empty stays
// visibly unresolved (the text `${VAR}` is kept) and is reported in `missing`.
//
// Variables come from the process environment first, then from OpenClaw's global `.env`
// (<state directory>/.env, else ~/.config/openclaw/gateway.env; see openclawpaths.h and
// dotenv.h), then from the config's own `env`
// block (`env: { vars: { NAME: "…" } }` or `env: { NAME: "…" }`), as OpenClaw loads them: the
// `.env` fills only names the process does not have at all, the `env` block names that are
// still unset or blank. (OpenClaw also reads a `.env` in the
// gateway's working directory; that directory is the gateway's, not this app's, so it is not
// read here.)
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ct {

// The value of an environment variable, nullopt when unset.
using EnvLookup = std::function<std::optional<QString>(const QString &name)>;

struct EnvSubstitution
{
    QString text;
    QStringList used;    // names read (resolved or not)
    QStringList missing; // names unset or empty, left as ${NAME}
};

EnvSubstitution substituteEnv(const QString &text, const EnvLookup &lookup);

// The process environment, then OpenClaw's global `.env`, then the string entries of the
// config's `env` block.
EnvLookup configEnvironment(const QJsonObject &root);
EnvLookup configEnvironment(const QJsonObject &root, const QProcessEnvironment &process);

// True when `name` is an environment variable name OpenClaw substitutes.
bool isEnvName(QStringView name);

} // namespace ct
