#pragma once
// Does a config text hold a secret in plain text? The one rule the config writer uses to pick
// the file mode (configsaver.h: such a file is written 0600, whatever its mode was) and that
// `doctor` uses to warn about a file that others can read.
#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace ct {

// True when `value` has, anywhere in its tree, a member named `token`, `appToken` or
// `clientToken` (the accounts' credentials, the status API's bearer token; anywhere, so an
// `$include`d fragment counts too) whose value is a non-empty string that is not a reference:
// neither the "$VAR" shorthand nor a string with `${VAR}` in it. A SecretRef is an object, so
// never a secret here.
bool holdsInlineSecret(const QJsonValue &value);

// The permission bits of `path` ("0644") when its group or others may read it; empty when
// only its owner may, or there is no such file.
QString readableByOthersMode(const QString &path);

// The permission bits of `path` when its group or others may read it ("0644") and `text`, the
// file as the caller read it, holds an inline secret; empty otherwise (no secret, owner-only, or
// no such file).
QString exposedSecretFileMode(const QString &path, const QByteArray &text);

// The same for a `.env` file (dotenv.h): its mode when it sets at least one variable and its
// group or others may read it; empty otherwise. Its variables are where `${VAR}` tokens of a
// config often come from, so the whole file counts as secret.
QString exposedDotEnvFileMode(const QString &path);

} // namespace ct
