#pragma once
// The one place that decides where an account's token comes from (docs/architecture.md, "the
// data flow of a token"), for every user: the tray runtime (start, sends, probes, a keychain
// change), the GUI (a typed token first), `watch`, `send` and `doctor`:
//   1. typed: a value the user just typed in the editor (not saved yet);
//   2. a reference in the config file (${VAR} or a SecretRef, resolved at load) is
//      authoritative: when it could not be resolved the token is missing, with an error that
//      names the reference (never a value), and the keychain is NOT asked;
//   3. inline in the config file (compatibility with a gateway that reads the same file);
//   4. the keychain.
// The keychain is opened lazily, so a command whose tokens are all inline never touches D-Bus
// (it may run where no Secret Service exists).
#include "config/configmodel.h"
#include "secretresult.h"

#include <functional>
#include <memory>
#include <optional>

namespace ct {

class SecretStore;

struct ResolvedToken
{
    TokenOrigin origin = TokenOrigin::Missing;
    QString value;                                 // NEVER log it
    SecretError keychainError = SecretError::None; // why the keychain could not answer
    QString message;                               // user-facing, empty when found
    QString source; // where it comes from: "keychain", "inline", "env GOTIFY_TOKEN", "file provider vault /x"…
    bool unresolvedReference = false; // the config names a reference that could not be resolved
    bool found() const { return origin != TokenOrigin::Missing; }
    // The keychain could not be asked (no Secret Service, or its collection is locked): the
    // token may well be there; ask again when the keychain appears or is unlocked.
    bool waitingForKeychain() const
    {
        return keychainError == SecretError::NoBackend || keychainError == SecretError::Locked;
    }
};

class TokenResolver
{
public:
    using Callback = std::function<void(const ResolvedToken &)>;

    // `store` may be null: a SecretStore is then created on first keychain use.
    explicit TokenResolver(SecretStore *store = nullptr);
    ~TokenResolver();

    // The rule above; asks the keychain asynchronously (through the store's queue) only when
    // the config does not decide. `typed` wins when not empty.
    void resolve(const Config &config, const AccountAddress &address, const QString &field, Callback done,
                 const QString &typed = {});
    // A token outside the accounts (the status API's bearer token): inline, else the keychain.
    void resolve(const QString &inlineValue, const AccountAddress &address, const QString &field, Callback done);
    // FOR COMMAND-LINE CODE ONLY (spins a local event loop on a keychain read).
    ResolvedToken resolveBlocking(const Config &config, const AccountAddress &address, const QString &field);
    // A token outside the accounts (the status API's): inline, else the keychain.
    ResolvedToken resolveBlocking(const QString &inlineValue, const AccountAddress &address, const QString &field);

    // Steps 1–3: the answer when the config (or the typed value) decides, nullopt when the
    // keychain has to be asked.
    static std::optional<ResolvedToken> fromConfig(const Config &config, const AccountAddress &address,
                                                   const QString &field, const QString &typed = {});
    // Step 4: what a keychain answer means for the token.
    static ResolvedToken fromKeychain(const SecretResult &result, const QString &field);

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
