// HistoryStore: the reading side (views, `history` command, unread badges) and retention deletes.
#include "historyrow.h"
#include "historystore.h"
#include "logging/logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace ct {

namespace {

struct Where
{
    QStringList clauses;
    QVariantList values;

    void add(const QString &clause, const QVariant &value = {})
    {
        clauses << clause;
        if (value.isValid())
            values << value;
    }
    QString sql() const
    {
        return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    }
    void bindTo(QSqlQuery &q) const
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), values.at(i));
    }
};

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Conditions on the messages table, which the statements below alias as m.
constexpr QLatin1StringView kAccountIs{"m.account_id = (SELECT id FROM accounts WHERE address = ?)"};
constexpr QLatin1StringView kSessionIs{"m.session_id IN (SELECT id FROM sessions WHERE key = ?)"};
constexpr QLatin1StringView kUnread{"m.read = 0 AND m.filtered = 0 AND m.direction = 0"};
constexpr QLatin1StringView kNotDeleted{"m.deleted = 0"}; // HistoryStore::deleteLocally

Where whereFor(const HistoryQuery &query)
{
    Where w;
    w.add(kNotDeleted);
    if (query.account.isValid())
        w.add(kAccountIs, query.account.toString());
    if (!query.sessionKey.isEmpty())
        w.add(kSessionIs, query.sessionKey);
    if (query.beforeRowId > 0) {
        switch (query.order) {
        case HistoryQuery::Order::Newest:
            w.add(QStringLiteral("m.row_id < ?"), query.beforeRowId);
            break;
        case HistoryQuery::Order::HighestPriority:
        case HistoryQuery::Order::LowestPriority: {
            const bool highest = query.order == HistoryQuery::Order::HighestPriority;
            w.clauses << (highest ? QStringLiteral("(m.priority < ? OR (m.priority = ? AND m.row_id < ?))")
                                  : QStringLiteral("(m.priority > ? OR (m.priority = ? AND m.row_id < ?))"));
            w.values << query.beforePriority << query.beforePriority << query.beforeRowId;
            break;
        }
        }
    }
    if (!query.includeFiltered)
        w.add(QStringLiteral("m.filtered = 0"));
    if (!query.includeOutgoing)
        w.add(QStringLiteral("m.direction = 0"));
    if (!query.search.isEmpty()) {
        const QString pattern = likePattern(query.search);
        w.clauses << QStringLiteral("(m.text LIKE ? ESCAPE '\\' OR m.title LIKE ? ESCAPE '\\')");
        w.values << pattern << pattern;
    }
    return w;
}

} // namespace

QList<HistoryRecord> HistoryStore::query(const HistoryQuery &query, QString *error) const
{
    QList<HistoryRecord> records;
    const Where w = whereFor(query);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    const QString order = query.order == HistoryQuery::Order::HighestPriority ? QStringLiteral("m.priority DESC, ")
                          : query.order == HistoryQuery::Order::LowestPriority ? QStringLiteral("m.priority ASC, ")
                                                                               : QString();
    q.prepare(QStringLiteral("%1%2 ORDER BY %3m.row_id DESC LIMIT %4 OFFSET %5")
                  .arg(historyrow::selectFrom(), w.sql(), order)
                  .arg(qMax(0, query.limit))
                  .arg(qMax(0, query.offset)));
    w.bindTo(q);
    if (!q.exec()) {
        qCWarning(lcHistory) << "history query failed:" << q.lastError().text();
        if (error)
            *error = q.lastError().text();
        return records;
    }
    while (q.next())
        records << historyrow::recordAt(q);
    return records;
}

int HistoryStore::count(const HistoryQuery &query) const
{
    const Where w = whereFor(query);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages m") + w.sql());
    w.bindTo(q);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QList<SessionSummary> HistoryStore::sessions(const AccountAddress &account) const
{
    QList<SessionSummary> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.key, MAX(m.row_id) AS last_row, COUNT(*), SUM(%1) FROM messages m"
                             " JOIN sessions s ON s.id = m.session_id WHERE %2 AND %3 GROUP BY m.session_id"
                             " ORDER BY last_row DESC")
                  .arg(kUnread, kAccountIs, kNotDeleted));
    q.bindValue(0, account.toString());
    if (!q.exec())
        return list;
    QSqlQuery last(db());
    last.prepare(QStringLiteral("SELECT peer, time_ms FROM messages WHERE row_id = ?"));
    while (q.next()) {
        SessionSummary s;
        s.sessionKey = q.value(0).toString();
        s.messages = q.value(2).toInt();
        s.unread = q.value(3).toInt();
        last.bindValue(0, q.value(1));
        if (last.exec() && last.next()) {
            s.lastPeer = last.value(0).toString();
            s.lastTime = QDateTime::fromMSecsSinceEpoch(last.value(1).toLongLong(), Qt::UTC);
        }
        list << s;
    }
    return list;
}

