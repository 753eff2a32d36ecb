// How the accounts start: a config applied (scoped as the options say), its tokens resolved,
// the account list rebuilt; the accounts start at once, or once the history opens; the
// keychain answering differently re-creates the accounts whose token changed.
#include "appruntime.h"

#include "accounts/healthmonitor.h"
#include "connectivity/accountproxies.h"
#include "inbound/historyretention.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inbound/notificationpolicy.h"
#include "logging/logging.h"
#include "missingtokenconnection.h"
#include "refresh/tokenrefresher.h"

#include <QTimer>

namespace ct {

void AppRuntime::applyConfig(const Config &fileConfig)
{
    const quint64 generation = ++m_generation;
    if (&fileConfig != &m_document)
        m_document = fileConfig;
    const Config config = scoped(fileConfig);
    applyAccountProxies(config); // each account's `proxy`, for every connection to its server
    m_retention->setRetentionDays(config.app.retentionDays);
    if (m_options.retentionFirstRunDelayMs >= 0 && !m_retention->isStarted() && m_history->isOpen())
        m_retention->start(m_options.retentionFirstRunDelayMs);
    resolveTokens(config, [this, config, generation] {
        if (generation != m_generation)
            return; // a newer config arrived meanwhile
        m_config = config;
        m_pipeline->setConfig(config);
        m_notifications->setGotifyMinPriority(config.app.gotifyMinPriority);
        m_notifications->setSettings(config.app.notifications);
        m_refresher->setConfig(config, m_options.configPath);
        m_registry->setConfig(withResolvedTokens(config));
        updateMissingTokenReasons();
        if (m_options.requireTokens) {
            const QStringList missing = missingTokens();
            if (!missing.isEmpty()) {
                Q_EMIT accountsFailed(missing);
                return;
            }
        }
        wireHealth(config);
        updateUnread();
        Q_EMIT configApplied();
        startAccounts();
    });
}

Config AppRuntime::scoped(const Config &config) const
{
    Config out = config;
    const QList<AccountAddress> &only = m_options.accounts;
    if (!only.isEmpty()) {
        out.gotify.enabled = true;
        out.openim.enabled = true;
        out.gotify.accounts.removeIf(
            [&only](const GotifyAccountConfig &a) { return !only.contains(a.address()); });
        out.openim.accounts.removeIf(
            [&only](const OpenImAccountConfig &a) { return !only.contains(a.address()); });
        for (GotifyAccountConfig &a : out.gotify.accounts)
            a.enabled = true;
        for (OpenImAccountConfig &a : out.openim.accounts)
            a.enabled = true;
    }
    if (m_options.forceInbound)
        for (GotifyAccountConfig &a : out.gotify.accounts) {
            a.inbound.enabled = true;
            a.inbound.enabledExplicit = true;
        }
    return out;
}

QStringList AppRuntime::missingTokens() const
{
    QStringList out;
    for (const AccountAddress &a : m_registry->addresses())
        if (const auto *missing = qobject_cast<MissingTokenConnection *>(m_registry->connection(a)))
            out << QStringLiteral("%1: %2").arg(a.toString(), missing->reason());
    return out;
}

void AppRuntime::startAccounts()
{
    if (m_options.historyRetryMs > 0 && !m_history->isOpen()) {
        if (!m_historyRetry) {
            m_historyRetry = new QTimer(this);
            m_historyRetry->setInterval(m_options.historyRetryMs);
            connect(m_historyRetry, &QTimer::timeout, this, &AppRuntime::retryHistory);
        }
        m_historyRetry->start();
        return;
    }
    if (!m_options.startAccounts)
        return;
    if (!m_undeliveredTaken && m_history->isOpen()) { // before anything new
        m_undeliveredTaken = true;
        m_pipeline->deliverUndelivered(m_options.accounts);
    }
    m_registry->startAll();
    // One first probe of every account (latency shows without waiting for the interval), one
    // server 20 ms after another: a thousand servers are probed over 20 s, not in one burst,
    // and the accounts of one server in one turn, which its one probe answers (a thousand
    // accounts on four servers: one wake-up, not one a second for 20 s).
    if (m_options.healthChecks && m_options.firstProbeDelayMs >= 0)
        m_health->spreadNextChecks(std::chrono::milliseconds(m_options.firstProbeDelayMs),
                                   std::chrono::milliseconds(20),
                                   [this](const AccountAddress &a) { return m_probeServerKey.value(a); });
    Q_EMIT accountsStarted();
}

void AppRuntime::retryHistory()
{
    QString why;
    if (!m_history->open(&why)) {
        Q_EMIT historyWaiting(why);
        return;
    }
    m_historyRetry->stop(); // a file moved aside meanwhile was announced by HistoryStore::movedAside
    if (m_options.retentionFirstRunDelayMs >= 0 && !m_retention->isStarted())
        m_retention->start(m_options.retentionFirstRunDelayMs);
    updateUnread();
    startAccounts();
}

void AppRuntime::rereadTokens()
{
    const quint64 generation = m_generation;
    if (generation == 0)
        return; // no config applied yet
    const QHash<QString, ResolvedToken> before = m_tokens;
    resolveTokens(m_config, [this, generation, before] {
        if (generation != m_generation)
            return; // a newer config is being applied, with tokens read after this change
        bool changed = false;
        for (auto it = m_tokens.cbegin(); it != m_tokens.cend() && !changed; ++it) {
            const ResolvedToken old = before.value(it.key());
            changed = old.value != it->value || old.keychainError != it->keychainError;
        }
        if (!changed)
            return;
        qCInfo(lcAccounts) << "the keychain changed: re-creating the accounts whose token changed";
        m_registry->setConfig(withResolvedTokens(m_config));
        updateMissingTokenReasons();
        wireHealth(m_config);
        if (m_options.startAccounts && (!m_historyRetry || !m_historyRetry->isActive())) // else once it opens
            m_registry->startAll();
    });
}

void AppRuntime::updateMissingTokenReasons()
{
    for (const AccountAddress &a : m_registry->addresses())
        if (auto *missing = qobject_cast<MissingTokenConnection *>(m_registry->connection(a)))
            missing->setReason(missingTokenReason(a, a.channel == kGotifyChannel ? QStringLiteral("clientToken")
                                                                                 : QStringLiteral("token")));
}

} // namespace ct
