#include "tokenrefresher.h"

#include "config/tokenrefreshreader.h"
#include "configtokenpatcher.h"
#include "hookrefreshjob.h"
#include "httprefreshjob.h"
#include "logging/logging.h"
#include "manualloginmarker.h"
#include "net/backoff.h"
#include "net/jwtclaims.h"
#include "secrets/secretstore.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace ct {

struct TokenRefresher::Account
{
    Account(const AccountAddress &addr, const RetryPolicy &policy)
        : address(addr), backoff(policy.initialDelayMs, policy.maxDelayMs, 0, policy.jitter)
    {
        retryTimer.setSingleShot(true);
    }
    AccountAddress address;
    bool inFlight = false;
    QString reason;
    int attempts = 0;
    QString lastError;
    Backoff backoff;
    QTimer retryTimer;
    QPointer<QObject> job;
    std::optional<RefreshedCredentials> credentials;
};

TokenRefresher::TokenRefresher(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

TokenRefresher::~TokenRefresher() = default;

void TokenRefresher::setConfig(const TokenRefreshConfig &refresh, const QList<OpenImAccountConfig> &accounts,
                               const QString &configFilePath)
{
    m_refresh = refresh;
    m_accounts = accounts;
    m_configPath = configFilePath;
}

TokenRefresher::TokenWriter TokenRefresher::secretStoreWriter(SecretStore *store)
{
    return [store](const AccountAddress &address, const QString &token,
                   std::function<void(bool, const QString &)> done) {
        store->write(address, QStringLiteral("token"), token,
                     [done](const SecretResult &result) { done(result.ok(), result.message); });
    };
}

TokenRefresher::Account &TokenRefresher::account(const AccountAddress &address)
{
    auto &slot = m_state[address];
    if (!slot) {
        slot = std::make_shared<Account>(address, m_policy);
        Account *a = slot.get();
        connect(&a->retryTimer, &QTimer::timeout, this, [this, a] { startAttempt(*a); });
    }
    return *slot;
}

const OpenImAccountConfig *TokenRefresher::accountConfig(const QString &id) const
{
    for (const auto &a : m_accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

bool TokenRefresher::isRefreshing(const AccountAddress &address) const
{
    const auto it = m_state.constFind(address);
    return it != m_state.constEnd() && (*it)->inFlight;
}

std::optional<RefreshedCredentials> TokenRefresher::credentials(const AccountAddress &address) const
{
    const auto it = m_state.constFind(address);
    return it == m_state.constEnd() ? std::nullopt : (*it)->credentials;
}

QString TokenRefresher::markerPath(const AccountAddress &address) const
{
    return ManualLoginMarker::pathFor(m_refresh.manualLoginMarkerPath, address.accountId);
}

void TokenRefresher::trigger(const AccountAddress &address, const QString &reason)
{
    Account &a = account(address);
    if (a.inFlight) {
        qCInfo(lcRefresh).noquote() << "refresh of" << address.toString() << "already in flight;" << reason
                                    << "joins it";
        return;
    }
    a.inFlight = true;
    a.reason = reason;
    a.attempts = 0;
    a.lastError.clear();
    qCInfo(lcRefresh).noquote() << "refresh of" << address.toString() << "starts:" << reason << "mode"
                                << refreshModeName(m_refresh.mode);
    // Never emit from inside trigger(): the caller is often a connection's own signal handler.
    Account *ap = &a;
    QTimer::singleShot(0, this, [this, ap] {
        Q_EMIT refreshStarted(ap->address, ap->reason);
        startAttempt(*ap);
    });
}

void TokenRefresher::tokenReplaced(const AccountAddress &address)
{
    Account &a = account(address);
    a.backoff.reset();
    removeMarker(a);
}

void TokenRefresher::startAttempt(Account &a)
{
    const RefreshMode mode = m_refresh.mode;
    if (mode == RefreshMode::Off)
        return failTerminally(a, QStringLiteral("token refresh is off"), {});
    if (mode == RefreshMode::Hook && m_refresh.hook.command.isEmpty())
        return failTerminally(a, QStringLiteral("no tokenRefresh.hook.command is configured"), {});
    if (mode == RefreshMode::Http && m_refresh.http.endpoint.isEmpty())
        return failTerminally(a, QStringLiteral("no tokenRefresh.http.endpoint is configured"), {});
    ++a.attempts;
    Account *ap = &a;
    if (mode == RefreshMode::Hook) {
        auto *job = new HookRefreshJob(m_refresh.hook, a.address.accountId, a.reason, this);
        a.job = job;
        connect(job, &HookRefreshJob::finished, this, [this, ap, job](const RefreshAttemptResult &r) {
            job->deleteLater();
            onAttemptFinished(*ap, r, {});
        });
        job->start();
        return;
    }
    auto *job = new HttpRefreshJob(m_network, m_refresh.http, a.address.accountId, a.reason, this);
    a.job = job;
    connect(job, &HttpRefreshJob::finished, this, [this, ap, job](const RefreshAttemptResult &r) {
        job->deleteLater();
        onAttemptFinished(*ap, r, job->stateSecrets());
    });
    job->start();
}

void TokenRefresher::onAttemptFinished(Account &a, const RefreshAttemptResult &result, const QStringList &secrets)
{
    if (result.ok)
        return persist(a, result);
    a.lastError = result.error;
    const bool retry = result.retryable && m_refresh.mode == RefreshMode::Http
                       && a.attempts < m_policy.maxAttempts;
    if (!retry)
        return failTerminally(a, result.error, secrets);
    const int delay = a.backoff.next().value_or(m_policy.maxDelayMs);
    qCWarning(lcRefresh).noquote() << "refresh attempt" << a.attempts << "of" << a.address.toString()
                                   << "failed:" << result.error << "- next attempt in" << delay << "ms";
    Q_EMIT refreshFailed(a.address, a.reason, result.error, false);
    a.retryTimer.start(delay);
}

void TokenRefresher::persist(Account &a, const RefreshAttemptResult &result)
{
    RefreshedCredentials credentials;
    credentials.token = result.token;
    credentials.userID = result.userID;
    if (const auto claims = JwtClaims::parse(result.token)) {
        // The hook's userID (it names the user the new token is for) wins over the claims.
        if (credentials.userID.isEmpty())
            credentials.userID = claims->userID;
        credentials.expiresAt = claims->expiresAt;
    }
    const OpenImAccountConfig *config = accountConfig(a.address.accountId);
    // An inline token is patched where the gateway reads it; a token field holding ${VAR} or a
    // SecretRef is never overwritten: the new token goes to the keychain like a keychain one.
    const bool inlineToken = config && !config->token.isEmpty()
                             && !config->credentialRefs.contains(QStringLiteral("token"));
    if (inlineToken) {
        QString error;
        if (m_configPath.isEmpty())
            error = QStringLiteral("the token of %1 is inline but the config file is unknown")
                        .arg(a.address.toString());
        else if (ConfigTokenPatcher::patchOpenImToken(m_configPath, a.address.accountId, result.token, &error))
            const_cast<OpenImAccountConfig *>(config)->token = result.token;
        if (!error.isEmpty()) {
            qCWarning(lcRefresh).noquote() << error;
            Q_EMIT persistFailed(a.address, error);
        }
        return succeed(a, credentials);
    }
    if (!m_writer) {
        const QString error = QStringLiteral("no keychain writer; the new token of %1 is kept in "
                                             "memory only")
                                  .arg(a.address.toString());
        qCWarning(lcRefresh).noquote() << error;
        Q_EMIT persistFailed(a.address, error);
        return succeed(a, credentials);
    }
    QPointer<TokenRefresher> self(this);
    Account *ap = &a;
    m_writer(a.address, result.token, [self, ap, credentials](bool ok, const QString &error) {
        if (!self)
            return;
        if (!ok) {
            qCWarning(lcRefresh).noquote()
                << "storing the new token of" << ap->address.toString() << "failed:" << error;
            Q_EMIT self->persistFailed(ap->address, error);
        }
        self->succeed(*ap, credentials);
    });
}

void TokenRefresher::succeed(Account &a, const RefreshedCredentials &credentials)
{
    a.inFlight = false;
    a.backoff.reset();
    a.credentials = credentials;
    a.lastError.clear();
    qCInfo(lcRefresh).noquote() << "refresh of" << a.address.toString() << "succeeded after" << a.attempts
                                << "attempt(s)";
    removeMarker(a);
    Q_EMIT refreshSucceeded(a.address, a.reason);
}

void TokenRefresher::failTerminally(Account &a, const QString &error, const QStringList &secrets)
{
    a.inFlight = false;
    a.backoff.reset();
    a.lastError = error;
    ManualLoginMarker marker;
    marker.address = a.address;
    marker.reason = a.reason;
    marker.time = QDateTime::currentDateTimeUtc();
    marker.mode = refreshModeName(m_refresh.mode);
    if (m_refresh.mode == RefreshMode::Http)
        marker.endpoint = m_refresh.http.endpoint; // the template, so no state value is in it
    else if (m_refresh.mode == RefreshMode::Hook && !m_refresh.hook.command.isEmpty())
        marker.command = m_refresh.hook.command.first();
    marker.attempts = a.attempts;
    marker.lastError = error;
    QStringList known = secrets;
    if (const OpenImAccountConfig *config = accountConfig(a.address.accountId))
        if (!config->token.isEmpty())
            known << config->token;
    if (a.credentials)
        known << a.credentials->token;
    const QString path = markerPath(a.address);
    QString writeError;
    qCWarning(lcRefresh).noquote() << "refresh of" << a.address.toString() << "failed terminally:" << error;
    if (marker.write(path, known, &writeError))
        Q_EMIT markerWritten(a.address, path);
    else
        qCWarning(lcRefresh).noquote() << writeError;
    Q_EMIT refreshFailed(a.address, a.reason, error, true);
}

void TokenRefresher::removeMarker(Account &a)
{
    if (ManualLoginMarker::remove(markerPath(a.address)))
        Q_EMIT markerRemoved(a.address);
}

} // namespace ct
