#pragma once
// Does every account have the token(s) it needs? Separate from loading because a token may be
// in the keychain (service "channeltray", key "<channel>/<accountId>/<field>"), which only the
// caller can ask. `doctor` passes real keychain answers; tests pass a lambda.
#include "configmodel.h"
#include "configproblem.h"

#include <functional>

namespace ct {

// True when the keychain holds `field` ("token", "appToken", "clientToken") for `address`.
using KeychainTokenProbe = std::function<bool(const AccountAddress &address, const QString &field)>;

// Where `field` of an account comes from: inline in the file wins (the gateway reads the same
// file), else the keychain when the probe says so, else Missing.
TokenOrigin tokenOrigin(const QString &inlineValue, const AccountAddress &address, const QString &field,
                        const KeychainTokenProbe &hasKeychainToken);

// One problem per enabled account (of an enabled channel) that has no token anywhere:
// OpenIM needs "token"; Gotify needs at least one of "appToken" (send) and "clientToken"
// (receive). The problem's path is the account's jsonPath. Disabled accounts are not judged.
QList<ConfigProblem> checkAccountTokens(const Config &config, const KeychainTokenProbe &hasKeychainToken);

} // namespace ct
