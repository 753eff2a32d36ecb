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
    for (const std::unique_ptr<Entry> &e : m_entries)
        delete e->connection;
}

bool AccountRegistry::rowBefore(const AccountAddress &a, const AccountAddress &b)
{
    const bool aGotify = a.channel == kGotifyChannel;
    if (aGotify != (b.channel == kGotifyChannel))
        return aGotify; // Gotify first
    if (a.channel != b.channel)
        return a.channel < b.channel;
    return a.accountId < b.accountId;
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
    std::stable_sort(wanted.begin(), wanted.end(),
                     [](const Wanted &x, const Wanted &y) { return rowBefore(x.address, y.address); });
    // One row per address: of two with the same address, the later one says what it is.
    const auto sameAddress = [](const Wanted &x, const Wanted &y) { return x.address == y.address; };
    for (auto it = std::adjacent_find(wanted.begin(), wanted.end(), sameAddress); it != wanted.end();
         it = std::adjacent_find(it, wanted.end(), sameAddress))
        it = wanted.erase(it);
    return wanted;
}

std::unique_ptr<AccountRegistry::Entry> AccountRegistry::makeEntry(const Config &config, const Wanted &w)
{
    auto e = std::make_unique<Entry>();
    e->address = w.address;
    e->server = w.server;
    e->settings = w.settings;
    e->enabled = w.enabled;
    e->connection = m_factory(config, w.address);
    return e;
}

void AccountRegistry::setConfig(const Config &config)
{
    const std::vector<Wanted> wanted = wantedFrom(config);

    // 1. Remove the rows no longer wanted, a run of adjacent rows at a time, from the bottom up.
    QHash<AccountAddress, const Wanted *> byAddress;
    byAddress.reserve(qsizetype(wanted.size()));
    for (const Wanted &w : wanted)
        byAddress.insert(w.address, &w);
    const auto unwanted = [&](int row) {
        ++m_rowsVisited;
        return !byAddress.contains(m_entries[size_t(row)]->address);
    };
    for (int row = int(m_entries.size()) - 1; row >= 0;) {
        if (!unwanted(row)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && unwanted(first - 1))
            --first;
        removeRows(first, row);
        row = first - 1;
    }
    // 2. Walk the wanted accounts and the rows together (both in rowBefore order, and every row
    // is wanted now): a run of adjacent new accounts is one insertion (a first config: all of
    // them); a kept one is re-created when its settings changed. One pass: no row is renumbered.
    const auto kept = [&](size_t row, const Wanted &w) {
        if (row >= m_entries.size())
            return false;
        ++m_rowsVisited;
        return m_entries[row]->address == w.address;
    };
    size_t row = 0;
    for (size_t i = 0; i < wanted.size();) {
        if (kept(row, wanted[i])) {
            Entry &e = *m_entries[row];
            const Wanted &w = wanted[i];
            if (e.settings != w.settings || e.enabled != w.enabled || e.server != w.server) {
                detach(e);
                e.settings = w.settings;
                e.enabled = w.enabled;
                e.server = w.server;
                e.connection = m_factory(config, w.address);
                attach(e);
                const QModelIndex idx = index(int(row));
                Q_EMIT dataChanged(idx, idx);
            }
            ++row;
            ++i;
            continue;
        }
        std::vector<const Wanted *> run{&wanted[i++]};
        for (; i < wanted.size() && !kept(row, wanted[i]); ++i)
            run.push_back(&wanted[i]);
        insertRows(int(row), config, run);
        row += run.size();
    }
}

void AccountRegistry::removeRows(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        Entry &e = *m_entries[size_t(row)];
        detach(e);
        m_byAddress.remove(e.address);
    }
    m_entries.erase(m_entries.begin() + first, m_entries.begin() + last + 1);
    endRemoveRows();
}

