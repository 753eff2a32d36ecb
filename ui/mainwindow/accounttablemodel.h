#pragma once
// A table view of the AccountRegistry list model: one column per role the Accounts tab shows.
// A proxy: rows are the registry's rows; inserts and removals are forwarded as they come.
// Changes are coalesced (issue 11): a registry change marks only the cells that show its roles
// (a latency measured by a pong: the Latency cell), and all the changes of one frame
// (kChangeDelayMs) go out as one dataChanged per run of adjacent changed rows, over the
// columns they touched: two accounts changing are two rows, not every row between them (the
// sort/filter proxy looks at each row of a change). Past kMaxRunsPerFrame runs (a storm), one
// dataChanged spans them all: one pass over those rows, not one re-sort per run. With
// 1,000 accounts the heartbeat's pongs change hundreds of latencies within a few milliseconds;
// forwarded one by one, each was a whole-row change that the sort/filter proxy and the view
// handled on its own (a re-sort of the view when it is sorted by a changing column).
#include <QAbstractTableModel>
#include <QTimer>
#include <vector>

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
    static constexpr int kChangeDelayMs = 16; // one frame, as the tray's repaints
    static constexpr int kMaxRunsPerFrame = 8;

    explicit AccountTableModel(const AccountRegistry *registry, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The columns that show a registry role (all of them for an unknown or empty role list).
    static void columnsFor(const QList<int> &registryRoles, int *first, int *last);

private:
    void registryRowsChanged(int firstRow, int lastRow, const QList<int> &roles);
    void flushChanges(); // emits the pending dataChanged, if any

    const AccountRegistry *m_registry;
    QTimer m_changeDelay;
    std::vector<int> m_changedRows; // of this frame, in the order they changed
    int m_firstColumn = -1, m_lastColumn = -1;
};

} // namespace ct::ui
