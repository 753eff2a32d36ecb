#include "historymodel.h"

#include "inbound/historystore.h"

#include <QFont>

namespace ct::ui {

HistoryModel::HistoryModel(const HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    reload();
}

void HistoryModel::setFilter(const AccountAddress &account, const QString &sessionKey, const QString &search)
{
    m_query.account = account;
    m_query.sessionKey = sessionKey;
    m_query.search = search.trimmed();
    reload();
}

QList<HistoryRecord> HistoryModel::queryPage(const HistoryRecord *after) const
{
    if (!m_store || !m_store->isOpen())
        return {};
    HistoryQuery q = m_query;
    q.limit = m_pageSize;
    q.offset = 0;
    q.beforeRowId = after ? after->rowId : 0;
    q.beforePriority = after ? after->message.priority : 0;
    return m_store->query(q);
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    const HistoryQuery::Order next = column != PriorityColumn       ? HistoryQuery::Order::Newest
                                     : order == Qt::DescendingOrder ? HistoryQuery::Order::HighestPriority
                                                                    : HistoryQuery::Order::LowestPriority;
    if (next == m_query.order)
        return;
    m_query.order = next;
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QList<HistoryRecord> page = queryPage(nullptr);
    m_rows.assign(page.begin(), page.end());
    m_pages = 1;
    m_atEnd = page.size() < m_pageSize;
    endResetModel();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_rows.empty())
        return;
    const QList<HistoryRecord> page = queryPage(&m_rows.back());
    m_atEnd = page.size() < m_pageSize;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.insert(m_rows.end(), page.begin(), page.end());
    ++m_pages;
    endInsertRows();
}

const HistoryRecord *HistoryModel::recordAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

void HistoryModel::setRowRead(int row, bool read)
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[size_t(row)].read == read)
        return;
    m_rows[size_t(row)].read = read;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void HistoryModel::removeRecord(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::summary(const InboundMessage &m)
{
    const QString firstLine = m.text.section(QLatin1Char('\n'), 0, 0).left(200);
    if (m.title.isEmpty())
        return firstLine;
    return firstLine.isEmpty() ? m.title : m.title + QStringLiteral(" — ") + firstLine;
}

void HistoryModel::sendersRenamed()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, FromColumn), index(int(m_rows.size()) - 1, FromColumn));
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const HistoryRecord *r = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!r)
        return {};
    const InboundMessage &m = r->message;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime t = m.serverTime.isValid() ? m.serverTime : r->storedAt;
            return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
        case AccountColumn:
            return m.account.toString();
        case FromColumn: {
            QString from = m.senderName.isEmpty() ? (m.sender.isEmpty() ? m.peer : m.sender) : m.senderName;
            if (m.senderName.isEmpty() && m.account.channel == kGotifyChannel && m_namer) {
                const QString name = m_namer(m);
                if (!name.isEmpty())
                    from = name;
            }
            return m.direction == InboundMessage::Direction::Out ? tr("→ %1").arg(m.peer) : from;
        }
        case PriorityColumn:
            return m.account.channel == kGotifyChannel && m.direction == InboundMessage::Direction::In
                       ? QVariant(m.priority)
                       : QVariant();
        case MessageColumn:
            return summary(m);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == FromColumn && m_icon && m.account.channel == kGotifyChannel
            && m.direction == InboundMessage::Direction::In)
            return m_icon(m);
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? m.text.left(1000) : QVariant();
    case Qt::FontRole:
        if (!r->read && m.direction == InboundMessage::Direction::In) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case RowIdRole:
        return r->rowId;
    case SessionKeyRole:
        return m.sessionKey;
    case ContentTypeRole:
        return m.contentType;
    case ReadRole:
        return r->read;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AccountColumn:
        return tr("Account");
    case FromColumn:
        return tr("From");
    case PriorityColumn:
        return tr("Priority");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace ct::ui
