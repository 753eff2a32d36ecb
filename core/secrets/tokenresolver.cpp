#include "tokenresolver.h"

#include "secretstore.h"

namespace ct {

namespace {
ResolvedToken inlineToken(const QString &value)
{
    ResolvedToken out;
    out.origin = TokenOrigin::Inline;
    out.source = QStringLiteral("inline");
    out.value = value;
    return out;
}
} // namespace

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

std::optional<ResolvedToken> TokenResolver::fromConfig(const Config &config, const AccountAddress &address,
                                                       const QString &field, const QString &typed)
{
    if (!typed.isEmpty()) {
        ResolvedToken out = inlineToken(typed); // not saved anywhere yet: as good as inline
        out.source = QStringLiteral("typed");
        return out;
    }
    ResolvedToken out;
    if (const CredentialRef *ref = reference(config, address, field)) {
        out.source = ref->description;
        if (!ref->resolved()) {
            out.unresolvedReference = true;
            out.message = QStringLiteral("%1 could not be resolved: %2").arg(ref->description, ref->problem);
            return out;
        }
        out.value = inlineValue(config, address, field);
        out.origin = ref->source == QLatin1String("file")   ? TokenOrigin::File
                     : ref->source == QLatin1String("exec") ? TokenOrigin::Exec
                                                            : TokenOrigin::Env;
        if (out.value.isEmpty()) { // a disabled account's reference is not resolved
            out.origin = TokenOrigin::Missing;
            out.unresolvedReference = true;
            out.message = QStringLiteral("%1 was not resolved").arg(ref->description);
        }
        return out;
    }
    const QString inl = inlineValue(config, address, field);
    if (inl.isEmpty())
        return std::nullopt;
    return inlineToken(inl);
}

ResolvedToken TokenResolver::fromKeychain(const SecretResult &r, const QString &field)
{
    ResolvedToken out;
    out.source = QStringLiteral("keychain");
    if (r.ok() && !r.value.isEmpty()) {
        out.origin = TokenOrigin::Keychain;
        out.value = r.value;
        return out;
    }
    out.keychainError = r.ok() ? SecretError::NotFound : r.error;
    out.message = out.keychainError == SecretError::NotFound
                      ? QStringLiteral("no %1 in the config file or the keychain").arg(field)
                      : r.message;
    return out;
}

void TokenResolver::resolve(const Config &config, const AccountAddress &address, const QString &field,
                            Callback done, const QString &typed)
{
    if (std::optional<ResolvedToken> decided = fromConfig(config, address, field, typed)) {
        done(*decided);
        return;
    }
    m_used = true;
    store()->read(address, field, [field, done](const SecretResult &r) { done(fromKeychain(r, field)); });
}

ResolvedToken TokenResolver::resolveBlocking(const Config &config, const AccountAddress &address,
                                             const QString &field)
{
    if (std::optional<ResolvedToken> decided = fromConfig(config, address, field))
        return *decided;
    m_used = true;
    return fromKeychain(store()->readBlocking(address, field), field);
}

void TokenResolver::resolve(const QString &inlineValue, const AccountAddress &address, const QString &field,
                            Callback done)
{
    if (!inlineValue.isEmpty()) {
        done(inlineToken(inlineValue));
        return;
    }
    m_used = true;
    store()->read(address, field, [field, done](const SecretResult &r) { done(fromKeychain(r, field)); });
}

ResolvedToken TokenResolver::resolveBlocking(const QString &inlineValue, const AccountAddress &address,
                                             const QString &field)
{
    if (!inlineValue.isEmpty())
        return inlineToken(inlineValue);
    m_used = true;
    return fromKeychain(store()->readBlocking(address, field), field);
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
