#pragma once
// Everything the accounts need at run time, built from one config: the config document, the
// history store, the inbound pipeline, the notification policy, one live connection per account
// (Gotify or OpenIM), token refresh, the health monitor and the network's recovery — wired
// together. One per process (the tray, each command); passed to whoever needs it, never global.
// ui/ observes its models and signals and calls its methods; it is handed no mutable part
// (docs/architecture.md "Who owns what"; tests/unit/layering checks ui/).
//
//   AppRuntime runtime({configPath});
//   runtime.open(&error);          // the SQLite history
//   runtime.readConfig();          // the config document, from the file
//   runtime.applyDocument();       // tokens (TokenResolver, asynchronously) → accounts
#include "accounts/accountregistry.h"
#include "accounts/healthmonitor.h"
#include "accounts/sendrequest.h"
#include "config/configmodel.h"
#include "inbound/inboundmessage.h"
#include "inbound/notificationpolicy.h"
#include "secrets/secretresult.h"
#include "secrets/tokenresolver.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace ct {

struct LoadResult;

class ConnectivityMonitor;
class GotifyApi;
class HeartbeatClock;
class SocketHub;
class KeychainWatcher;
class HistoryRetention;
class HistoryStore;
class InboundPipeline;
class NetworkRecovery;
class NotificationPolicy;
class SecretStore;
class TokenRefresher;

// What the latest health probe of an account found beyond HealthMonitor's ProbeResult (the
// `doctor --probe` fields), for the Diagnostics tab. Never holds a token.
struct ProbeDetails
{
    bool reachable = false;
    std::optional<bool> tokenAccepted; // nullopt: no token was checked
    QString version;                   // Gotify server version
    QString user;                      // Gotify user / OpenIM userID (nickname)
    QString health;                    // Gotify health ("green", …)
};

// One probe of an account (AppRuntime::probe): what HealthMonitor takes, what the Diagnostics
// tab shows, and the channel's own report (the `doctor --probe` JSON). Never holds a token.
struct AccountProbe
{
    ProbeResult result;
    ProbeDetails details;
    QJsonObject report;
    QString problem; // one line when !result.ok
};

