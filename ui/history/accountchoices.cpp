#include "accountchoices.h"

#include "accounts/accountregistry.h"

namespace ct::ui {

AccountChoices::AccountChoices(const AccountRegistry *registry, const QString &allText, QObject *parent)
    : QAbstractListModel(parent), m_registry(registry), m_allText(allText)
{
    if (!m_registry)
        return;
    // The registry's row r is row r + 1 here.
    connect(m_registry, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first + 1, last + 1); });
    connect(m_registry, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(m_registry, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first + 1, last + 1); });
    connect(m_registry, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(m_registry, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(m_registry, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
}

int AccountChoices::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + (m_registry ? m_registry->rowCount() : 0);
}

QVariant AccountChoices::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    if (index.row() == 0)
        return role == Qt::DisplayRole ? QVariant(m_allText) : QVariant(QString());
    return m_registry->index(index.row() - 1).data(AccountRegistry::AddressRole);
}

} // namespace ct::ui
