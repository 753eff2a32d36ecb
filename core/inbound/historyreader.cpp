// HistoryStore: the reading side (views, `history` command, unread badges) and retention deletes.
#include "historyrow.h"
#include "historystore.h"
#include "logging/logging.h"
#include "sqlitestatement.h"

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
    void bindTo(SqliteStatement &q) const
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i) + 1, values.at(i));
    }
};

// A COUNT(*) query: its number, 0 on an error.
int countOf(sqlite3 *db, const QString &sql, const Where &w)
{
    SqliteStatement q;
    qint64 n = 0;
    if (!q.prepare(db, sql + w.sql(), nullptr))
        return 0;
    w.bindTo(q);
    return q.queryInt64(&n, nullptr) > 0 ? int(n) : 0;
}

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
    const QString order = query.order == HistoryQuery::Order::HighestPriority ? QStringLiteral("m.priority DESC, ")
                          : query.order == HistoryQuery::Order::LowestPriority ? QStringLiteral("m.priority ASC, ")
                                                                               : QString();
    SqliteStatement q;
    QString text;
    if (q.prepare(m_db.handle(),
                  QStringLiteral("%1%2 ORDER BY %3m.row_id DESC LIMIT %4 OFFSET %5")
                      .arg(historyrow::selectFrom(), w.sql(), order)
                      .arg(qMax(0, query.limit))
                      .arg(qMax(0, query.offset)),
                  &text)) {
        w.bindTo(q);
        while (q.next(&text))
            records << historyrow::recordAt(q);
    }
    if (!q.isValid() || q.failed()) {
        qCWarning(lcHistory) << "history query failed:" << text;
        if (error)
            *error = text;
        return {};
    }
    return records;
}

int HistoryStore::count(const HistoryQuery &query) const
{
    return countOf(m_db.handle(), QStringLiteral("SELECT COUNT(*) FROM messages m"), whereFor(query));
}

