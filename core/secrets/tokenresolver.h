#pragma once
// Finds an account's token: a reference in the config file (${VAR} or a SecretRef, resolved
// at load) is authoritative — when it could not be resolved the token is missing and the
// keychain is not asked; else inline in the config file (compatibility with a gateway that
// reads the same file); else the keychain. The keychain is opened lazily, so a command whose
// tokens are all inline never touches D-Bus (it may run where no Secret Service exists).
#include "config/configmodel.h"
#include "secretresult.h"

#include <memory>

namespace ct {

class SecretStore;

struct ResolvedToken
{
    TokenOrigin origin = TokenOrigin::Missing;
    QString value;                                 // NEVER log it
    SecretError keychainError = SecretError::None; // why the keychain could not answer
    QString message;                               // user-facing, empty when found
    QString source; // where it comes from: "keychain", "inline", "env GOTIFY_TOKEN", "file provider vault /x"…
    bool found() const { return origin != TokenOrigin::Missing; }
};

class TokenResolver
{
public:
    // `store` may be null: a SecretStore is then created on first keychain use.
    explicit TokenResolver(SecretStore *store = nullptr);
    ~TokenResolver();

    // FOR COMMAND-LINE CODE ONLY (spins a local event loop on a keychain read).
    ResolvedToken resolveBlocking(const QString &inlineValue, const AccountAddress &address, const QString &field);
    // The same, knowing the account's references (Config's credentialRefs).
    ResolvedToken resolveBlocking(const Config &config, const AccountAddress &address, const QString &field);
    // The reference held by `field` of the account, or null when the field is inline/absent.
    static const CredentialRef *reference(const Config &config, const AccountAddress &address,
                                          const QString &field);
    // Inline values of an account's fields, by name ("token", "appToken", "clientToken").
    static QString inlineValue(const Config &config, const AccountAddress &address, const QString &field);
    // The fields an account of this channel can hold.
    static QStringList fieldsFor(const QString &channel);

    bool keychainUsed() const { return m_used; }
    SecretStore *store();

private:
    SecretStore *m_store = nullptr;
    std::unique_ptr<SecretStore> m_owned;
    bool m_used = false;
};

QString tokenOriginName(TokenOrigin origin); // "keychain", "inline", "env", "file", "exec", "missing"

} // namespace ct