int HistoryStore::unreadCount(const AccountAddress &account, const QString &sessionKey) const
{
    Where w;
    w.add(kUnread);
    if (account.isValid())
        w.add(kAccountIs, account.toString());
    if (!sessionKey.isEmpty())
        w.add(kSessionIs, sessionKey);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages m") + w.sql());
    w.bindTo(q);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QHash<AccountAddress, int> HistoryStore::unreadByAccount() const
{
    QHash<AccountAddress, int> counts;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT a.address, COUNT(*) FROM messages m JOIN accounts a ON a.id = m.account_id"
                              " WHERE %1 GROUP BY m.account_id")
                   .arg(kUnread)))
        while (q.next())
            counts.insert(AccountAddress::parse(q.value(0).toString()), q.value(1).toInt());
    return counts;
}

QHash<QString, int> HistoryStore::unreadBySession(const AccountAddress &account) const
{
    QHash<QString, int> counts;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.key, COUNT(*) FROM messages m JOIN sessions s ON s.id = m.session_id"
                             " WHERE %1 AND %2 GROUP BY m.session_id")
                  .arg(kUnread, kAccountIs));
    q.bindValue(0, account.toString());
    if (q.exec())
        while (q.next())
            counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

int HistoryStore::unreadCriticalCount(int gotifyCriticalFrom) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN accounts a ON a.id = m.account_id WHERE %1"
                             " AND (CASE WHEN a.address LIKE 'gotify/%' THEN m.priority >= ?"
                             " ELSE m.mentions_me = 1 OR m.mentions_all = 1 END)")
                  .arg(kUnread));
    q.bindValue(0, gotifyCriticalFrom);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

int HistoryStore::markRead(const AccountAddress &account, const QString &sessionKey)
{
    Where w;
    w.add(kUnread);
    w.add(kAccountIs, account.toString());
    if (!sessionKey.isEmpty())
        w.add(kSessionIs, sessionKey);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE messages AS m SET read = 1") + w.sql());
    w.bindTo(q);
    if (!q.exec())
        return 0;
    const int changed = q.numRowsAffected();
    if (changed > 0)
        Q_EMIT unreadChanged();
    return changed;
}

int HistoryStore::markRead(const QList<qint64> &rowIds)
{
    return setReadFlag(rowIds, true);
}

int HistoryStore::markUnread(const QList<qint64> &rowIds)
{
    return setReadFlag(rowIds, false);
}

int HistoryStore::deleteLocally(const QList<qint64> &rowIds)
{
    if (rowIds.isEmpty())
        return 0;
    QSqlDatabase d = db();
    d.transaction();
    QSqlQuery q(d);
    q.prepare(QStringLiteral("UPDATE messages SET deleted = 1, read = 1, title = NULL, text = NULL,"
                             " raw_content = NULL, at_users = NULL, click_url = NULL, image_url = NULL"
                             " WHERE row_id = ? AND deleted = 0"));
    int changed = 0;
    for (qint64 id : rowIds) {
        q.bindValue(0, id);
        if (q.exec())
            changed += q.numRowsAffected();
        else
            qCWarning(lcHistory) << "cannot delete a message:" << q.lastError().text();
    }
    d.commit();
    if (changed > 0) {
        Q_EMIT messagesRemoved(changed);
        Q_EMIT unreadChanged();
    }
    return changed;
}

int HistoryStore::setReadFlag(const QList<qint64> &rowIds, bool read)
{
    if (rowIds.isEmpty())
        return 0;
    QSqlDatabase d = db();
    d.transaction();
    QSqlQuery q(d);
    // Only incoming messages are ever unread.
    q.prepare(read ? QStringLiteral("UPDATE messages SET read = 1 WHERE row_id = ? AND read = 0")
                   : QStringLiteral("UPDATE messages SET read = 0 WHERE row_id = ? AND read = 1 AND direction = 0"
                                    " AND deleted = 0"));
    int changed = 0;
    for (qint64 id : rowIds) {
        q.bindValue(0, id);
        if (q.exec())
            changed += q.numRowsAffected();
    }
    d.commit();
    if (changed > 0)
        Q_EMIT unreadChanged();
    return changed;
}

int HistoryStore::deleteOlderThan(const QDateTime &cutoff, int maxRows)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE row_id IN (SELECT row_id FROM messages"
                             " WHERE time_ms < ? ORDER BY time_ms LIMIT ?)"));
    q.bindValue(0, cutoff.toMSecsSinceEpoch());
    q.bindValue(1, qMax(1, maxRows));
    if (!q.exec()) {
        qCWarning(lcHistory) << "retention delete failed:" << q.lastError().text();
        return -1;
    }
    const int removed = q.numRowsAffected();
    if (removed > 0) {
        Q_EMIT messagesRemoved(removed);
        Q_EMIT unreadChanged();
    }
    return removed;
}

} // namespace ct
