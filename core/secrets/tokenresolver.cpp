#include "tokenresolver.h"

#include "secretstore.h"

namespace ct {

TokenResolver::TokenResolver(SecretStore *store) : m_store(store) {}

TokenResolver::~TokenResolver() = default;

SecretStore *TokenResolver::store()
{
    if (!m_store) {
        m_owned = std::make_unique<SecretStore>();
        m_store = m_owned.get();
    }
    return m_store;
}

ResolvedToken TokenResolver::resolveBlocking(const QString &inlineValue, const AccountAddress &address,
                                             const QString &field)
{
    ResolvedToken out;
    if (!inlineValue.isEmpty()) {
        out.origin = TokenOrigin::Inline;
        out.source = QStringLiteral("inline");
        out.value = inlineValue;
        return out;
    }
    m_used = true;
    const SecretResult r = store()->readBlocking(address, field);
    if (r.ok() && !r.value.isEmpty()) {
        out.origin = TokenOrigin::Keychain;
        out.source = QStringLiteral("keychain");
        out.value = r.value;
        return out;
    }
    out.keychainError = r.ok() ? SecretError::NotFound : r.error;
    out.message = r.error == SecretError::NotFound || r.ok()
                      ? QStringLiteral("no %1 in the config file or the keychain").arg(field)
                      : r.message;
    return out;
}

const CredentialRef *TokenResolver::reference(const Config &config, const AccountAddress &address,
                                              const QString &field)
{
    const QMap<QString, CredentialRef> *refs = nullptr;
    if (address.channel == kGotifyChannel) {
        if (const GotifyAccountConfig *a = config.gotifyAccount(address.accountId))
            refs = &a->credentialRefs;
    } else if (address.channel == kOpenImChannel) {
        if (const OpenImAccountConfig *a = config.openimAccount(address.accountId))
            refs = &a->credentialRefs;
    }
    const auto it = refs ? refs->constFind(field) : QMap<QString, CredentialRef>::const_iterator();
    return refs && it != refs->constEnd() ? &*it : nullptr;
}

ResolvedToken TokenResolver::resolveBlocking(const Config &config, const AccountAddress &address,
                                             const QString &field)
{
    const CredentialRef *ref = reference(config, address, field);
    if (!ref)
        return resolveBlocking(inlineValue(config, address, field), address, field);
    ResolvedToken out;
    out.source = ref->description;
    if (!ref->resolved()) {
        out.message = QStringLiteral("%1 could not be resolved: %2").arg(ref->description, ref->problem);
        return out;
    }
    out.value = inlineValue(config, address, field);
    out.origin = ref->source == QLatin1String("file")   ? TokenOrigin::File
                 : ref->source == QLatin1String("exec") ? TokenOrigin::Exec
                                                        : TokenOrigin::Env;
    if (out.value.isEmpty()) { // a disabled account's reference is not resolved
        out.origin = TokenOrigin::Missing;
        out.message = QStringLiteral("%1 was not resolved").arg(ref->description);
    }
    return out;
}

QString TokenResolver::inlineValue(const Config &config, const AccountAddress &address, const QString &field)
{
    if (address.channel == kGotifyChannel) {
        if (const GotifyAccountConfig *a = config.gotifyAccount(address.accountId)) {
            if (field == QLatin1String("appToken"))
                return a->appToken;
            if (field == QLatin1String("clientToken"))
                return a->clientToken;
        }
    } else if (address.channel == kOpenImChannel) {
        if (const OpenImAccountConfig *a = config.openimAccount(address.accountId))
            if (field == QLatin1String("token"))
                return a->token;
    }
    return {};
}

QStringList TokenResolver::fieldsFor(const QString &channel)
{
    if (channel == kGotifyChannel)
        return {QStringLiteral("appToken"), QStringLiteral("clientToken")};
    if (channel == kOpenImChannel)
        return {QStringLiteral("token")};
    return {};
}

QString tokenOriginName(TokenOrigin origin)
{
    switch (origin) {
    case TokenOrigin::Keychain:
        return QStringLiteral("keychain");
    case TokenOrigin::Inline:
        return QStringLiteral("inline");
    case TokenOrigin::Env:
        return QStringLiteral("env");
    case TokenOrigin::File:
        return QStringLiteral("file");
    case TokenOrigin::Exec:
        return QStringLiteral("exec");
    case TokenOrigin::Missing:
        return QStringLiteral("missing");
    }
    return QStringLiteral("missing");
}

} // namespace ct
