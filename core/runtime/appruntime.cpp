#include "appruntime.h"

#include "accounts/healthmonitor.h"
#include "config/jsonreader.h"
#include "connectivity/accountproxies.h"
#include "connectivity/connectivitymonitor.h"
#include "connectivity/networkrecovery.h"
#include "gotify/gotifyapi.h"
#include "gotify/gotifyconnection.h"
#include "gotify/gotifyprobe.h"
#include "gotify/gotifysend.h"
#include "inbound/historyquery.h"
#include "inbound/historyretention.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inbound/notificationpolicy.h"
#include "inbound/sentmessage.h"
#include "logging/logging.h"
#include "missingtokenconnection.h"
#include "net/heartbeatclock.h"
#include "net/idlenetworkaccess.h"
#include "net/systemproxy.h"
#include "openim/openimconnection.h"
#include "openim/openimprobe.h"
#include "refresh/tokenrefresher.h"
#include "refreshwiring.h"
#include "secrets/keychainwatcher.h"
#include "secrets/secretstore.h"
#include "secrets/tokenresolver.h"
#include "websocket/sockethub.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QTimer>
#include <memory>

namespace ct {

namespace {
QString tokenKey(const AccountAddress &a, const QString &field)
{
    return a.toString() + QLatin1Char('/') + field;
}
} // namespace

AppRuntime::AppRuntime(const Options &options, QObject *parent)
    : QObject(parent), m_options(options),
      m_history(std::make_unique<HistoryStore>(options.historyPath.isEmpty() ? HistoryStore::defaultPath()
                                                                             : options.historyPath)),
      m_notifications(std::make_unique<NotificationPolicy>()), m_secrets(std::make_unique<SecretStore>()),
      m_refresher(std::make_unique<TokenRefresher>()), m_network(new IdleNetworkAccessManager(this)),
      m_heartbeat(new HeartbeatClock(kHeartbeatPeriod, kHeartbeatJitter, this)), m_sockets(new SocketHub(this)),
      m_resolver(m_secrets.get())
{
    m_refresher->setNetworkAccessManager(m_network);
    m_history->setDeliveryConsumer(options.deliveryConsumer);
    m_pipeline = std::make_unique<InboundPipeline>(*m_history, m_config);
    m_retention = std::make_unique<HistoryRetention>(*m_history);
    m_registry = std::make_unique<AccountRegistry>(
        [this](const Config &config, const AccountAddress &address) { return makeConnection(config, address); });
    m_health = std::make_unique<HealthMonitor>(
        [this](const AccountAddress &a) { return m_registry->connection(a); });
    m_refresher->setTokenWriter(TokenRefresher::secretStoreWriter(m_secrets.get()));

    // Every delivered message is offered to the notification policy; catch-up batches coalesce.
    connect(m_pipeline.get(), &InboundPipeline::batchDelivered, m_notifications.get(),
            [this](const QList<InboundMessage> &batch) { m_notifications->offerBatch(batch); });
    // What the parts report, on the runtime's own signals for ui/ and the front ends.
    connect(m_pipeline.get(), &InboundPipeline::batchDelivered, this, &AppRuntime::messagesDelivered);
    connect(m_pipeline.get(), &InboundPipeline::storageChanged, this, &AppRuntime::storageChanged);
    connect(m_pipeline.get(), &InboundPipeline::storeFailed, this, [this] {
        if (!m_pipeline->storageError().isEmpty()) // each failed retry: the count held now
            Q_EMIT storageChanged(m_pipeline->storageError(), m_pipeline->pendingCount());
    });
    connect(m_notifications.get(), &NotificationPolicy::notify, this, &AppRuntime::notificationDue);
    connect(m_health.get(), &HealthMonitor::probeFinished, this, &AppRuntime::probeFinished);
    connect(m_history.get(), &HistoryStore::unreadChanged, this, &AppRuntime::updateUnread);
    connect(m_health.get(), &HealthMonitor::latencyMeasured, this, [this](const AccountAddress &a, int ms) {
        if (AccountConnection *c = m_registry->connection(a))
            c->reportLatency(ms);
    });
    // "Probe now" asks the server again, for every account it names.
    connect(m_health.get(), &HealthMonitor::checkRequested, this,
            [this](const AccountAddress &a) { m_serverProbes.remove(m_probeServerKey.value(a)); });
    m_health->setRefreshRequester([this](const AccountAddress &a, const QString &reason) {
        if (a.channel == kOpenImChannel)
            m_refresher->trigger(a, reason);
    });
    wireRefresher();
    if (m_options.followNetwork) {
        m_connectivity = std::make_unique<ConnectivityMonitor>();
        m_connectivity->watchSystem();
        m_recovery = std::make_unique<NetworkRecovery>(m_registry.get(), m_connectivity.get());
    }
    if (!m_options.followKeychain)
        return;
    m_keychainWatcher = new KeychainWatcher(this);
    m_keychainWatcher->setService(m_secrets->service()); // another application's items do not count
    connect(m_keychainWatcher, &KeychainWatcher::changed, this, [this] {
        rereadTokens();
        Q_EMIT keychainChanged();
    });
}

AppRuntime::~AppRuntime()
{
    stop();
}

void AppRuntime::stop()
{
    if (m_historyRetry)
        m_historyRetry->stop();
    m_health->clear();
    m_registry->stopAll();
    m_pipeline->flush();
}

bool AppRuntime::open(QString *error)
{
    return m_history->open(error);
}

bool AppRuntime::openReadOnly(QString *error)
{
    return m_history->openReadOnly(error);
}

AppRuntime::Options AppRuntime::Options::offline(const QString &configPath)
{
    Options options;
    options.configPath = configPath;
    options.firstProbeDelayMs = -1;
    options.retentionFirstRunDelayMs = -1;
    options.healthChecks = false;
    options.receive = false;
    options.startAccounts = false;
    options.followKeychain = false;
    return options;
}

void AppRuntime::wireRefresher()
{
    wireTokenRefresh(
        *m_refresher, this, [this](const AccountAddress &a) { return m_registry->connection(a); },
        [this](const AccountAddress &a, const QString &token) {
            ResolvedToken &t = m_tokens[tokenKey(a, QStringLiteral("token"))];
            t.value = token;
            t.origin = TokenOrigin::Keychain;
            // The connection takes the token in place: the next applyConfig, which reads the
            // same token back, must not re-create it.
            m_registry->adoptSettings(withResolvedTokens(m_config), a);
            documentTokenRefreshed(a, token);
        });
    // After the wiring above: a front end hears of a refresh once the connection has the token.
    connect(m_refresher.get(), &TokenRefresher::refreshSucceeded, this, &AppRuntime::tokenRefreshed);
    connect(m_refresher.get(), &TokenRefresher::refreshFailed, this, &AppRuntime::tokenRefreshFailed);
    connect(m_refresher.get(), &TokenRefresher::markerWritten, this, &AppRuntime::loginMarkerWritten);
    connect(m_refresher.get(), &TokenRefresher::markerRemoved, this,
            [this](const AccountAddress &a) { Q_EMIT loginMarkerRemoved(a, m_refresher->markerPath(a)); });
}

void AppRuntime::useMarkerPlace(const Config &config)
{
    m_refresher->setConfig(config, m_options.configPath);
}

void AppRuntime::connectNotify(const QMetaMethod &signal)
{
    if (m_eachMessageForwarded || signal != QMetaMethod::fromSignal(&AppRuntime::messageDelivered))
        return;
    m_eachMessageForwarded = true;
    connect(m_pipeline.get(), &InboundPipeline::delivered, this, &AppRuntime::messageDelivered);
}

void AppRuntime::resolveTokens(const Config &config, std::function<void()> done)
{
    struct Job
    {
        int pending = 1;
        std::function<void()> done;
    };
    auto job = std::make_shared<Job>();
    job->done = std::move(done);
    auto finishOne = [job] {
        if (--job->pending == 0)
            job->done();
    };
    QList<AccountAddress> addresses;
    for (const auto &a : config.gotify.accounts)
        addresses << a.address();
    for (const auto &a : config.openim.accounts)
        addresses << a.address();
    for (const AccountAddress &address : addresses) {
        for (const QString &field : TokenResolver::fieldsFor(address.channel)) {
            const QString key = tokenKey(address, field);
            if (std::optional<ResolvedToken> decided = TokenResolver::fromConfig(config, address, field)) {
                m_tokens.insert(key, *decided);
                continue;
            }
            // Only what a connection needs to start: a keychain app token waits for a send.
            if (field == QLatin1String("appToken") && !m_options.resolveAppTokens) {
                m_tokens.remove(key);
                continue;
            }
            ++job->pending;
            m_resolver.resolve(
                config, address, field, [this, key, address, field, finishOne](const ResolvedToken &t) {
                    m_tokens.insert(key, t);
                    if (t.keychainError != SecretError::None && t.keychainError != SecretError::NotFound)
                        Q_EMIT keychainProblem(address, field, t.message);
                    finishOne();
                });
        }
    }
    finishOne();
}

QString AppRuntime::storageError() const
{
    return m_pipeline->storageError();
}

int AppRuntime::heldMessages() const
{
    return m_pipeline->heldCount();
}

ResolvedToken AppRuntime::resolvedToken(const AccountAddress &account, const QString &field) const
{
    return m_tokens.value(tokenKey(account, field));
}

void AppRuntime::reconnectNow(const AccountAddress &account)
{
    if (AccountConnection *c = m_registry->connection(account))
        c->reconnectNow();
}

QList<AccountAddress> AppRuntime::probedAccounts() const
{
    return m_health->accounts();
}

void AppRuntime::probeNow(const AccountAddress &account)
{
    m_health->checkNow(account);
}

GotifyApi *AppRuntime::gotifyApi(const AccountAddress &account) const
{
    auto *c = qobject_cast<GotifyConnection *>(m_registry->connection(account));
    return c ? &c->api() : nullptr;
}

QString AppRuntime::tokenValue(const AccountAddress &account, const QString &field) const
{
    const auto it = m_tokens.constFind(tokenKey(account, field));
    return it == m_tokens.cend() ? QString() : it->value;
}

Config AppRuntime::withResolvedTokens(const Config &config) const
{
    Config resolved = config;
    for (GotifyAccountConfig &a : resolved.gotify.accounts) {
        a.clientToken = tokenValue(a.address(), QStringLiteral("clientToken"));
        a.appToken = tokenValue(a.address(), QStringLiteral("appToken"));
    }
    for (OpenImAccountConfig &a : resolved.openim.accounts)
        a.token = tokenValue(a.address(), QStringLiteral("token"));
    return resolved;
}

QString AppRuntime::missingTokenReason(const AccountAddress &address, const QString &field) const
{
    const ResolvedToken t = m_tokens.value(tokenKey(address, field));
    if (t.unresolvedReference) // names the reference, never a value
        return tr("%1: %2").arg(field, t.message);
    if (t.keychainError == SecretError::Locked)
        return tr("waiting for the keychain to be unlocked: the account connects once it is");
    if (t.waitingForKeychain())
        return tr("waiting for the keychain: no Secret Service is running yet; the account connects once "
                  "one starts");
    if (t.keychainError != SecretError::None && t.keychainError != SecretError::NotFound)
        return tr("%1 could not be read from the keychain: %2").arg(field, t.message);
    if (field == QLatin1String("clientToken"))
        return tr("no client token: store one with `channeltray accounts set-token %1 --field clientToken`")
            .arg(address.toString());
    return tr("no token: store one with `channeltray accounts set-token %1`").arg(address.toString());
}

AccountConnection *AppRuntime::makeConnection(const Config &config, const AccountAddress &address)
{
    if (address.channel == kGotifyChannel) {
        const GotifyAccountConfig *cfg = config.gotifyAccount(address.accountId);
        const QString clientToken = tokenValue(address, QStringLiteral("clientToken"));
        const GotifyEndpoint endpoint = GotifyEndpoint::fromConfig(
            *cfg, tokenValue(address, QStringLiteral("appToken")), clientToken);
        if (!m_options.receive) { // sends go over REST: no stream, whatever the tokens
            InboundSettings sendOnly = cfg->inbound;
            sendOnly.enabled = false;
            sendOnly.enabledExplicit = false;
            auto *gotify = new GotifyConnection(endpoint, sendOnly, nullptr, m_history.get());
            gotify->setNetwork(m_network);
            return gotify;
        }
        const ResolvedToken client = m_tokens.value(tokenKey(address, QStringLiteral("clientToken")));
        // No clientToken: a send-only account when it has an appToken and the file does not
        // ask for inbound (the plugin's default), else a missing token. A clientToken that
        // exists but cannot be had (an unresolved reference, a keychain not there yet) is missing.
        const bool wantsInbound = cfg->inbound.enabledExplicit && cfg->inbound.enabled;
        const bool clientUnavailable = client.unresolvedReference || client.waitingForKeychain();
        if (clientToken.isEmpty() && !endpoint.appToken.isEmpty() && !wantsInbound && !clientUnavailable) {
            InboundSettings sendOnly = cfg->inbound;
            sendOnly.enabled = false;
            return new GotifyConnection(endpoint, sendOnly, m_pipeline.get(), m_history.get());
        }
        if (clientToken.isEmpty())
            return new MissingTokenConnection(address, missingTokenReason(address, QStringLiteral("clientToken")));
        auto *gotify = new GotifyConnection(endpoint, cfg->inbound, m_pipeline.get(), m_history.get());
        gotify->setNetwork(m_network);
        gotify->setHeartbeatClock(m_heartbeat);
        gotify->setSocketHub(m_sockets);
        return gotify;
    }
    const OpenImAccountConfig *cfg = config.openimAccount(address.accountId);
    const QString token = tokenValue(address, QStringLiteral("token"));
    if (token.isEmpty())
        return new MissingTokenConnection(address, missingTokenReason(address, QStringLiteral("token")));
    auto *im = new OpenImConnection(*cfg, token, m_options.receive ? m_pipeline.get() : nullptr, m_history.get());
    im->setHeartbeatClock(m_heartbeat);
    im->setSocketHub(m_sockets);
    refreshOnTokenProblems(*m_refresher, im);
    return im;
}

HealthMonitor::Probe AppRuntime::sharedPerServer(const AccountAddress &address, const QString &server,
                                                 std::chrono::milliseconds interval, HealthMonitor::Probe probe)
{
    const QString key = address.channel + QLatin1Char(' ') + server;
    m_probeServerKey.insert(address, key);
    return [this, address, key, interval, probe](std::function<void(const ProbeResult &)> done) {
        const AccountConnection *c = m_registry->connection(address);
        if (!c || c->state() != AccountState::Connected) {
            probeForServer(key, address, probe, done); // its own answer: no open stream proves its token
            return;
        }
        const auto shared = m_serverProbes.constFind(key);
        if (shared != m_serverProbes.cend()
            && QDateTime::currentMSecsSinceEpoch() - shared->atMs < interval.count() / 2) {
            shareServerProbe(*shared, address, done);
            return;
        }
        if (const auto underWay = m_probesUnderWay.find(key); underWay != m_probesUnderWay.end()) {
            underWay->append({address, probe, std::move(done)});
            return;
        }
        m_probesUnderWay.insert(key, {});
        probeForServer(key, address, probe, done);
    };
}

void AppRuntime::shareServerProbe(const ServerProbe &shared, const AccountAddress &address,
                                  const std::function<void(const ProbeResult &)> &done)
{
    ProbeDetails details = shared.details;
    details.user = m_probeDetails.value(address).user; // the account's own, if it had one
    details.tokenAccepted = true;                      // its stream is open
    m_probeDetails.insert(address, details);
    done(shared.result);
}

void AppRuntime::probeForServer(const QString &key, const AccountAddress &address,
                                const HealthMonitor::Probe &probe,
                                const std::function<void(const ProbeResult &)> &done)
{
    probe([this, key, address, done](const ProbeResult &r) {
        if (r.ok)
            m_serverProbes.insert(key, {QDateTime::currentMSecsSinceEpoch(), r, m_probeDetails.value(address)});
        const QList<ProbeWaiter> waiters = m_probesUnderWay.take(key);
        done(r);
        for (const ProbeWaiter &w : waiters) {
            if (r.ok)
                shareServerProbe(m_serverProbes.value(key), w.address, w.done);
            else
                w.probe(w.done); // the failure may be the first account's own (a refused token)
        }
    });
}

void AppRuntime::wireHealth(const Config &config)
{
    m_health->clear();
    m_serverProbes.clear();
    m_probeServerKey.clear();
    m_probesUnderWay.clear();
    if (!m_options.healthChecks)
        return;
    for (const AccountAddress &address : m_registry->addresses()) {
        HealthMonitor::Probe probe = [this, address](std::function<void(const ProbeResult &)> done) {
            this->probe(address, [this, address, done](const AccountProbe &r) {
                m_probeDetails.insert(address, r.details);
                done(r.result);
            });
        };
        const QString server = address.channel == kGotifyChannel
                                   ? config.gotifyAccount(address.accountId)->serverUrl
                                   : config.openimAccount(address.accountId)->apiAddr;
        const std::chrono::milliseconds interval = HealthMonitor::intervalFor(config, address);
        m_health->setAccount(address, interval, sharedPerServer(address, server, interval, std::move(probe)));
    }
}

void AppRuntime::probe(const AccountAddress &account, ProbeCallback done, bool appTokenToo)
{
    const GotifyAccountConfig *gotify = m_config.gotifyAccount(account.accountId);
    const OpenImAccountConfig *openim = m_config.openimAccount(account.accountId);
    if (account.channel == kOpenImChannel && openim) {
        probeOpenIm(*openim, tokenValue(account, QStringLiteral("token")), m_network, std::move(done));
        return;
    }
    if (account.channel != kGotifyChannel || !gotify) {
        AccountProbe none;
        none.problem = none.result.error = QStringLiteral("no such account");
        done(none);
        return;
    }
    const QString held = tokenValue(account, QStringLiteral("appToken"));
    const QString client = tokenValue(account, QStringLiteral("clientToken"));
    // Read from the keychain only when applyConfig did not (Options::resolveAppTokens).
    if (!appTokenToo || !held.isEmpty() || m_tokens.contains(tokenKey(account, QStringLiteral("appToken")))) {
        probeGotify(*gotify, held, client, m_network, std::move(done));
        return;
    }
    m_resolver.resolve(m_config, account, QStringLiteral("appToken"),
                       [this, cfg = *gotify, client, done](const ResolvedToken &app) {
                           probeGotify(cfg, app.value, client, m_network, done);
                       });
}

void AppRuntime::probeDraft(const Config &draft, const AccountAddress &account,
                            const QMap<QString, QString> &tokens, ProbeCallback done)
{
    const GotifyAccountConfig *gotify = draft.gotifyAccount(account.accountId);
    const OpenImAccountConfig *openim = draft.openimAccount(account.accountId);
    const bool isGotify = account.channel == kGotifyChannel && gotify;
    if (!isGotify && !(account.channel == kOpenImChannel && openim)) {
        AccountProbe none;
        none.problem = none.result.error = QStringLiteral("no such account");
        done(none);
        return;
    }
    // The draft's proxy, not the one applied for its server (applyAccountProxies): the system's
    // is asked of a factory that skips the per-server proxies of the saved accounts.
    auto *network = new QNetworkAccessManager(this);
    const QNetworkProxy proxy = accountProxy(isGotify ? gotify->proxy : openim->proxy);
    if (proxy.type() == QNetworkProxy::DefaultProxy)
        network->setProxyFactory(new SystemProxyFactory(SystemProxyFactory::ServerProxies::Ignored));
    else
        network->setProxy(proxy);
    ProbeCallback finished = [network, done](const AccountProbe &r) {
        network->deleteLater();
        done(r);
    };
    if (isGotify)
        probeGotify(*gotify, tokens.value(QStringLiteral("appToken")), tokens.value(QStringLiteral("clientToken")),
                    network, std::move(finished));
    else
        probeOpenIm(*openim, tokens.value(QStringLiteral("token")), network, std::move(finished));
}

void AppRuntime::probeGotify(const GotifyAccountConfig &cfg, const QString &appToken, const QString &clientToken,
                             QNetworkAccessManager *network, ProbeCallback done)
{
    const GotifyEndpoint endpoint = GotifyEndpoint::fromConfig(cfg, appToken, clientToken);
    auto *p = new GotifyProbe(endpoint, this);
    p->setNetwork(network);
    connect(p, &GotifyProbe::finished, this, [p, done](const GotifyProbeResult &r) {
        const QString problems = r.problems.join(QStringLiteral("; "));
        AccountProbe out;
        out.result = {r.ok(), int(r.latencyMs), r.clientTokenAccepted == false, problems};
        out.details = {r.reachable, r.clientTokenAccepted, r.version, r.user, r.health};
        out.report = r.toJson();
        if (!r.ok())
            out.problem = problems.isEmpty() ? QStringLiteral("the server probe failed") : problems;
        p->deleteLater();
        done(out);
    });
    p->run();
}

void AppRuntime::probeOpenIm(const OpenImAccountConfig &cfg, const QString &token, QNetworkAccessManager *network,
                             ProbeCallback done)
{
    auto *p = new OpenImProbe(cfg, token, network, this);
    connect(p, &OpenImProbe::finished, this, [p, done, apiAddr = cfg.apiAddr](const OpenImProbeResult &r) {
        AccountProbe out;
        const QString user = r.nickname.isEmpty() ? r.userID : QStringLiteral("%1 (%2)").arg(r.userID, r.nickname);
        out.details = {r.reachable, r.reachable ? std::optional<bool>(r.tokenValid) : std::nullopt, {}, user, {}};
        out.result = {r.reachable && r.tokenValid, r.latencyMs, r.reachable && !r.tokenValid, r.error};
        out.report = {{"reachable", r.reachable}, {"tokenAccepted", r.tokenValid}, {"latencyMs", r.latencyMs}};
        if (!r.userID.isEmpty())
            out.report.insert(QStringLiteral("user"), r.userID);
        if (!r.nickname.isEmpty())
            out.report.insert(QStringLiteral("nickname"), r.nickname);
        if (r.expiresAt.isValid())
            out.report.insert(QStringLiteral("tokenExpiresAt"), r.expiresAt.toString(Qt::ISODate));
        if (r.errCode != 0)
            out.report.insert(QStringLiteral("errCode"), r.errCode);
        if (!out.result.ok)
            out.problem = !r.error.isEmpty() ? r.error
                          : !r.reachable     ? QStringLiteral("the OpenIM REST API at %1 is not reachable")
                                               .arg(JsonReader::safeUrlForMessage(apiAddr))
                                         : QStringLiteral("the server refused the token");
        p->deleteLater();
        done(out);
    });
    p->run();
}

void AppRuntime::updateUnread()
{
    if (!m_history->isOpen())
        return; // nothing counted yet (a command's runtime that never opens it)
    const QHash<AccountAddress, int> unread = m_history->unreadByAccount();
    for (const AccountAddress &a : m_registry->addresses())
        m_registry->setUnread(a, unread.value(a));
    Q_EMIT unreadCountsChanged(unread);
}

void AppRuntime::send(const SendRequest &request, SendCallback done)
{
    // Sent messages are history too: stored here, once, whichever channel sent them.
    auto stored = [this, done](const SendResult &result) {
        if (result.ok)
            storeSentMessage(*m_history, m_config, result.sent);
        done(result);
    };
    if (request.account.channel == kGotifyChannel)
        sendGotify(request, std::move(stored));
    else
        sendOpenIm(request, std::move(stored));
}

namespace {
// `done` once `finished` of `sender` (a channel's send class, or its connection's sendFinished:
// the same signature for both channels) reports the request `requestId`.
template <typename Sender, typename Finished>
void whenSent(Sender *sender, Finished finished, int requestId, AppRuntime::SendCallback done)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(sender, finished, sender,
                                   [requestId, done, connection](int id, const SendResult &r) {
                                       if (id != requestId)
                                           return;
                                       QObject::disconnect(*connection);
                                       done(r);
                                   });
}
} // namespace

