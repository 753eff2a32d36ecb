#pragma once
// Token refresh and recovery for OpenIM accounts (docs/architecture.md "Configuration"
// tokenRefresh). One TokenRefresher per app; per-account state inside. Modes:
//   http — HttpRefreshJob (in-process request), retried with per-account exponential backoff
//          up to RetryPolicy::maxAttempts attempts, then terminal;
//   hook — HookRefreshJob (one run; any failure is terminal); without a command it is `off`;
//   off  — terminal at once.
// Single flight: a trigger for an account whose refresh is in flight (running or waiting
// for its next attempt) joins it. Accounts never wait for each other.
//
// On success: the new token goes back where the old one came from — patched into the config
// file (ConfigTokenPatcher, textual, atomic) when the account's token is inline, else (keychain
// token, or a ${VAR}/SecretRef in the token field, which is never overwritten) to the keychain through the TokenWriter (SecretStore by default via secretStoreWriter()); the
// account's marker is removed; refreshSucceeded() is emitted and credentials() holds the
// new token and the userID (the hook's output when it names one, else the token's JWT
// claims); the connection uses that userID over the config's. On terminal failure: the manual-login marker is written (never a token),
// markerWritten() then refreshFailed(…, terminal = true).
//
// HOOK-UP (owner of the connections, e.g. app/ or the CLI `watch`):
//   connect(openIm, &OpenImConnection::tokenProblem, refresher,
//           [=](const QString &event, int errCode) {
//               refresher->trigger(openIm->address(),
//                                  QStringLiteral("%1 errCode=%2").arg(event).arg(errCode));
//           });
//   connect(refresher, &TokenRefresher::refreshSucceeded, openIm,
//           [=](const AccountAddress &a) {
//               if (a != openIm->address()) return;
//               const auto c = refresher->credentials(a);   // token + userID, never logged
//               openIm->setToken(c->token, c->userID);
//               openIm->reconnectNow();
//           });
//   refreshFailed(terminal = true) → the connection shows NeedsLogin; markerWritten → the
//   `watch --json` {"type":"marker"} line; refreshSucceeded/refreshFailed(terminal) → the
//   {"type":"refresh","result":"ok"|"failed"} line. When the user stores a new token
//   (set-token, account editor) call tokenReplaced(address): the marker goes away.
#include "config/configmodel.h"
#include "refreshattempt.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace ct {

class SecretStore;

struct RefreshedCredentials
{
    QString token;       // NEVER log it
    QString userID;      // the hook's, else the claims'; empty when neither named one
    QDateTime expiresAt; // the token's "exp", invalid when absent
};

class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    // Stores `token` for the account and calls `done(ok, error)` exactly once.
    using TokenWriter = std::function<void(const AccountAddress &address, const QString &token,
                                           std::function<void(bool ok, const QString &error)> done)>;
    struct RetryPolicy
    {
        int initialDelayMs = 5000;
        int maxDelayMs = 300000;
        int maxAttempts = 4; // http attempts per flight before the failure is terminal
        double jitter = 0.2;
    };

    explicit TokenRefresher(QObject *parent = nullptr);
    ~TokenRefresher() override;

    // The recipe, the accounts (for which tokens are inline) and the config file to patch.
    void setConfig(const TokenRefreshConfig &refresh, const QList<OpenImAccountConfig> &accounts,
                   const QString &configFilePath);
    void setConfig(const Config &config, const QString &configFilePath)
    {
        setConfig(config.openim.tokenRefresh, config.openim.accounts, configFilePath);
    }
    void setTokenWriter(TokenWriter writer) { m_writer = std::move(writer); }
    // A TokenWriter over SecretStore (key "<channel>/<accountId>/token"); `store` must outlive it.
    static TokenWriter secretStoreWriter(SecretStore *store);
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    // The QNetworkAccessManager for http mode; one of its own when never set.
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }

    // Starts a refresh for the account, or joins the one in flight. `reason` names the trigger
    // and the error code ("OnConnectFailed errCode=10001"). Signals follow from the event loop,
    // never from inside this call (mode off: the marker is written on the next turn).
    void trigger(const AccountAddress &address, const QString &reason);
    // The user stored a new token: the marker is removed and the backoff starts afresh.
    void tokenReplaced(const AccountAddress &address);

    bool isRefreshing(const AccountAddress &address) const;
    // What the last successful refresh produced; nullopt before one.
    std::optional<RefreshedCredentials> credentials(const AccountAddress &address) const;
    QString markerPath(const AccountAddress &address) const;

Q_SIGNALS:
    void refreshStarted(const ct::AccountAddress &address, const QString &reason);
    void refreshSucceeded(const ct::AccountAddress &address, const QString &reason);
    // terminal = false: another attempt follows after the backoff; true: a marker was written.
    void refreshFailed(const ct::AccountAddress &address, const QString &reason, const QString &error,
                       bool terminal);
    // The token was refreshed but could not be stored (keychain or config file).
    void persistFailed(const ct::AccountAddress &address, const QString &error);
    void markerWritten(const ct::AccountAddress &address, const QString &path);
    void markerRemoved(const ct::AccountAddress &address);

private:
    struct Account;
    Account &account(const AccountAddress &address);
    const OpenImAccountConfig *accountConfig(const QString &id) const;
    void startAttempt(Account &a);
    void onAttemptFinished(Account &a, const RefreshAttemptResult &result, const QStringList &secrets);
    void persist(Account &a, const RefreshAttemptResult &result);
    void succeed(Account &a, const RefreshedCredentials &credentials);
    void failTerminally(Account &a, const QString &error, const QStringList &secrets);
    void removeMarker(Account &a);

    TokenRefreshConfig m_refresh;
    QList<OpenImAccountConfig> m_accounts;
    QString m_configPath;
    TokenWriter m_writer;
    RetryPolicy m_policy;
    QNetworkAccessManager *m_network = nullptr;
    QHash<AccountAddress, std::shared_ptr<Account>> m_state;
};

} // namespace ct
