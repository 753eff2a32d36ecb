#pragma once
// The Messages tab's account filter: "All accounts" (no address), then one row per account of
// the AccountRegistry, in its order. A proxy, not a copy: the registry's insertions and
// removals are forwarded as they come (a row each, whatever the number of accounts), and its
// state changes not at all (an account's address does not change) (issue 11: the combo box was
// rebuilt, and its sessions re-read, for every added account).
#include <QAbstractListModel>

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class AccountChoices : public QAbstractListModel
{
    Q_OBJECT
public:
    // `allText` names the first row; Qt::UserRole is the account's address ("" for all).
    AccountChoices(const AccountRegistry *registry, const QString &allText, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    const AccountRegistry *m_registry;
    QString m_allText;
};

} // namespace ct::ui
