#include "accountregistry.h"

#include "logging/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace ct {

namespace {
QByteArray gotifySettings(const GotifyAccountConfig &a)
{
    QJsonObject o{{"serverUrl", a.serverUrl}, {"appToken", a.appToken}, {"clientToken", a.clientToken},
                  {"defaultPriority", a.defaultPriority}, {"caCertFile", a.caCertFile},
                  {"enabled", a.enabled}, {"inboundEnabled", a.inbound.enabled},
                  {"reconnectDelayMs", a.inbound.reconnectDelayMs},
                  {"maxReconnectDelayMs", a.inbound.maxReconnectDelayMs},
                  {"maxReconnectAttempts", a.inbound.maxReconnectAttempts},
                  {"health", a.healthCheckIntervalMinutes}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray openimSettings(const OpenImAccountConfig &a)
{
    QJsonObject o{{"token", a.token}, {"wsAddr", a.wsAddr}, {"apiAddr", a.apiAddr},
                  {"userID", a.userID}, {"platformID", a.platformID ? *a.platformID : -1},
                  {"requireMention", a.requireMention},
                  {"inboundWhitelist", QJsonArray::fromStringList(a.inboundWhitelist)},
                  {"disableFriendSdk", a.disableFriendSdk}, {"compression", a.compression},
                  {"enabled", a.enabled}, {"health", a.healthCheckIntervalMinutes}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

AccountRegistry::AccountRegistry(ConnectionFactory factory, QObject *parent)
    : QAbstractListModel(parent), m_factory(std::move(factory))
{
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
            wanted.push_back({a.address(), gotifySettings(a), config.gotify.enabled && a.enabled});
    }
    if (config.openim.present) {
        for (const OpenImAccountConfig &a : config.openim.accounts)
            wanted.push_back({a.address(), openimSettings(a), config.openim.enabled && a.enabled});
    }
    std::stable_sort(wanted.begin(), wanted.end(), [](const Wanted &x, const Wanted &y) {
        if (x.address.channel != y.address.channel)
            return x.address.channel == kGotifyChannel; // Gotify first
        return x.address.accountId < y.address.accountId;
    });
    return wanted;
}

void AccountRegistry::setConfig(const Config &config)
{
    const std::vector<Wanted> wanted = wantedFrom(config);

    // 1. Remove rows no longer wanted, from the bottom up.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        const auto it = std::find_if(wanted.begin(), wanted.end(), [&](const Wanted &w) {
            return w.address == m_entries[size_t(row)].address;
        });
        if (it != wanted.end())
            continue;
        beginRemoveRows({}, row, row);
        delete m_entries[size_t(row)].connection;
        m_entries.erase(m_entries.begin() + row);
        endRemoveRows();
    }
    // 2. Insert new rows at their sorted position; re-create changed connections.
    for (size_t i = 0; i < wanted.size(); ++i) {
        const Wanted &w = wanted[i];
        const int existing = rowOf(w.address);
        if (existing < 0) {
            beginInsertRows({}, int(i), int(i));
            Entry e{w.address, w.settings, w.enabled, nullptr, 0};
            e.connection = m_factory(config, w.address);
            m_entries.insert(m_entries.begin() + qsizetype(i), e);
            attach(m_entries[i]);
            endInsertRows();
            continue;
        }
        Entry &e = m_entries[size_t(existing)];
        if (e.settings != w.settings || e.enabled != w.enabled) {
            delete e.connection;
            e.settings = w.settings;
            e.enabled = w.enabled;
            e.connection = m_factory(config, w.address);
            attach(e);
            const QModelIndex idx = index(existing);
            Q_EMIT dataChanged(idx, idx);
        }
    }
}

void AccountRegistry::attach(Entry &entry)
{
    AccountConnection *c = entry.connection;
    if (!c)
        return;
    c->setParent(nullptr);
    const AccountAddress address = entry.address;
    connect(c, &AccountConnection::stateChanged, this,
            [this, address](AccountState state, const QString &detail) {
                rowChanged(address, {StateRole, StateNameRole, DetailRole, NextRetryAtRole});
                Q_EMIT accountStateChanged(address, state, detail);
            });
    connect(c, &AccountConnection::lastErrorChanged, this,
            [this, address] { rowChanged(address, {LastErrorRole}); });
    connect(c, &AccountConnection::latencyChanged, this,
            [this, address] { rowChanged(address, {LatencyMsRole}); });
    connect(c, &AccountConnection::tokenExpiresAtChanged, this,
            [this, address] { rowChanged(address, {TokenExpiresAtRole}); });
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
    case AddressRole: return e.address.toString();
    case ChannelRole: return e.address.channel;
    case AccountIdRole: return e.address.accountId;
    case StateRole: return QVariant::fromValue(state);
    case StateNameRole: return accountStateName(state);
    case DetailRole: return c ? c->detail() : QString();
    case LastErrorRole: return c ? c->lastError() : QString();
    case LatencyMsRole: return c ? c->latencyMs() : -1;
    case NextRetryAtRole: return c ? c->nextRetryAt() : QDateTime();
    case TokenExpiresAtRole: return c ? c->tokenExpiresAt() : QDateTime();
    case UnreadRole: return e.unread;
    case EnabledRole: return e.enabled;
    default: return {};
    }
}

QHash<int, QByteArray> AccountRegistry::roleNames() const
{
    return {{AddressRole, "address"},       {ChannelRole, "channel"},
            {AccountIdRole, "accountId"},   {StateRole, "state"},
            {StateNameRole, "stateName"},   {DetailRole, "detail"},
            {LastErrorRole, "lastError"},   {LatencyMsRole, "latencyMs"},
            {NextRetryAtRole, "nextRetryAt"}, {TokenExpiresAtRole, "tokenExpiresAt"},
            {UnreadRole, "unread"},         {EnabledRole, "enabled"},
            {Qt::DisplayRole, "display"}};
}

int AccountRegistry::rowOf(const AccountAddress &address) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].address == address)
            return int(i);
    return -1;
}

AccountConnection *AccountRegistry::connection(const AccountAddress &address) const
{
    const int row = rowOf(address);
    return row < 0 ? nullptr : m_entries[size_t(row)].connection;
}

QList<AccountAddress> AccountRegistry::addresses() const
{
    QList<AccountAddress> out;
    for (const Entry &e : m_entries)
        out << e.address;
    return out;
}

void AccountRegistry::setUnread(const AccountAddress &address, int unread)
{
    const int row = rowOf(address);
    if (row < 0 || m_entries[size_t(row)].unread == unread)
        return;
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
    for (Entry &e : m_entries)
        if (e.enabled && e.connection)
            e.connection->start();
}

void AccountRegistry::stopAll()
{
    for (Entry &e : m_entries)
        if (e.connection)
            e.connection->stop();
}

QHash<AccountState, int> AccountRegistry::stateCounts() const
{
    QHash<AccountState, int> counts;
    for (const Entry &e : m_entries)
        ++counts[e.connection ? e.connection->state() : AccountState::Disabled];
    return counts;
}

} // namespace ct