void AppRuntime::sendGotify(const SendRequest &request, SendCallback done)
{
    const AccountAddress &account = request.account;
    const GotifyAccountConfig *cfg = m_config.gotifyAccount(account.accountId);
    if (!cfg) {
        SendResult none;
        none.error = tr("no account %1").arg(account.toString());
        done(none);
        return;
    }
    // The app token is resolved for each send (a keychain token is read when a send needs it,
    // not for every account at start, and a changed one is used by the next send).
    m_resolver.resolve(m_config, account, QStringLiteral("appToken"),
                       [this, request, done](const ResolvedToken &app) { sendGotifyWith(request, app, done); });
}

void AppRuntime::sendGotifyWith(const SendRequest &request, const ResolvedToken &app, SendCallback done)
{
    const AccountAddress &account = request.account;
    const GotifyAccountConfig *cfg = m_config.gotifyAccount(account.accountId);
    if (!cfg || app.unresolvedReference) { // the account went away meanwhile, or its reference
        SendResult none;
        none.error = cfg ? tr("%1: appToken: %2").arg(account.toString(), app.message)
                         : tr("no account %1").arg(account.toString());
        done(none);
        return;
    }
    if (app.keychainError != SecretError::None && app.keychainError != SecretError::NotFound)
        Q_EMIT keychainProblem(account, QStringLiteral("appToken"), app.message);
    const QString clientToken = tokenValue(account, QStringLiteral("clientToken"));
    if (app.value.isEmpty() && clientToken.isEmpty()) { // nothing the server could take
        SendResult none;
        none.error = tr("no appToken or clientToken (inline, referenced or in the keychain)");
        if (!app.message.isEmpty())
            none.error += QStringLiteral(": ") + app.message;
        done(none);
        return;
    }
    // The account's own REST queue when it is live (one request in flight per account).
    const GotifyEndpoint endpoint = GotifyEndpoint::fromConfig(*cfg, app.value, clientToken);
    if (auto *live = qobject_cast<GotifyConnection *>(m_registry->connection(account))) {
        live->api().rest().setEndpoint(endpoint); // with the app token just resolved
        whenSent(live, &GotifyConnection::sendFinished, live->send(request), std::move(done));
        return;
    }
    // No live connection (one that waits for its client token, say): a queue for this send alone.
    auto *api = new GotifyApi(endpoint, this);
    api->setNetwork(m_network);
    auto *sender = new GotifySend(*api, account, api);
    whenSent(sender, &GotifySend::finished, sender->send(request), [api, done](const SendResult &r) {
        api->deleteLater();
        done(r);
    });
}

void AppRuntime::sendOpenIm(const SendRequest &request, SendCallback done)
{
    auto *im = qobject_cast<OpenImConnection *>(m_registry->connection(request.account));
    if (!im || im->state() != AccountState::Connected) {
        SendResult offline;
        offline.errCode = -2;
        offline.error = tr("%1 is not connected; messages are sent over its live connection")
                            .arg(request.account.toString());
        done(offline);
        return;
    }
    whenSent(im, &OpenImConnection::sendFinished, im->send(request), std::move(done));
}

} // namespace ct
