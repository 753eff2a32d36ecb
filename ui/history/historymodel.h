#pragma once
// The message history as a read-only table model over the HistoryStore, fetched lazily page by page
// (keyset paging on the row id): a view asks for more rows only as it scrolls, so ten thousand
// stored messages cost one page of memory until someone looks at them. Never a widget per row.
// Sortable by time (newest first, the default) and by priority (both ways; the store sorts and
// pages, so a sorted view costs no more than the default one).
#include "inbound/historyquery.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <functional>
#include <vector>

namespace ct {
class HistoryStore;
}

namespace ct::ui {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AccountColumn, FromColumn, PriorityColumn, MessageColumn, ColumnCount };
    enum Role {
        RowIdRole = Qt::UserRole + 1,
        SessionKeyRole,
        ContentTypeRole,
        ReadRole,
    };

    explicit HistoryModel(const HistoryStore *store, QObject *parent = nullptr);

    // Account (invalid = all), session (empty = all) and search text; reloads the first page.
    void setFilter(const AccountAddress &account, const QString &sessionKey, const QString &search);
    // Names a Gotify message's sender (its application) when known; empty: the number is shown.
    void setSenderNamer(std::function<QString(const InboundMessage &)> namer) { m_namer = std::move(namer); }
    // A Gotify message's sender's icon (its application's), shown in the From column when known.
    void setSenderIcon(std::function<QIcon(const InboundMessage &)> icon) { m_icon = std::move(icon); }
    // The sender names became known: the From column is repainted.
    void sendersRenamed();
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // Reloads from the newest message (after new messages were stored).
    void reload();

    const HistoryRecord *recordAt(int row) const;
    // Shows the row as read or unread (the store was told by whoever owns it).
    void setRowRead(int row, bool read);
    // Drops the row from the view (the store was told to delete it by whoever owns it).
    void removeRecord(int row);
    int fetchedPages() const { return m_pages; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // TimeColumn (descending: newest first) or PriorityColumn; any other column sorts by time.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    HistoryQuery::Order order() const { return m_query.order; }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The text shown for a message in one line: title and the first line of the text.
    static QString summary(const InboundMessage &message);

private:
    QList<HistoryRecord> queryPage(const HistoryRecord *after) const;

    const HistoryStore *m_store;
    HistoryQuery m_query;
    std::vector<HistoryRecord> m_rows;
    int m_pageSize = 100;
    int m_pages = 0;
    bool m_atEnd = true;
    std::function<QString(const InboundMessage &)> m_namer;
    std::function<QIcon(const InboundMessage &)> m_icon;
};

} // namespace ct::ui
