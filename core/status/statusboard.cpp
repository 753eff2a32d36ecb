#include "statusboard.h"

#include "accounts/accountconnection.h"
#include "accounts/accountregistry.h"
#include "config/jsonreader.h"
#include "gotify/gotifyconnection.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "openim/openimconnection.h"
#include "refresh/tokenrefresher.h"

#include <QElapsedTimer>

namespace ct {

struct StatusBoard::Counters
{
    bool seen = false;
    AccountState state = AccountState::Disabled;
    QDateTime since;
    qint64 connectedSinceMs = -1; // monotonic; -1 when not connected
    qint64 connectedMsTotal = 0;
    quint64 connects = 0;
    quint64 messagesStream = 0;
    quint64 messagesCatchup = 0;
    QDateTime lastMessageAt;
    bool lastMessageSeeded = false; // asked the history once
    std::array<quint64, kCatchupBuckets.size()> catchupBuckets{};
    quint64 catchupCount = 0;
    quint64 catchupSum = 0;
    quint64 refreshOk = 0;
    quint64 refreshRetry = 0;
    quint64 refreshFailed = 0;
    QPointer<const AccountConnection> attached;
};

StatusBoard::StatusBoard(Sources sources, QObject *parent) : QObject(parent), m_sources(std::move(sources))
{
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    m_clock.now = [] { return QDateTime::currentDateTimeUtc(); };
    m_clock.monotonicMs = [started] { return started->elapsed(); };
}

StatusBoard::~StatusBoard()
{
    qDeleteAll(m_counters);
}

QDateTime StatusBoard::now() const
{
    return m_clock.now();
}

qint64 StatusBoard::monotonicMs() const
{
    return m_clock.monotonicMs();
}

StatusBoard::Counters &StatusBoard::countersOf(const AccountAddress &address) const
{
    Counters *&c = m_counters[address];
    if (!c)
        c = new Counters;
    return *c;
}

void StatusBoard::observe(InboundPipeline &pipeline)
{
    connect(&pipeline, &InboundPipeline::batchDelivered, this, [this](const QList<InboundMessage> &batch) {
        const QDateTime at = now();
        Counters *last = nullptr;
        AccountAddress lastAddress;
        for (const InboundMessage &m : batch) {
            if (!last || m.account != lastAddress) {
                last = &countersOf(m.account);
                lastAddress = m.account;
            }
            ++(m.via == InboundMessage::Via::Catchup ? last->messagesCatchup : last->messagesStream);
            last->lastMessageAt = at;
        }
    });
    connect(&pipeline, &InboundPipeline::storeFailed, this, [this] { ++m_storeErrors; });
    m_pipeline = &pipeline;
}

HistoryHealth StatusBoard::history() const
{
    if (!m_pipeline || m_pipeline->storageError().isEmpty())
        return {};
    return {m_pipeline->storageError(), m_pipeline->heldCount()};
}

void StatusBoard::observe(TokenRefresher &refresher)
{
    connect(&refresher, &TokenRefresher::refreshSucceeded, this,
            [this](const AccountAddress &a) { ++countersOf(a).refreshOk; });
    connect(&refresher, &TokenRefresher::refreshFailed, this,
            [this](const AccountAddress &a, const QString &, const QString &, bool terminal) {
                ++(terminal ? countersOf(a).refreshFailed : countersOf(a).refreshRetry);
            });
}

void StatusBoard::observe(const AccountRegistry &registry)
{
    connect(&registry, &AccountRegistry::accountStateChanged, this,
            [this, &registry](const AccountAddress &a, AccountState state) {
                attach(a, registry.connection(a));
                onState(a, state);
            });
    for (const AccountAddress &a : registry.addresses())
        attach(a, registry.connection(a));
}

void StatusBoard::observe(const AccountConnection *connection)
{
    const AccountAddress a = connection->address();
    attach(a, connection);
    connect(connection, &AccountConnection::stateChanged, this,
            [this, a](AccountState state) { onState(a, state); });
}

void StatusBoard::attach(const AccountAddress &address, const AccountConnection *connection)
{
    Counters &c = countersOf(address);
    if (!connection || c.attached == connection)
        return;
    c.attached = connection;
    if (auto *g = qobject_cast<const GotifyConnection *>(connection))
        connect(g, &GotifyConnection::catchUpFinished, this,
                [this, address](int messages) { onCatchup(address, messages); });
    else if (auto *im = qobject_cast<const OpenImConnection *>(connection))
        connect(im, &OpenImConnection::catchUpFinished, this,
                [this, address](int messages) { onCatchup(address, messages); });
    if (!c.seen)
        onState(address, connection->state());
}

void StatusBoard::onCatchup(const AccountAddress &address, int messages)
{
    Counters &c = countersOf(address);
    ++c.catchupCount;
    c.catchupSum += quint64(qMax(0, messages));
    for (size_t i = 0; i < kCatchupBuckets.size(); ++i)
        if (messages <= kCatchupBuckets[i])
            ++c.catchupBuckets[i];
}

void StatusBoard::onState(const AccountAddress &address, AccountState state)
{
    Counters &c = countersOf(address);
    if (c.seen && c.state == state)
        return;
    const qint64 mono = monotonicMs();
    if (c.connectedSinceMs >= 0 && state != AccountState::Connected) {
        c.connectedMsTotal += mono - c.connectedSinceMs;
        c.connectedSinceMs = -1;
    }
    if (state == AccountState::Connected && c.connectedSinceMs < 0) {
        c.connectedSinceMs = mono;
        ++c.connects;
    }
    c.seen = true;
    c.state = state;
    c.since = now();
}

bool StatusBoard::contains(const AccountAddress &address) const
{
    return m_sources.accounts().contains(address);
}

AccountStatus StatusBoard::account(const AccountAddress &address)
{
    AccountStatus s;
    s.address = address;
    s.server = m_sources.server ? m_sources.server(address) : QString();
    s.enabled = m_sources.enabled ? m_sources.enabled(address) : true;
    s.unread = m_sources.unread ? m_sources.unread(address) : -1;
    const AccountConnection *live = m_sources.connection ? m_sources.connection(address) : nullptr;
    if (live) {
        s.state = live->state();
        s.detail = live->detail();
        s.lastError = live->lastError();
        s.tokenExpiresAt = live->tokenExpiresAt();
        s.latencyMs = live->latencyMs();
        s.nextRetryAt = live->nextRetryAt();
    }
    onState(address, s.state);
    Counters &c = countersOf(address);
    s.since = c.since;
    if (!c.lastMessageAt.isValid() && !c.lastMessageSeeded && m_sources.lastStoredAt) {
        c.lastMessageSeeded = true;
        c.lastMessageAt = m_sources.lastStoredAt(address);
    }
    s.lastMessageAt = c.lastMessageAt;
    qint64 connectedMs = c.connectedMsTotal;
    if (c.connectedSinceMs >= 0)
        connectedMs += monotonicMs() - c.connectedSinceMs;
    s.connectedSeconds = double(connectedMs) / 1000.0;
    s.reconnects = c.connects > 0 ? c.connects - 1 : 0;
    s.messagesStream = c.messagesStream;
    s.messagesCatchup = c.messagesCatchup;
    s.catchupBuckets = c.catchupBuckets;
    s.catchupCount = c.catchupCount;
    s.catchupSum = c.catchupSum;
    s.refreshOk = c.refreshOk;
    s.refreshRetry = c.refreshRetry;
    s.refreshFailed = c.refreshFailed;
    return s;
}

QList<AccountStatus> StatusBoard::accounts()
{
    QList<AccountStatus> out;
    for (const AccountAddress &a : m_sources.accounts())
        out << account(a);
    return out;
}

QDateTime StatusBoard::newestStoredAt(const HistoryStore &history, const AccountAddress &address)
{
    HistoryQuery query;
    query.account = address;
    query.limit = 1;
    query.includeOutgoing = false;
    const QList<HistoryRecord> newest = history.query(query);
    return newest.isEmpty() ? QDateTime() : newest.first().storedAt;
}

QString StatusBoard::serverOf(const Config &config, const AccountAddress &address)
{
    QString url;
    if (address.channel == kGotifyChannel) {
        if (const GotifyAccountConfig *g = config.gotifyAccount(address.accountId))
            url = g->serverUrl;
    } else if (const OpenImAccountConfig *o = config.openimAccount(address.accountId)) {
        url = o->wsAddr;
    }
    return JsonReader::safeUrlForMessage(url);
}

} // namespace ct
