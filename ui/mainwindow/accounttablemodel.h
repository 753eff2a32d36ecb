#pragma once
// A table view of the AccountRegistry list model: one column per role the Accounts tab shows.
// A proxy: rows are the registry's rows; inserts, removals and changes are forwarded as such.
#include <QAbstractTableModel>

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        AccountColumn,
        StateColumn,
        DetailColumn,
        LatencyColumn,
        TokenExpiryColumn,
        UnreadColumn,
        ColumnCount
    };

    explicit AccountTableModel(const AccountRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const AccountRegistry *m_registry;
};

} // namespace ct::ui