class AppRuntime : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configPath;
        QString historyPath; // empty → $XDG_DATA_HOME/channeltray/history.sqlite
        // One probe of every account this long after applyConfig starts them (so latency
        // shows without waiting for the health interval); negative → none.
        int firstProbeDelayMs = 3000;
        // The first history retention run, this long after the first applyConfig; then daily;
        // negative: none (a one-shot command such as `send`).
        int retentionFirstRunDelayMs = 5000;

        // What `watch` asks for (the tray leaves these as they are):
        // only these accounts, each switched on whatever the file says; empty: every account.
        QList<AccountAddress> accounts = {};
        // The history records what is delivered for this consumer ("watch"), and the accounts'
        // start first delivers what an earlier run of it stored but had not delivered when it
        // ended (HistoryStore::setDeliveryConsumer); empty: no record.
        QString deliveryConsumer = {};
        // Every Gotify account receives, even where the file leaves its inbound off.
        bool forceInbound = false;
        // An account without a usable token fails the start: accountsFailed, nothing starts.
        bool requireTokens = false;
        // While the history cannot be opened, try again this often (historyWaiting each time)
        // and start the accounts once it opens, so their catch-up starts from what it holds;
        // 0: the accounts start at once.
        int historyRetryMs = 0;
        // HealthMonitor: probes of connected accounts, reconnects of failed ones.
        bool healthChecks = true;
        // false: the accounts start to send, not to receive (`send`): a Gotify account opens
        // no stream, an OpenIM one connects but hands nothing to the pipeline, so the history
        // gets only what the runtime sends and nothing is notified.
        bool receive = true;
        // The machine's network and its wake-ups from sleep (ConnectivityMonitor::watchSystem):
        // while the network is gone, waiting and failed accounts show Offline and wait; its
        // return, or a wake, reconnects them at once (NetworkRecovery). What the tray and `watch`
        // ask; off (tests, one-shot commands), nothing of the system is watched.
        bool followNetwork = false;
        // false: applyConfig builds the accounts (tokens resolved, connections made) and starts
        // none of them (`doctor`, which only probes); accountsStarted is not emitted.
        bool startAccounts = true;
        // Keychain changes (KeychainWatcher on the session bus) make the runtime read the tokens
        // again; off, the bus is not watched (a one-shot command, which reads them once).
        bool followKeychain = true;
        // applyConfig resolves the Gotify app tokens too, not only what the connections need
        // (`doctor`, which reports and probes them: resolvedToken).
        bool resolveAppTokens = false;

        // A one-shot command's runtime that connects nothing and writes nothing but what it is
        // asked to (`doctor`, `accounts`, `notifications`, `history`): accounts built and not started, no stream,
        // no health probes, no retention run, neither the network nor the keychain watched.
        static Options offline(const QString &configPath);
    };
    explicit AppRuntime(const Options &options, QObject *parent = nullptr);
    ~AppRuntime() override;

    bool open(QString *error);
    // The history as it is, to read: never created, migrated or moved aside (`history`, `doctor`).
    bool openReadOnly(QString *error);
    // Stops every account and stores what the pipeline still holds (also done on destruction).
    void stop();
    // Resolves tokens, then rebuilds the account list and starts the enabled accounts. `config`
    // becomes the document too.
    void applyConfig(const Config &config);
    // The config the accounts run with (scoped by the options, set once its tokens are resolved).
    const Config &config() const { return m_config; }

    // --- the config document (appruntimeconfig.cpp): the one copy of the config file that ui/
    // shows and edits, and the one way an edit reaches the file (docs/architecture.md "The config
    // document: one writer").
    // Reads the file at configPath() (absent: an empty config) into the document and returns its
    // problems (also configProblems()); nothing is applied.
    QStringList readConfig();
    // What readConfig() makes of a read the caller already made of configPath() (a command that
    // checked the file first): the document without reading the file a second time.
    QStringList useConfigRead(const LoadResult &read);
    // The config last read, last written through changeConfig, or last given to applyConfig;
    // a token the refresh wrote into the file is in it too.
    const Config &document() const { return m_document; }
    QStringList configProblems() const { return m_configProblems; }
    void applyDocument() { applyConfig(m_document); }
    // Writes what `edited` (document().raw with the user's changes) changes, and only that, on
    // the file as it is now (saveConfigChanges: format kept, a token refreshed meanwhile stays),
    // then reads the file again and applies it. False with `error` when nothing could be written
    // (the document and the accounts stay as they were).
    bool changeConfig(const QJsonObject &edited, QString *error);
    // changeConfig without the apply: writes the same difference and reads the file again into
    // the document, and builds, starts and resolves nothing (the `accounts` and `notifications`
    // commands, which edit the file and connect nothing).
    bool writeConfig(const QJsonObject &edited, QString *error);
    // The config now comes from `path` (the gateway's file used in place): readConfig() there.
    QStringList readConfigFrom(const QString &path);
    // The manual-login marker files of the document's OpenIM accounts, as they are on disk.
    QStringList markerFiles() const;
    QString configPath() const { return m_options.configPath; }

    // The accounts, as a list model to observe: read-only (its connections too); what changes
    // an account goes through the runtime (applyConfig, changeConfig, reconnectNow).
    const AccountRegistry &registry() const { return *m_registry; }
    // Read-only: the history is written by the pipeline and by the runtime's methods below.
    const HistoryStore &history() const { return *m_history; }
    // Why the history takes no writes now, and how many received messages the pipeline holds in
    // memory meanwhile; or, nothing held, why it falls behind although it takes them (its
    // checkpoints fail, HistoryStore::storageTrouble). Empty while all is well (storageChanged
    // tells each change).
    QString storageError() const;
    int heldMessages() const;

    // Parts for the status endpoint (runtimestatusapi) and the tests, never for app/ or ui/
    // (tests/unit/layering fails when a front end names them; the front ends use the methods and
    // signals below): messages are injected, the network and the status API's token driven
    // through these.
    InboundPipeline &pipeline() { return *m_pipeline; }
    NotificationPolicy &notifications() { return *m_notifications; }
    TokenRefresher &refresher() { return *m_refresher; }
    // What the runtime knows of the machine's network (Options::followNetwork), else null.
    ConnectivityMonitor *connectivity() { return m_connectivity.get(); }
    // The one token rule, over the runtime's keychain (for tokens outside the accounts, such as
    // the status API's; account tokens go through resolveToken).
    TokenResolver &tokens() { return m_resolver; }
    // An account's token as the last applyConfig resolved it (Options::resolveAppTokens: the
    // app tokens too); an empty one for a field it did not resolve. `doctor` reports these, so
    // the keychain is read once per token.
    ResolvedToken resolvedToken(const AccountAddress &account, const QString &field) const;
    // Whether the keychain was asked for a token so far (`doctor`: "keychain: not needed").
    bool keychainUsed() const { return m_resolver.keychainUsed(); }
    // Where the manual-login markers are, from a config this runtime does not apply (`accounts
    // set-token`, whose runtime builds no account): setToken removes an OpenIM account's marker
    // there. applyConfig sets it too.
    void useMarkerPlace(const Config &config);

    // --- the accounts' lifecycle and health, for ui/:
    // The account's connection tries again now (the Accounts tab's and the tray's "Reconnect").
    void reconnectNow(const AccountAddress &account);
    // The accounts the health monitor checks, and a check of one now ("Probe now"): a connected
    // account is probed afresh (probeFinished), a failed one reconnected.
    QList<AccountAddress> probedAccounts() const;
    void probeNow(const AccountAddress &account);
    // The live Gotify administration API of a Gotify account (its connection's); null when the
    // account has none (absent, not Gotify, or without a token).
    GotifyApi *gotifyApi(const AccountAddress &account) const;

    // Sends through request.account: Gotify over its REST queue, OpenIM over its live
    // connection. A sent message is stored in the history (with its session key) before `done`;
    // the one send path of the send dialog and `channeltray send`.
    using SendCallback = std::function<void(const SendResult &)>;
    void send(const SendRequest &request, SendCallback done);

    // Asks the account's server(s) once, now, with its resolved tokens: the health monitor's
    // probe, and `doctor --probe`'s. appTokenToo: a Gotify app token the config does not hold
    // is read from the keychain and checked too (doctor; health probes never read it).
    using ProbeCallback = std::function<void(const AccountProbe &)>;
    void probe(const AccountAddress &account, ProbeCallback done, bool appTokenToo = false);
    // The same probe of an account that is not applied (the account editor's "Test connection"):
    // its settings as `draft` holds them and the tokens given ("appToken", "clientToken",
    // "token"; the caller resolves them, TokenResolver's `typed`). Nothing connects, nothing is
    // stored, the registry and the health monitor are not told; the connections go through the
    // draft's `proxy` (a network manager of their own), not the applied config's.
    void probeDraft(const Config &draft, const AccountAddress &account, const QMap<QString, QString> &tokens,
                    ProbeCallback done);

    // The details of the account's latest finished health probe (set before
    // HealthMonitor::probeFinished is emitted); empty when none ran yet.
    ProbeDetails probeDetails(const AccountAddress &account) const { return m_probeDetails.value(account); }

    // The key to copy for an account ("copy session key"): its newest session in the history,
    // else the account's agent's main session.
    QString sessionKeyFor(const AccountAddress &account) const;

    // --- what the user changes (appruntimeedits.cpp): the one writer of the keychain and of
    // read marks; ui/ calls these and holds no SecretStore or writable HistoryStore itself.
    // Stores a token the user typed (key "<channel>/<accountId>/<field>"); the account uses it
    // from the next applyConfig. A new OpenIM token also clears the account's manual-login marker.
    void setToken(const AccountAddress &account, const QString &field, const QString &value,
                  std::function<void(const SecretResult &)> done = {});
    // Removes every token of an account from the keychain (the account was removed); `done`
    // once the keychain has answered every removal, with the fields it could not remove (field →
    // why; empty when all went, or were not there).
    using RemoveTokensCallback = std::function<void(const QMap<QString, QString> &failed)>;
    void removeTokens(const AccountAddress &account, RemoveTokensCallback done = {});
    // Which token fields of the account the keychain holds: `found` is called after each field
    // that is there, with every one found so far; `done`, if given, once every field was asked,
    // with all that were found.
    void storedTokenFields(const AccountAddress &account, std::function<void(const QStringList &)> found,
                           std::function<void(const QStringList &)> done = {});
    // Marks messages read; the unread counts follow (HistoryStore::unreadChanged → registry).
    void markRead(const QList<qint64> &rowIds);
    void markUnread(const QList<qint64> &rowIds);
    // "Delete" in the Messages tab: HistoryStore::deleteLocally (a tombstone stays, so the
    // messages never come back by a catch-up); the unread counts follow.
    void deleteLocally(const QList<qint64> &rowIds);
    // A part of the process that is not an account (the status endpoint, …) could not do its
    // job; the tray shows `message` among the app's problems while it runs.
    void reportProblem(const QString &message) { Q_EMIT problemReported(message); }
    // An account's token by the one rule (TokenResolver, against the current config): `typed`
    // (what the user just typed, not saved yet) wins when not empty.
    void resolveToken(const AccountAddress &account, const QString &field, TokenResolver::Callback done,
                      const QString &typed = {});

