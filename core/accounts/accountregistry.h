#pragma once
// The list of every configured account and its live connection; what the tray, the windows
// and the CLI observe. Connections are made by a factory so each channel plugs in its own.
#include "accountconnection.h"
#include "config/configmodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <functional>
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
    };
    Q_ENUM(Role)

    // Makes the connection of one account; the registry takes ownership.
    using ConnectionFactory =
        std::function<AccountConnection *(const Config &config, const AccountAddress &address)>;

    explicit AccountRegistry(ConnectionFactory factory, QObject *parent = nullptr);
    ~AccountRegistry() override;

    // Rebuilds the list from a config: new accounts are added, removed ones deleted,
    // kept ones re-created only when their settings changed. Order: Gotify, then OpenIM,
    // each sorted by id.
    void setConfig(const Config &config);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const AccountAddress &address) const; // -1 when absent
    AccountConnection *connection(const AccountAddress &address) const;
    QList<AccountAddress> addresses() const;

    void setUnread(const AccountAddress &address, int unread);
    int unread(const AccountAddress &address) const;

    // Start every enabled connection / stop them all.
    void startAll();
    void stopAll();

    // Counts of accounts per state (for the tray tooltip and icon).
    QHash<AccountState, int> stateCounts() const;

Q_SIGNALS:
    void accountStateChanged(const ct::AccountAddress &address, ct::AccountState state,
                             const QString &detail);

private:
    struct Entry
    {
        AccountAddress address;
        QByteArray settings; // canonical JSON of the account's config, to detect changes
        bool enabled = true;
        AccountConnection *connection = nullptr;
        int unread = 0;
    };
    struct Wanted
    {
        AccountAddress address;
        QByteArray settings;
        bool enabled;
    };
    static std::vector<Wanted> wantedFrom(const Config &config);
    void attach(Entry &entry);
    void rowChanged(const AccountAddress &address, const QList<int> &roles = {});

    ConnectionFactory m_factory;
    std::vector<Entry> m_entries;
};

} // namespace ct
