#include "accounttablemodel.h"

#include "accounts/accountregistry.h"
#include "common/statelabels.h"

#include <QBrush>
#include <QLocale>

namespace ct::ui {

AccountTableModel::AccountTableModel(const AccountRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry)
{
    connect(registry, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
    connect(registry, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(registry, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first, last); });
    connect(registry, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(registry, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(registry, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    connect(registry, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                Q_EMIT dataChanged(index(from.row(), 0), index(to.row(), ColumnCount - 1));
            });
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