Q_SIGNALS:
    // The config is applied (tokens resolved, the account list rebuilt), just before the
    // accounts start (or wait for the history: Options::historyRetryMs).
    void configApplied();
    void accountsStarted();
    // Options::requireTokens: "<account>: <why>" for each account without a usable token.
    void accountsFailed(const QStringList &reasons);
    // Options::historyRetryMs: the history still cannot be opened; the accounts wait.
    void historyWaiting(const QString &reason);
    // The keychain may answer differently now (KeychainWatcher): the runtime reads the
    // accounts' tokens again; others that hold a keychain token (the status API) do the same.
    void keychainChanged();
    // A token could not be read from the keychain (locked, no Secret Service, …).
    void keychainProblem(const ct::AccountAddress &account, const QString &field, const QString &message);
    void problemReported(const QString &message);
    // What the parts inside report, for ui/ and the front ends to observe:
    // each batch the pipeline stored and delivered (the Messages tab);
    void messagesDelivered(const QList<ct::InboundMessage> &messages);
    // each message of those on its own, in order, counted off the delivery record
    // (Options::deliveryConsumer) just before it is emitted, so a kill never prints a line twice
    // (`watch`). Emitted only while something is connected to it: the pipeline's per-message
    // signal costs a call per message, which the tray, taking whole batches, does not pay;
    void messageDelivered(const ct::InboundMessage &message);
    // the history stopped taking writes (error, messages held in memory; again at each failed
    // retry, with the count then) or took them again (error empty);
    void storageChanged(const QString &error, int held);
    // a desktop notification is due (NotificationPolicy);
    void notificationDue(const ct::Notification &notification);
    // the unread counts per account, counted once per change of the history (the registry's
    // unread role has them too; the desktop notifications close what was read elsewhere);
    void unreadCountsChanged(const QHash<ct::AccountAddress, int> &unread);
    // a health probe of an account finished (the Diagnostics tab; details: probeDetails);
    void probeFinished(const ct::AccountAddress &account, const ct::ProbeResult &result);
    // an OpenIM token was refreshed (TokenRefresher), or its refresh failed (terminal: no more
    // attempts, a manual-login marker follows); a marker was written or removed (`watch`,
    // `accounts set-token`).
    void tokenRefreshed(const ct::AccountAddress &account, const QString &reason);
    void tokenRefreshFailed(const ct::AccountAddress &account, const QString &reason, const QString &error,
                            bool terminal);
    void loginMarkerWritten(const ct::AccountAddress &account, const QString &path);
    void loginMarkerRemoved(const ct::AccountAddress &account, const QString &path);

