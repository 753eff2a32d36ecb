#pragma once
// Maps QtKeychain's error codes to ct::SecretResult, with a user-facing message.
#include "secretresult.h"

#include <qt6keychain/keychain.h>

#include <functional>

namespace ct {

// code/detail: what the QKeychain job reported. key: the keychain key, for the message.
// serviceReachable is asked only when the code alone cannot tell a missing Secret Service
// from another failure (libsecret reports both as OtherError); it defaults to
// isSecretServiceReachable().
SecretResult secretResultFromKeychain(QKeychain::Error code, const QString &detail, const QString &key,
                                      const std::function<bool()> &serviceReachable = {});

// The user-facing text for an error (translated), with `detail` appended where useful.
QString secretErrorMessage(SecretError error, const QString &key, const QString &detail = {});

} // namespace ct
