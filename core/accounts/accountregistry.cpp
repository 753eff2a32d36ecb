#include "accountregistry.h"

#include "logging/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>

namespace ct {

namespace {
QByteArray gotifySettings(const GotifyAccountConfig &a)
{
    QJsonObject o{{"serverUrl", a.serverUrl},
                  {"appToken", a.appToken},
                  {"clientToken", a.clientToken},
                  {"defaultPriority", a.defaultPriority},
                  {"caCertFile", a.caCertFile},
                  {"enabled", a.enabled},
                  {"inboundEnabled", a.inbound.enabled},
                  {"reconnectDelayMs", a.inbound.reconnectDelayMs},
                  {"maxReconnectDelayMs", a.inbound.maxReconnectDelayMs},
                  {"maxReconnectAttempts", a.inbound.maxReconnectAttempts},
                  {"health", a.healthCheckIntervalMinutes}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray openimSettings(const OpenImAccountConfig &a)
{
    QJsonObject o{{"token", a.token},
                  {"wsAddr", a.wsAddr},
                  {"apiAddr", a.apiAddr},
                  {"userID", a.userID},
                  {"platformID", a.platformID ? *a.platformID : -1},
                  {"requireMention", a.requireMention},
                  {"inboundWhitelist", QJsonArray::fromStringList(a.inboundWhitelist)},
                  {"disableFriendSdk", a.disableFriendSdk},
                  {"compression", a.compression},
                  {"enabled", a.enabled},
                  {"health", a.healthCheckIntervalMinutes}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString serverKey(const QString &url)
{
    const QUrl u(url);
    return u.port() > 0 ? QStringLiteral("%1:%2").arg(u.host()).arg(u.port()) : u.host();
}
} // namespace

AccountRegistry::AccountRegistry(ConnectionFactory factory, QObject *parent)
    : QAbstractListModel(parent), m_factory(std::move(factory))
{
    m_startTimer.setInterval(0);
    connect(&m_startTimer, &QTimer::timeout, this, &AccountRegistry::startSlice);
}

AccountRegistry::~AccountRegistry()
{
    for (Entry &e : m_entries)
        delete e.connection;
}

std::vector<AccountRegistry::Wanted> AccountRegistry::wantedFrom(const Config &config)
{
    std::vector<Wanted> wanted;
    if (config.gotify.present) {
        for (const GotifyAccountConfig &a : config.gotify.accounts)
            wanted.push_back(
                {a.address(), serverKey(a.serverUrl), gotifySettings(a), config.gotify.enabled && a.enabled});
    }
    if (config.openim.present) {
        for (const OpenImAccountConfig &a : config.openim.accounts)
            wanted.push_back(
                {a.address(), serverKey(a.wsAddr), openimSettings(a), config.openim.enabled && a.enabled});
    }
    std::stable_sort(wanted.begin(), wanted.end(), [](const Wanted &x, const Wanted &y) {
        if (x.address.channel != y.address.channel)
            return x.address.channel == kGotifyChannel; // Gotify first
        return x.address.accountId < y.address.accountId;
    });
    return wanted;
}

AccountRegistry::Entry AccountRegistry::makeEntry(const Config &config, const Wanted &w)
{
    Entry e;
    e.address = w.address;
    e.server = w.server;
    e.settings = w.settings;
    e.enabled = w.enabled;
    e.connection = m_factory(config, w.address);
    return e;
}

void AccountRegistry::setConfig(const Config &config)
{
    const std::vector<Wanted> wanted = wantedFrom(config);

    // A first config (the usual case, and a thousand accounts) is one insertion.
    if (m_entries.empty()) {
        if (wanted.empty())
            return;
        beginInsertRows({}, 0, int(wanted.size()) - 1);
        m_entries.reserve(wanted.size());
        for (const Wanted &w : wanted)
            m_entries.push_back(makeEntry(config, w));
        reindex();
        for (Entry &e : m_entries)
            attach(e);
        endInsertRows();
        return;
    }

    // 1. Remove rows no longer wanted, from the bottom up.
    QHash<AccountAddress, const Wanted *> byAddress;
    for (const Wanted &w : wanted)
        byAddress.insert(w.address, &w);
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (byAddress.contains(m_entries[size_t(row)].address))
            continue;
        beginRemoveRows({}, row, row);
        detach(m_entries[size_t(row)]);
        m_entries.erase(m_entries.begin() + row);
        reindex();
        endRemoveRows();
    }
    // 2. Insert new rows at their sorted position; re-create changed connections.
    for (size_t i = 0; i < wanted.size(); ++i) {
        const Wanted &w = wanted[i];
        const int existing = rowOf(w.address);
        if (existing < 0) {
            beginInsertRows({}, int(i), int(i));
            m_entries.insert(m_entries.begin() + qsizetype(i), makeEntry(config, w));
            reindex();
            attach(m_entries[i]);
            endInsertRows();
            continue;
        }
        Entry &e = m_entries[size_t(existing)];
        if (e.settings != w.settings || e.enabled != w.enabled || e.server != w.server) {
            detach(e);
            e.settings = w.settings;
            e.enabled = w.enabled;
            e.server = w.server;
            e.connection = m_factory(config, w.address);
            attach(e);
            const QModelIndex idx = index(existing);
            Q_EMIT dataChanged(idx, idx);
        }
    }
}

void AccountRegistry::adoptSettings(const Config &config, const AccountAddress &address)
{
    const int row = rowOf(address);
    if (row < 0)
        return;
    if (const GotifyAccountConfig *a = config.gotifyAccount(address.accountId);
        a && address.channel == kGotifyChannel)
        m_entries[size_t(row)].settings = gotifySettings(*a);
    else if (const OpenImAccountConfig *o = config.openimAccount(address.accountId);
             o && address.channel == kOpenImChannel)
        m_entries[size_t(row)].settings = openimSettings(*o);
}

void AccountRegistry::reindex()
{
    m_rows.clear();
    m_rows.reserve(qsizetype(m_entries.size()));
    for (size_t i = 0; i < m_entries.size(); ++i)
        m_rows.insert(m_entries[i].address, int(i));
}

void AccountRegistry::attach(Entry &entry)
{
    entry.counted = entry.connection ? entry.connection->state() : AccountState::Disabled;
    entry.countedRetry = 0;
    ++m_stateCounts[size_t(entry.counted)];
    m_unreadTotal += entry.unread;
    recount(entry);
    AccountConnection *c = entry.connection;
    if (!c)
        return;
    c->setParent(nullptr);
    const AccountAddress address = entry.address;
    connect(c, &AccountConnection::stateChanged, this, [this, address](AccountState state, const QString &detail) {
        const int row = rowOf(address);
        if (row < 0)
            return;
        recount(m_entries[size_t(row)]);
        const QModelIndex idx = index(row);
        Q_EMIT dataChanged(idx, idx, {StateRole, StateNameRole, DetailRole, NextRetryAtRole});
        Q_EMIT accountStateChanged(address, state, detail);
    });
    connect(c, &AccountConnection::lastErrorChanged, this,
            [this, address] { rowChanged(address, {LastErrorRole}); });
    connect(c, &AccountConnection::latencyChanged, this,
            [this, address] { rowChanged(address, {LatencyMsRole}); });
    connect(c, &AccountConnection::tokenExpiresAtChanged, this,
            [this, address] { rowChanged(address, {TokenExpiresAtRole}); });
}

void AccountRegistry::detach(Entry &entry)
{
    --m_stateCounts[size_t(entry.counted)];
    m_unreadTotal -= entry.unread;
    forgetRetry(entry);
    delete entry.connection;
    entry.connection = nullptr;
}

// Takes the entry's retry time out of m_retries: O(log N) plus the accounts due at that same ms.
void AccountRegistry::forgetRetry(Entry &entry)
{
    if (!entry.countedRetry)
        return;
    auto [from, to] = m_retries.equal_range(entry.countedRetry);
    for (auto it = from; it != to; ++it)
        if (it->second == entry.address) {
            m_retries.erase(it);
            break;
        }
    entry.countedRetry = 0;
}

// Moves the entry to the count of its connection's current state, and its retry time into or
// out of m_retries: O(log N).
void AccountRegistry::recount(Entry &entry)
{
    const AccountConnection *c = entry.connection;
    const AccountState now = c ? c->state() : AccountState::Disabled;
    if (now != entry.counted) {
        --m_stateCounts[size_t(entry.counted)];
        ++m_stateCounts[size_t(now)];
        entry.counted = now;
    }
    const QDateTime retry = c && now == AccountState::Backoff ? c->nextRetryAt() : QDateTime();
    const qint64 key = retry.isValid() ? qMax<qint64>(1, retry.toMSecsSinceEpoch()) : 0;
    if (key == entry.countedRetry)
        return;
    forgetRetry(entry);
    if (key)
        m_retries.emplace(key, entry.address);
    entry.countedRetry = key;
}

QDateTime AccountRegistry::earliestRetry() const
{
    return m_retries.empty() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(m_retries.begin()->first, Qt::UTC);
}

void AccountRegistry::rowChanged(const AccountAddress &address, const QList<int> &roles)
{
    const int row = rowOf(address);
    if (row < 0)
        return;
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx, roles);
}

int AccountRegistry::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant AccountRegistry::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[size_t(index.row())];
    const AccountConnection *c = e.connection;
    const AccountState state = c ? c->state() : AccountState::Disabled;
    switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
        return e.address.toString();
    case ChannelRole:
        return e.address.channel;
    case AccountIdRole:
        return e.address.accountId;
    case StateRole:
        return QVariant::fromValue(state);
    case StateNameRole:
        return accountStateName(state);
    case DetailRole:
        return c ? c->detail() : QString();
    case LastErrorRole:
        return c ? c->lastError() : QString();
    case LatencyMsRole:
        return c ? c->latencyMs() : -1;
    case NextRetryAtRole:
        return c ? c->nextRetryAt() : QDateTime();
    case TokenExpiresAtRole:
        return c ? c->tokenExpiresAt() : QDateTime();
    case UnreadRole:
        return e.unread;
    case EnabledRole:
        return e.enabled;
    case ServerRole:
        return e.server;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountRegistry::roleNames() const
{
    return {{AddressRole, "address"},         {ChannelRole, "channel"},
            {AccountIdRole, "accountId"},     {StateRole, "state"},
            {StateNameRole, "stateName"},     {DetailRole, "detail"},
            {LastErrorRole, "lastError"},     {LatencyMsRole, "latencyMs"},
            {NextRetryAtRole, "nextRetryAt"}, {TokenExpiresAtRole, "tokenExpiresAt"},
            {UnreadRole, "unread"},           {EnabledRole, "enabled"},
            {ServerRole, "server"},           {Qt::DisplayRole, "display"}};
}

int AccountRegistry::rowOf(const AccountAddress &address) const
{
    return m_rows.value(address, -1);
}

AccountConnection *AccountRegistry::connection(const AccountAddress &address)
{
    const int row = rowOf(address);
    return row < 0 ? nullptr : m_entries[size_t(row)].connection;
}

const AccountConnection *AccountRegistry::connection(const AccountAddress &address) const
{
    const int row = rowOf(address);
    return row < 0 ? nullptr : m_entries[size_t(row)].connection;
}

QList<AccountAddress> AccountRegistry::addresses() const
{
    QList<AccountAddress> out;
    out.reserve(qsizetype(m_entries.size()));
    for (const Entry &e : m_entries)
        out << e.address;
    return out;
}

void AccountRegistry::setUnread(const AccountAddress &address, int unread)
{
    const int row = rowOf(address);
    if (row < 0 || m_entries[size_t(row)].unread == unread)
        return;
    m_unreadTotal += unread - m_entries[size_t(row)].unread;
    m_entries[size_t(row)].unread = unread;
    rowChanged(address, {UnreadRole});
}

int AccountRegistry::unread(const AccountAddress &address) const
{
    const int row = rowOf(address);
    return row < 0 ? 0 : m_entries[size_t(row)].unread;
}

void AccountRegistry::startAll()
{
    // Round-robin over the servers, so the first slices reach every server a little.
    QHash<QString, std::deque<AccountAddress>> byServer;
    QStringList order;
    for (const Entry &e : m_entries) {
        if (!e.enabled || !e.connection)
            continue;
        if (!byServer.contains(e.server))
            order << e.server;
        byServer[e.server].push_back(e.address);
    }
    m_startQueue.clear();
    for (bool any = true; any;) {
        any = false;
        for (const QString &server : std::as_const(order)) {
            std::deque<AccountAddress> &q = byServer[server];
            if (q.empty())
                continue;
            m_startQueue.push_back(q.front());
            q.pop_front();
            any = true;
        }
    }
    startSlice(); // the first slice now; the rest one slice per event-loop pass
}

void AccountRegistry::startSlice()
{
    for (int n = 0; n < kStartSlice && !m_startQueue.empty(); ++n) {
        const AccountAddress a = m_startQueue.front();
        m_startQueue.pop_front();
        const int row = rowOf(a);
        if (row >= 0 && m_entries[size_t(row)].enabled)
            if (AccountConnection *c = m_entries[size_t(row)].connection)
                c->start();
    }
    if (m_startQueue.empty())
        m_startTimer.stop();
    else if (!m_startTimer.isActive())
        m_startTimer.start();
}

void AccountRegistry::stopAll()
{
    m_startQueue.clear();
    m_startTimer.stop();
    for (Entry &e : m_entries)
        if (e.connection)
            e.connection->stop();
}

QHash<AccountState, int> AccountRegistry::stateCounts() const
{
    QHash<AccountState, int> counts;
    for (size_t s = 0; s < kStateCount; ++s)
        if (m_stateCounts[s] > 0)
            counts.insert(AccountState(s), m_stateCounts[s]);
    return counts;
}

} // namespace ct