protected:
    // Forwards the pipeline's per-message signal once messageDelivered has a receiver.
    void connectNotify(const QMetaMethod &signal) override;

private:
    // Resolves the tokens the connections need to start (Gotify clientToken, OpenIM token, and
    // an appToken the config holds); a keychain appToken is looked up when a send needs it.
    void resolveTokens(const Config &config, std::function<void()> done);
    // The config the registry builds connections from: `config` with each token field holding
    // its resolved value, so a token that changed anywhere (keychain included) changes the
    // account's settings and the registry re-creates its connection.
    Config withResolvedTokens(const Config &config) const;
    QString tokenValue(const AccountAddress &account, const QString &field) const;
    // The keychain may answer differently (it appeared, was unlocked, an entry changed): the
    // tokens are resolved again and the accounts whose token changed are re-created; a
    // stand-in for a missing token takes the new reason.
    void rereadTokens();
    void updateMissingTokenReasons();
    void documentTokenRefreshed(const AccountAddress &account, const QString &token);
    // The config as the options scope it (Options::accounts, forceInbound).
    Config scoped(const Config &config) const;
    QStringList missingTokens() const;
    // Starts the accounts, or waits for the history first (Options::historyRetryMs).
    void startAccounts();
    void retryHistory();
    AccountConnection *makeConnection(const Config &config, const AccountAddress &address);
    void wireHealth(const Config &config);
    void wireRefresher();
    void probeGotify(const GotifyAccountConfig &account, const QString &appToken, const QString &clientToken,
                     QNetworkAccessManager *network, ProbeCallback done);
    void probeOpenIm(const OpenImAccountConfig &account, const QString &token, QNetworkAccessManager *network,
                     ProbeCallback done);
    void sendGotify(const SendRequest &request, SendCallback done);
    void sendGotifyWith(const SendRequest &request, const ResolvedToken &app, SendCallback done);
    // What a MissingTokenConnection says for a field that has no value.
    QString missingTokenReason(const AccountAddress &address, const QString &field) const;
    void sendOpenIm(const SendRequest &request, SendCallback done);
    void updateUnread();

    Options m_options;
    Config m_config;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<HistoryRetention> m_retention; // channeltray.history.retentionDays
    std::unique_ptr<InboundPipeline> m_pipeline;
    std::unique_ptr<NotificationPolicy> m_notifications;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<TokenRefresher> m_refresher;
    Config m_document;            // readConfig, changeConfig, applyConfig
    QStringList m_configProblems; // of the last readConfig
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<HealthMonitor> m_health;
    // Options::followNetwork; declared after the registry, so they go before it.
    std::unique_ptr<ConnectivityMonitor> m_connectivity;
    std::unique_ptr<NetworkRecovery> m_recovery;
    // One network manager for every account's REST calls, probes and token refreshes: one HTTP
    // thread and one connection pool per process, whatever the number of accounts.
    QNetworkAccessManager *m_network;
    // One keep-alive clock for every connection (a wake-up per period, not one per account).
    HeartbeatClock *m_heartbeat;
    SocketHub *m_sockets; // the connected ws:// streams, off Qt's notifier list
    QHash<AccountAddress, ProbeDetails> m_probeDetails;
    // The latest successful probe per server ("<channel> <server>"): a connected account whose
    // server was probed for another account within half an interval takes that answer instead
    // of probing again (its live stream already proves its token), so a thousand accounts on
    // four servers cost a few probes per interval, not a thousand.
    struct ServerProbe
    {
        qint64 atMs = 0;
        ProbeResult result;
        ProbeDetails details;
    };
    QHash<QString, ServerProbe> m_serverProbes;
    QHash<AccountAddress, QString> m_probeServerKey; // account → its key in m_serverProbes
    // Connected accounts whose check came while their server's probe was under way wait for
    // its answer instead of probing too (the first look after start checks a server's
    // accounts together). A failed answer is not shared: each of them then probes for itself.
    struct ProbeWaiter
    {
        AccountAddress address;
        HealthMonitor::Probe probe;
        std::function<void(const ProbeResult &)> done;
    };
    QHash<QString, QList<ProbeWaiter>> m_probesUnderWay;
    HealthMonitor::Probe sharedPerServer(const AccountAddress &address, const QString &server,
                                         std::chrono::milliseconds interval, HealthMonitor::Probe probe);
    void shareServerProbe(const ServerProbe &shared, const AccountAddress &address,
                          const std::function<void(const ProbeResult &)> &done);
    void probeForServer(const QString &key, const AccountAddress &address, const HealthMonitor::Probe &probe,
                        const std::function<void(const ProbeResult &)> &done);
    TokenResolver m_resolver;                     // over m_secrets
    KeychainWatcher *m_keychainWatcher = nullptr; // Options::followKeychain
    QHash<QString, ResolvedToken> m_tokens;       // "<address>/<field>" → resolved; values never logged
    quint64 m_generation = 0;                     // a newer applyConfig wins over a slower one
    QTimer *m_historyRetry = nullptr;             // Options::historyRetryMs
    bool m_undeliveredTaken = false;              // Options::deliveryConsumer: once per run
    bool m_eachMessageForwarded = false;          // messageDelivered is connected to the pipeline
};

} // namespace ct
