#pragma once
// Resolving what the config file refers to before its values are judged: `${VAR}` in every
// string of the channels this app runs (and of the `channeltray` block), and SecretRefs (or the
// "$VAR" shorthand) on credential fields — the Gotify appToken/clientToken (single-account form
// and accounts), the OpenIM token, and the refresh recipe's headers and body. The file's text
// is never changed by this: Config::raw keeps the references as written.
//
// A credential that cannot be resolved is a problem at its path and its value is empty, so it
// is never sent to a server. References of disabled accounts (or a disabled channel) are not
// resolved and do not count as problems.
#include "configmodel.h"
#include "configproblem.h"
#include "envsubst.h"

#include <QHash>
#include <QJsonObject>

namespace ct {

struct ResolvedReferences
{
    QJsonObject root;                          // the config with references replaced by their values
    QHash<QString, CredentialRef> credentials; // dotted path of a credential field → its reference
    QList<ConfigProblem> problems;
};

ResolvedReferences resolveReferences(const QJsonObject &raw, const EnvLookup &env);

// Copies the credential references found at the accounts' paths into the typed accounts.
void attachCredentialRefs(const QHash<QString, CredentialRef> &credentials, Config &config);

} // namespace ct
