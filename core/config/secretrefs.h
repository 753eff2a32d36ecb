#pragma once
// SecretRefs on credential fields, as OpenClaw defines them (its "SecretRef contract"):
//   { source: "env" | "file" | "exec", provider: "<alias>", id: "<id>" }
// backed by `secrets.providers.<alias>`:
// - env: id ^[A-Z][A-Z0-9_]{0,127}$; the provider may be omitted or "default" (the process
//   environment); an explicit env provider may carry an `allowlist` of names. Unset or empty
//   fails. The strings "${VAR}" and "$VAR" are the same reference in shorthand.
// - file: provider { source: "file", path, mode: "json" (default) | "singleValue" }. json: id
//   is an absolute JSON pointer (RFC 6901, ~0 ~1) into the file, which must hold a string
//   there; singleValue: id "value", the whole file with its trailing newline stripped. The
//   file must be a private regular file (no symlink, owned by this user, no access for group
//   or others), at most maxBytes (1 MiB) large.
// - exec: provider { source: "exec", command: absolute path, args: [..], passEnv: [names],
//   env: {..}, timeoutMs: 5000, maxOutputBytes: 1 MiB, jsonOnly: true }. The command runs
//   directly (no shell), never with a secret in its argv, with only passEnv/env in its
//   environment; it reads {"protocolVersion":1,"provider":P,"ids":[id]} on stdin and answers
//   {"protocolVersion":1,"values":{id:"…"}} (or "errors":{id:{"code":…}}) on stdout. With
//   jsonOnly false, a plain answer is the value. The command must not be a symlink, must be
//   owned by this user and not writable by group or others.
// Problems name the reference and what went wrong, never a value or the command's output.
#include "envsubst.h"

#include <QJsonObject>
#include <QString>

namespace ct {

struct SecretRefResult
{
    bool ok = false;
    QString value; // NEVER log it
    QString
        description; // "env GOTIFY_TOKEN", "file provider vault /gotify/ops", "exec provider pass openim/primary"
    QString problem; // why it could not be resolved; empty when ok
};

class SecretRefResolver
{
public:
    // `root` is the whole config (its `secrets` block is read); `env` looks variables up.
    SecretRefResolver(const QJsonObject &root, EnvLookup env);

    // An object with a string `source` and an `id`: meant as a SecretRef.
    static bool isSecretRef(const QJsonValue &value);
    // "${VAR}" or "$VAR" and nothing else: the env shorthand. Sets `*name`.
    static bool isEnvShorthand(const QString &text, QString *name);

    SecretRefResult resolve(const QJsonObject &ref) const;

private:
    SecretRefResult resolveEnv(const QString &provider, const QString &id, SecretRefResult r) const;
    SecretRefResult resolveFile(const QString &provider, const QJsonObject &config, const QString &id,
                                SecretRefResult r) const;
    SecretRefResult resolveExec(const QString &provider, const QJsonObject &config, const QString &id,
                                SecretRefResult r) const;

    QJsonObject m_providers;
    QJsonObject m_defaults;
    EnvLookup m_env;
};

} // namespace ct
