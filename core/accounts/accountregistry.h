#pragma once
// The list of every configured account and its live connection; what the tray, the windows
// and the CLI observe. Connections are made by a factory so each channel plugs in its own.
//
// Built for a thousand accounts (issue 11): an account's entry is a hash lookup, its row a
// binary search (the rows are always in the order setConfig gives); setConfig compares a
// config with the rows in one pass, and each account it adds or removes costs a constant more
// (no row is renumbered or re-hashed: the row list only moves its pointers); the per-state
// counts, the unread total and the earliest retry are kept up to date as each account changes
// (O(1) or O(log N) per change), so observers never walk every row to repaint; startAll()
// opens the connections a slice per event-loop pass, interleaved across servers.
#include "accountconnection.h"
#include "config/configmodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <array>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace ct {

class AccountRegistry : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        AddressRole = Qt::UserRole + 1,
        ChannelRole,
        AccountIdRole,
        StateRole,     // ct::AccountState
        StateNameRole, // "connected", "needs-login", …
        DetailRole,
        LastErrorRole,
        LatencyMsRole,
        NextRetryAtRole,
        TokenExpiresAtRole,
        UnreadRole,
        EnabledRole,
        ServerRole, // "host:port" of the account's server, for grouping
    };
    Q_ENUM(Role)

    // Makes the connection of one account; the registry takes ownership.
    using ConnectionFactory =
        std::function<AccountConnection *(const Config &config, const AccountAddress &address)>;

    explicit AccountRegistry(ConnectionFactory factory, QObject *parent = nullptr);
    ~AccountRegistry() override;

    // Rebuilds the list from a config: new accounts are added, removed ones deleted,
    // kept ones re-created only when their settings changed. Order: Gotify, then OpenIM,
    // each sorted by id. Adjacent new (or removed) rows are one insertion (removal).
    void setConfig(const Config &config);

    // The account's running connection already works with what `config` says for it (it took
    // a refreshed token in place): the next setConfig compares against that, so the same
    // token arriving there (from the keychain or the patched file) does not re-create it.
    void adoptSettings(const Config &config, const AccountAddress &address);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const AccountAddress &address) const; // -1 when absent
    // The account's connection; read-only through a const registry (what the runtime hands out).
    AccountConnection *connection(const AccountAddress &address);
    const AccountConnection *connection(const AccountAddress &address) const;
    QList<AccountAddress> addresses() const;

    void setUnread(const AccountAddress &address, int unread);
    int unread(const AccountAddress &address) const;

    // Start every enabled connection, kStartSlice per event-loop pass, taking the servers in
    // turn (no server is sent all its accounts at once); stop them all.
    void startAll();
    void stopAll();
    static constexpr int kStartSlice = 25;
    bool starting() const { return !m_startQueue.empty(); }

    // Counts of accounts per state (for the tray tooltip and icon); kept as accounts change.
    QHash<AccountState, int> stateCounts() const;
    int stateCount(AccountState state) const { return m_stateCounts[size_t(state)]; }
    int unreadTotal() const { return m_unreadTotal; }
    // The earliest next retry of the accounts waiting in backoff; invalid when none waits.
    QDateTime earliestRetry() const;

    // How many rows the registry's own bookkeeping has looked at so far: a row compared with a
    // config (one pass per setConfig), a step of the row search (O(log N) per change). Tests
    // bound it: an added account or a state change must not cost a visit to every row.
    qint64 rowsVisited() const { return m_rowsVisited; }

Q_SIGNALS:
    void accountStateChanged(const ct::AccountAddress &address, ct::AccountState state, const QString &detail);

private:
    static constexpr size_t kStateCount = size_t(AccountState::Offline) + 1;
    struct Entry
    {
        AccountAddress address;
        QString server;
        QByteArray settings; // canonical JSON of the account's config, to detect changes
        bool enabled = true;
        AccountConnection *connection = nullptr;
        int unread = 0;
        AccountState counted = AccountState::Disabled; // the state it is counted under
        qint64 countedRetry = 0;                       // its key in m_retries, 0 = none
    };
    struct Wanted
    {
        AccountAddress address;
        QString server;
        QByteArray settings;
        bool enabled;
    };
    static std::vector<Wanted> wantedFrom(const Config &config);
    static bool rowBefore(const AccountAddress &a, const AccountAddress &b); // the rows' order
    std::unique_ptr<Entry> makeEntry(const Config &config, const Wanted &wanted);
    Entry *entryOf(const AccountAddress &address) const;
    void removeRows(int first, int last);
    void insertRows(int row, const Config &config, const std::vector<const Wanted *> &wanted);
    void attach(Entry &entry);
    void detach(Entry &entry); // takes it out of the counts and deletes its connection
    void recount(Entry &entry);
    void forgetRetry(Entry &entry);
    void rowChanged(const AccountAddress &address, const QList<int> &roles = {});
    void startSlice();

    ConnectionFactory m_factory;
    std::vector<std::unique_ptr<Entry>> m_entries; // the rows, in rowBefore order
    QHash<AccountAddress, Entry *> m_byAddress;
    mutable qint64 m_rowsVisited = 0;
    std::array<int, kStateCount> m_stateCounts{};
    std::multimap<qint64, AccountAddress> m_retries; // ms since epoch → account in backoff
    int m_unreadTotal = 0;
    std::deque<AccountAddress> m_startQueue;
    QTimer m_startTimer;
};

} // namespace ct