void AccountRegistry::insertRows(int row, const Config &config, const std::vector<const Wanted *> &wanted)
{
    if (wanted.empty())
        return;
    beginInsertRows({}, row, row + int(wanted.size()) - 1);
    std::vector<std::unique_ptr<Entry>> made;
    made.reserve(wanted.size());
    for (const Wanted *w : wanted)
        made.push_back(makeEntry(config, *w));
    m_byAddress.reserve(m_byAddress.size() + qsizetype(made.size()));
    for (const std::unique_ptr<Entry> &e : made) {
        m_byAddress.insert(e->address, e.get());
        attach(*e);
    }
    m_entries.insert(m_entries.begin() + row, std::make_move_iterator(made.begin()),
                     std::make_move_iterator(made.end()));
    endInsertRows();
}

AccountRegistry::Entry *AccountRegistry::entryOf(const AccountAddress &address) const
{
    return m_byAddress.value(address, nullptr);
}

void AccountRegistry::adoptSettings(const Config &config, const AccountAddress &address)
{
    Entry *e = entryOf(address);
    if (!e)
        return;
    if (const GotifyAccountConfig *a = config.gotifyAccount(address.accountId);
        a && address.channel == kGotifyChannel)
        e->settings = gotifySettings(*a);
    else if (const OpenImAccountConfig *o = config.openimAccount(address.accountId);
             o && address.channel == kOpenImChannel)
        e->settings = openimSettings(*o);
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
    // The entry outlives its connection (detach deletes the connection first).
    Entry *e = &entry;
    connect(c, &AccountConnection::stateChanged, this, [this, e](AccountState state, const QString &detail) {
        const AccountAddress address = e->address; // an observer may remove the entry
        recount(*e);
        rowChanged(address, {StateRole, StateNameRole, DetailRole, NextRetryAtRole});
        Q_EMIT accountStateChanged(address, state, detail);
    });
    connect(c, &AccountConnection::lastErrorChanged, this, [this, e] { rowChanged(e->address, {LastErrorRole}); });
    connect(c, &AccountConnection::latencyChanged, this, [this, e] { rowChanged(e->address, {LatencyMsRole}); });
    connect(c, &AccountConnection::tokenExpiresAtChanged, this,
            [this, e] { rowChanged(e->address, {TokenExpiresAtRole}); });
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
    const Entry &e = *m_entries[size_t(index.row())];
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

// A binary search over the rows (they are in rowBefore order): O(log N) rows looked at.
int AccountRegistry::rowOf(const AccountAddress &address) const
{
    if (!m_byAddress.contains(address))
        return -1;
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), address,
                                     [this](const std::unique_ptr<Entry> &e, const AccountAddress &a) {
                                         ++m_rowsVisited;
                                         return rowBefore(e->address, a);
                                     });
    return it != m_entries.end() && (*it)->address == address ? int(it - m_entries.begin()) : -1;
}

AccountConnection *AccountRegistry::connection(const AccountAddress &address)
{
    const Entry *e = entryOf(address);
    return e ? e->connection : nullptr;
}

const AccountConnection *AccountRegistry::connection(const AccountAddress &address) const
{
    const Entry *e = entryOf(address);
    return e ? e->connection : nullptr;
}

QList<AccountAddress> AccountRegistry::addresses() const
{
    QList<AccountAddress> out;
    out.reserve(qsizetype(m_entries.size()));
    for (const std::unique_ptr<Entry> &e : m_entries)
        out << e->address;
    return out;
}

void AccountRegistry::setUnread(const AccountAddress &address, int unread)
{
    Entry *e = entryOf(address);
    if (!e || e->unread == unread)
        return;
    m_unreadTotal += unread - e->unread;
    e->unread = unread;
    rowChanged(address, {UnreadRole});
}

int AccountRegistry::unread(const AccountAddress &address) const
{
    const Entry *e = entryOf(address);
    return e ? e->unread : 0;
}

void AccountRegistry::startAll()
{
    // Round-robin over the servers, so the first slices reach every server a little.
    QHash<QString, std::deque<AccountAddress>> byServer;
    QStringList order;
    for (const std::unique_ptr<Entry> &e : m_entries) {
        if (!e->enabled || !e->connection)
            continue;
        if (!byServer.contains(e->server))
            order << e->server;
        byServer[e->server].push_back(e->address);
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
        if (const Entry *e = entryOf(a); e && e->enabled && e->connection)
            e->connection->start();
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
    for (const std::unique_ptr<Entry> &e : m_entries)
        if (e->connection)
            e->connection->stop();
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
