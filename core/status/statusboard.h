#pragma once
// What the status endpoint knows about every account, gathered by observing the signals the
// process already emits — nothing in the message path waits for it:
//   AccountRegistry::accountStateChanged / AccountConnection::stateChanged → state, since,
//     connected time, reconnects;
//   InboundPipeline::batchDelivered → messages by via (stream / catch-up), last message time;
//   InboundPipeline::storeFailed → store errors;
//   GotifyConnection::catchUpFinished / OpenImConnection::catchUpFinished → catch-up sizes;
//   TokenRefresher::refreshSucceeded / refreshFailed → refresh attempts by result.
// The live values (state, detail, token expiry, latency) are read from the connection when an
// answer is built. Never holds a token.
#include "accounts/accountstate.h"
#include "config/accountaddress.h"
#include "config/configmodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <array>
#include <functional>

namespace ct {

class AccountConnection;
class AccountRegistry;
class HistoryStore;
class InboundPipeline;
class TokenRefresher;

// The history while it fails to take writes: why, and how many received messages are held in
// memory until it does (read from the pipeline when an answer is built). An empty error: it works.
struct HistoryHealth
{
    QString error;
    int heldMessages = 0;
};

// Upper bounds of the catch-up size histogram buckets (messages), +Inf implied.
inline constexpr std::array<int, 6> kCatchupBuckets{0, 1, 10, 100, 1000, 10000};

struct AccountStatus
{
    AccountAddress address;
    QString server; // the server URL, without user info or query
    bool enabled = true;
    AccountState state = AccountState::Disabled;
    QString detail;
    QString lastError;
    QDateTime since;          // when the current state began (as far as this process saw)
    QDateTime lastMessageAt;  // when the newest message was delivered; invalid when none
    int unread = -1;          // -1: unknown
    QDateTime tokenExpiresAt; // invalid when unknown
    int latencyMs = -1;
    QDateTime nextRetryAt;
    // Counters since the process started.
    double connectedSeconds = 0;
    quint64 reconnects = 0;
    quint64 messagesStream = 0;
    quint64 messagesCatchup = 0;
    std::array<quint64, kCatchupBuckets.size()> catchupBuckets{}; // cumulative, per upper bound
    quint64 catchupCount = 0;
    quint64 catchupSum = 0;
    quint64 refreshOk = 0;
    quint64 refreshRetry = 0;  // failed; another attempt follows
    quint64 refreshFailed = 0; // failed for good (needs-login)
};

class StatusBoard : public QObject
{
    Q_OBJECT
public:
    struct Sources
    {
        std::function<QList<AccountAddress>()> accounts;                             // in display order
        std::function<const AccountConnection *(const AccountAddress &)> connection; // nullptr when none
        std::function<bool(const AccountAddress &)> enabled;
        std::function<int(const AccountAddress &)> unread; // -1 when unknown
        std::function<QString(const AccountAddress &)> server;
        // When the newest stored incoming message arrived, from an earlier run too (asked once
        // per account, until this process delivers one); may be empty.
        std::function<QDateTime(const AccountAddress &)> lastStoredAt;
    };
    struct Clock
    {
        std::function<QDateTime()> now;      // wall clock (UTC) for timestamps
        std::function<qint64()> monotonicMs; // for durations
    };

    explicit StatusBoard(Sources sources, QObject *parent = nullptr);
    ~StatusBoard() override;
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void observe(InboundPipeline &pipeline);
    void observe(TokenRefresher &refresher);
    // Every connection the registry makes, also the ones it re-creates on a config change.
    void observe(const AccountRegistry &registry);
    // One connection (the `watch` command has no registry).
    void observe(const AccountConnection *connection);

    // Reading settles a state change this board did not see (it started later): it counts from now.
    QList<AccountStatus> accounts();
    bool contains(const AccountAddress &address) const;
    AccountStatus account(const AccountAddress &address);
    quint64 storeErrors() const { return m_storeErrors; }
    HistoryHealth history() const;

    // When the newest incoming message of an account was stored; invalid when none.
    static QDateTime newestStoredAt(const HistoryStore &history, const AccountAddress &address);
    // The server URL of an account in a config (Gotify serverUrl, OpenIM wsAddr), safe to show.
    static QString serverOf(const Config &config, const AccountAddress &address);

private:
    struct Counters;
    Counters &countersOf(const AccountAddress &address) const;
    void onState(const AccountAddress &address, AccountState state);
    void attach(const AccountAddress &address, const AccountConnection *connection);
    void onCatchup(const AccountAddress &address, int messages);
    QDateTime now() const;
    qint64 monotonicMs() const;

    Sources m_sources;
    Clock m_clock;
    mutable QHash<AccountAddress, Counters *> m_counters;
    quint64 m_storeErrors = 0;
    QPointer<InboundPipeline> m_pipeline;
};

} // namespace ct