QList<SessionSummary> HistoryStore::sessions(const AccountAddress &account) const
{
    QList<SessionSummary> list;
    SqliteStatement q;
    SqliteStatement last;
    if (!q.prepare(m_db.handle(),
                   QStringLiteral("SELECT s.key, MAX(m.row_id) AS last_row, COUNT(*), SUM(%1) FROM messages m"
                                  " JOIN sessions s ON s.id = m.session_id WHERE %2 AND %3 GROUP BY m.session_id"
                                  " ORDER BY last_row DESC")
                       .arg(kUnread, kAccountIs, kNotDeleted),
                   nullptr)
        || !last.prepare(m_db.handle(), QStringLiteral("SELECT peer, time_ms FROM messages WHERE row_id = ?"),
                         nullptr))
        return list;
    q.bind(1, account.toString());
    while (q.next()) {
        SessionSummary s;
        s.sessionKey = q.text(0);
        s.messages = int(q.int64(2));
        s.unread = int(q.int64(3));
        last.bind(1, q.int64(1));
        if (last.next()) {
            s.lastPeer = last.text(0);
            s.lastTime = QDateTime::fromMSecsSinceEpoch(last.int64(1), Qt::UTC);
            last.reset();
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
    return countOf(m_db.handle(), QStringLiteral("SELECT COUNT(*) FROM messages m"), w);
}

QHash<AccountAddress, int> HistoryStore::unreadByAccount() const
{
    QHash<AccountAddress, int> counts;
    SqliteStatement q;
    if (q.prepare(
            m_db.handle(),
            QStringLiteral("SELECT a.address, COUNT(*) FROM messages m JOIN accounts a ON a.id = m.account_id"
                           " WHERE %1 GROUP BY m.account_id")
                .arg(kUnread),
            nullptr))
        while (q.next())
            counts.insert(AccountAddress::parse(q.text(0)), int(q.int64(1)));
    return counts;
}

QHash<QString, int> HistoryStore::unreadBySession(const AccountAddress &account) const
{
    QHash<QString, int> counts;
    SqliteStatement q;
    if (!q.prepare(m_db.handle(),
                   QStringLiteral("SELECT s.key, COUNT(*) FROM messages m JOIN sessions s ON s.id = m.session_id"
                                  " WHERE %1 AND %2 GROUP BY m.session_id")
                       .arg(kUnread, kAccountIs),
                   nullptr))
        return counts;
    q.bind(1, account.toString());
    while (q.next())
        counts.insert(q.text(0), int(q.int64(1)));
    return counts;
}

int HistoryStore::unreadCriticalCount(int gotifyCriticalFrom) const
{
    Where w; // the critical threshold as the one value to bind
    w.add(kUnread);
    w.add(QStringLiteral("(CASE WHEN a.address LIKE 'gotify/%' THEN m.priority >= ?"
                         " ELSE m.mentions_me = 1 OR m.mentions_all = 1 END)"),
          gotifyCriticalFrom);
    return countOf(m_db.handle(),
                   QStringLiteral("SELECT COUNT(*) FROM messages m JOIN accounts a ON a.id = m.account_id"), w);
}

int HistoryStore::markRead(const AccountAddress &account, const QString &sessionKey)
{
    Where w;
    w.add(kUnread);
    w.add(kAccountIs, account.toString());
    if (!sessionKey.isEmpty())
        w.add(kSessionIs, sessionKey);
    SqliteStatement q;
    if (!q.prepare(m_db.handle(), QStringLiteral("UPDATE messages AS m SET read = 1") + w.sql(), nullptr))
        return 0;
    w.bindTo(q);
    const int changed = qMax(0, q.exec(nullptr));
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
    m_db.exec("BEGIN", nullptr); // as QSqlDatabase::transaction() did: deferred
    SqliteStatement q;
    QString text;
    q.prepare(m_db.handle(),
              QStringLiteral("UPDATE messages SET deleted = 1, read = 1, title = NULL, text = NULL,"
                             " raw_content = NULL, at_users = NULL, click_url = NULL, image_url = NULL"
                             " WHERE row_id = ? AND deleted = 0"),
              nullptr);
    int changed = 0;
    for (qint64 id : rowIds) {
        q.bind(1, id);
        const int rows = q.exec(&text);
        if (rows >= 0)
            changed += rows;
        else
            qCWarning(lcHistory) << "cannot delete a message:" << text;
    }
    m_db.exec("COMMIT", nullptr);
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
    m_db.exec("BEGIN", nullptr);
    SqliteStatement q;
    // Only incoming messages are ever unread.
    q.prepare(m_db.handle(),
              read ? QStringLiteral("UPDATE messages SET read = 1 WHERE row_id = ? AND read = 0")
                   : QStringLiteral("UPDATE messages SET read = 0 WHERE row_id = ? AND read = 1 AND direction = 0"
                                    " AND deleted = 0"),
              nullptr);
    int changed = 0;
    for (qint64 id : rowIds) {
        q.bind(1, id);
        changed += qMax(0, q.exec(nullptr));
    }
    m_db.exec("COMMIT", nullptr);
    if (changed > 0)
        Q_EMIT unreadChanged();
    return changed;
}

int HistoryStore::deleteOlderThan(const QDateTime &cutoff, int maxRows)
{
    SqliteStatement q;
    QString text;
    if (q.prepare(m_db.handle(),
                  QStringLiteral("DELETE FROM messages WHERE row_id IN (SELECT row_id FROM messages"
                                 " WHERE time_ms < ? ORDER BY time_ms LIMIT ?)"),
                  &text)) {
        q.bind(1, cutoff.toMSecsSinceEpoch());
        q.bind(2, qint64(qMax(1, maxRows)));
    }
    const int removed = q.exec(&text);
    if (removed < 0) {
        qCWarning(lcHistory) << "retention delete failed:" << text;
        return -1;
    }
    if (removed > 0) {
        Q_EMIT messagesRemoved(removed);
        Q_EMIT unreadChanged();
    }
    return removed;
}

} // namespace ct
