#include "tokencheck.h"

namespace ct {

namespace {
// A field held as a reference is judged where it is resolved (an unresolved one is already a
// config problem); it never falls back to the keychain.
bool isReference(const QMap<QString, CredentialRef> &refs, const QString &field)
{
    return refs.contains(field);
}
} // namespace

TokenOrigin tokenOrigin(const QString &inlineValue, const AccountAddress &address, const QString &field,
                        const KeychainTokenProbe &hasKeychainToken)
{
    if (!inlineValue.isEmpty())
        return TokenOrigin::Inline;
    if (hasKeychainToken && hasKeychainToken(address, field))
        return TokenOrigin::Keychain;
    return TokenOrigin::Missing;
}

QList<ConfigProblem> checkAccountTokens(const Config &config, const KeychainTokenProbe &hasKeychainToken)
{
    QList<ConfigProblem> problems;
    if (config.openim.enabled) {
        for (const OpenImAccountConfig &a : config.openim.accounts) {
            if (!a.enabled)
                continue;
            const QString field = QStringLiteral("token");
            if (!isReference(a.credentialRefs, field)
                && tokenOrigin(a.token, a.address(), field, hasKeychainToken) == TokenOrigin::Missing)
                problems.append(ConfigProblem{a.jsonPath,
                                              QStringLiteral("no token: not in the file and not in the keychain "
                                                             "(run: channeltray accounts set-token %1)")
                                                  .arg(a.address().toString()),
                                              0, 0});
        }
    }
    if (config.gotify.enabled) {
        for (const GotifyAccountConfig &a : config.gotify.accounts) {
            if (!a.enabled)
                continue;
            const QString app = QStringLiteral("appToken");
            const QString client = QStringLiteral("clientToken");
            const bool missing = !isReference(a.credentialRefs, app) && !isReference(a.credentialRefs, client)
                                 && tokenOrigin(a.appToken, a.address(), app, hasKeychainToken)
                                        == TokenOrigin::Missing
                                 && tokenOrigin(a.clientToken, a.address(), client, hasKeychainToken)
                                        == TokenOrigin::Missing;
            if (missing)
                problems.append(
                    ConfigProblem{a.jsonPath,
                                  QStringLiteral("no token: neither appToken nor clientToken is in the file or "
                                                 "the keychain (run: channeltray accounts set-token %1 "
                                                 "--field appToken)")
                                      .arg(a.address().toString()),
                                  0, 0});
        }
    }
    return problems;
}

} // namespace ct
