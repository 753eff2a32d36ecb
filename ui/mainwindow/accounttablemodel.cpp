#include "accounttablemodel.h"

#include "accounts/accountregistry.h"
#include "common/statelabels.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>

namespace ct::ui {

AccountTableModel::AccountTableModel(const AccountRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry)
{
    m_changeDelay.setSingleShot(true);
    m_changeDelay.setInterval(kChangeDelayMs);
    connect(&m_changeDelay, &QTimer::timeout, this, &AccountTableModel::flushChanges);
    // Pending changes go out before rows move: their row numbers are the registry's of now.
    connect(registry, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) {
                flushChanges();
                beginInsertRows({}, first, last);
            });
    connect(registry, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(registry, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                flushChanges();
                beginRemoveRows({}, first, last);
            });
    connect(registry, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(registry, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_changeDelay.stop();
        m_changedRows.clear();
        beginResetModel();
    });
    connect(registry, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    connect(registry, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                registryRowsChanged(from.row(), to.row(), roles);
            });
}

void AccountTableModel::columnsFor(const QList<int> &registryRoles, int *first, int *last)
{
    *first = ColumnCount;
    *last = -1;
    const auto add = [&](int column) {
        *first = qMin(*first, column);
        *last = qMax(*last, column);
    };
    for (int role : registryRoles) {
        switch (role) {
        case AccountRegistry::StateRole:
        case AccountRegistry::StateNameRole:
        case AccountRegistry::NextRetryAtRole:
            add(StateColumn);
            break;
        case AccountRegistry::DetailRole:
            add(DetailColumn);
            break;
        case AccountRegistry::LatencyMsRole:
            add(LatencyColumn);
            break;
        case AccountRegistry::TokenExpiresAtRole:
            add(TokenExpiryColumn);
            break;
        case AccountRegistry::UnreadRole:
            add(UnreadColumn);
            break;
        default: // the last error is every cell's tooltip; other roles: the whole row
            add(0);
            add(ColumnCount - 1);
        }
    }
    if (*last < 0) { // no roles: anything may have changed
        *first = 0;
        *last = ColumnCount - 1;
    }
}

void AccountTableModel::registryRowsChanged(int firstRow, int lastRow, const QList<int> &roles)
{
    if (firstRow < 0 || lastRow < firstRow)
        return;
    int firstColumn, lastColumn;
    columnsFor(roles, &firstColumn, &lastColumn);
    if (m_changedRows.empty()) {
        m_firstColumn = firstColumn;
        m_lastColumn = lastColumn;
    } else {
        m_firstColumn = qMin(m_firstColumn, firstColumn);
        m_lastColumn = qMax(m_lastColumn, lastColumn);
    }
    for (int row = firstRow; row <= lastRow; ++row)
        m_changedRows.push_back(row);
    if (!m_changeDelay.isActive())
        m_changeDelay.start();
}

void AccountTableModel::flushChanges()
{
    m_changeDelay.stop();
    if (m_changedRows.empty())
        return;
    std::vector<int> rows;
    rows.swap(m_changedRows);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, int>> runs;
    for (int row : rows) {
        if (row >= rowCount())
            break;
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > size_t(kMaxRunsPerFrame))
        runs = {{runs.front().first, runs.back().second}};
    for (const auto &[first, last] : runs)
        Q_EMIT dataChanged(index(first, m_firstColumn), index(last, m_lastColumn));
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_registry->rowCount();
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QModelIndex src = m_registry->index(index.row());
    const auto state = src.data(AccountRegistry::StateRole).value<AccountState>();
    if (role >= Qt::UserRole)
        return src.data(role); // the registry's roles pass through
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return StateLabels::color(state);
    if (role == Qt::ToolTipRole) {
        const QString error = src.data(AccountRegistry::LastErrorRole).toString();
        return error.isEmpty() ? QVariant() : tr("Last error: %1").arg(error);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == LatencyColumn || index.column() == UnreadColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case AccountColumn:
        return src.data(AccountRegistry::AddressRole);
    case StateColumn: {
        QString text = StateLabels::label(state);
        const QDateTime retry = src.data(AccountRegistry::NextRetryAtRole).toDateTime();
        if (state == AccountState::Backoff && retry.isValid())
            text += QLatin1Char(' ') + StateLabels::relativeTime(retry);
        return text;
    }
    case DetailColumn:
        return src.data(AccountRegistry::DetailRole);
    case LatencyColumn: {
        const int ms = src.data(AccountRegistry::LatencyMsRole).toInt();
        return ms < 0 ? QString() : tr("%1 ms").arg(ms);
    }
    case TokenExpiryColumn: {
        const QDateTime at = src.data(AccountRegistry::TokenExpiresAtRole).toDateTime();
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
    }
    case UnreadColumn: {
        const int n = src.data(AccountRegistry::UnreadRole).toInt();
        return n > 0 ? QString::number(n) : QString();
    }
    }
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Detail");
    case LatencyColumn:
        return tr("Latency");
    case TokenExpiryColumn:
        return tr("Token expires");
    case UnreadColumn:
        return tr("Unread");
    }
    return {};
}

} // namespace ct::ui
