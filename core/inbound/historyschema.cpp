#include "historyschema.h"

#include "historystore.h"
#include "sqliteconnection.h"
#include "sqlitestatement.h"

#include <QStringList>

namespace ct::historyschema {

namespace {

const QStringList &migration(int toVersion)
{
    // Accounts and sessions are numbered so that every index of messages is on integers
    // (but the message id): an insert costs a third less than with text keys.
    static const QStringList v1 = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE accounts (id INTEGER PRIMARY KEY, address TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE sessions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,"
                       " key TEXT NOT NULL, UNIQUE (account_id, key))"),
        QStringLiteral("CREATE INDEX sessions_by_key ON sessions (key)"),
        QStringLiteral("CREATE TABLE messages ("
                       " row_id INTEGER PRIMARY KEY,"
                       " account_id INTEGER NOT NULL, msg_id TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,"
                       " conversation TEXT, peer TEXT, group_id TEXT, sender TEXT, sender_name TEXT,"
                       " title TEXT, text TEXT, content_type TEXT, raw_content TEXT,"
                       " priority INTEGER NOT NULL DEFAULT 0,"
                       " server_time INTEGER,"      // ms since epoch, UTC; NULL when unknown
                       " time_ms INTEGER NOT NULL," // server_time, else stored_at: what retention uses
                       " stored_at INTEGER NOT NULL,"
                       " via INTEGER NOT NULL DEFAULT 0,"       // 0 stream, 1 catchup
                       " direction INTEGER NOT NULL DEFAULT 0," // 0 in, 1 out
                       " at_users TEXT, mentions_me INTEGER NOT NULL DEFAULT 0,"
                       " mentions_all INTEGER NOT NULL DEFAULT 0, is_notification INTEGER NOT NULL DEFAULT 0,"
                       " from_self INTEGER NOT NULL DEFAULT 0, click_url TEXT, image_url TEXT,"
                       " session_id INTEGER NOT NULL, filtered INTEGER NOT NULL DEFAULT 0,"
                       " read INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE (account_id, msg_id))"),
        QStringLiteral("CREATE INDEX messages_by_account ON messages (account_id, row_id)"),
        QStringLiteral("CREATE INDEX messages_by_session ON messages (session_id, row_id)"),
        QStringLiteral("CREATE INDEX messages_by_time ON messages (time_ms)"),
        QStringLiteral("CREATE INDEX messages_unread ON messages (account_id, session_id)"
                       " WHERE read = 0 AND filtered = 0 AND direction = 0"),
    };
    static const QStringList v2 = {
        QStringLiteral("CREATE TABLE cursors (account TEXT NOT NULL, name TEXT NOT NULL,"
                       " value INTEGER NOT NULL, PRIMARY KEY (account, name)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO cursors (account, name, value)"
                       " SELECT a.address, 'gotify.lastId', MAX(CAST(m.msg_id AS INTEGER))"
                       " FROM messages m JOIN accounts a ON a.id = m.account_id"
                       " WHERE a.address LIKE 'gotify/%' AND m.direction = 0 GROUP BY a.address"),
        QStringLiteral("INSERT INTO cursors (account, name, value)"
                       " SELECT a.address, 'openim.seq:' || m.conversation, MAX(m.seq)"
                       " FROM messages m JOIN accounts a ON a.id = m.account_id"
                       " WHERE m.seq > 0 AND m.conversation <> '' GROUP BY a.address, m.conversation"),
    };
    // Which process stored a row (HistoryStore::writerId()): a row another process stored while
    // this one runs is still news to this one (several processes on one history).
    // claims: the rows another process stored that this one delivered (so a repeat is not).
    static const QStringList v3 = {
        QStringLiteral("ALTER TABLE messages ADD COLUMN stored_by INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE TABLE claims (writer INTEGER NOT NULL, row_id INTEGER NOT NULL,"
                       " at INTEGER NOT NULL, PRIMARY KEY (writer, row_id)) WITHOUT ROWID"),
    };
    // Deleted locally (the Messages tab's "Delete"): the row stays as a tombstone without its
    // content, so UNIQUE(account, msg_id) still makes a repeat of it (a catch-up that overlaps,
    // another process's stream) a duplicate, and no view or count shows it.
    static const QStringList v4 = {
        QStringLiteral("ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
    };
    static const QStringList none;
    switch (toVersion) {
    case 1:
        return v1;
    case 2:
        return v2;
    case 3:
        return v3;
    case 4:
        return v4;
    default:
        return none;
    }
}

// One integer from a query (0 when it has no row); false on an error.
bool queryInt(const SqliteConnection &db, const QString &sql, qint64 *value, QString *error)
{
    SqliteStatement q;
    *value = 0;
    return q.prepare(db.handle(), sql, error) && q.queryInt64(value, error) >= 0;
}

} // namespace

int version(const SqliteConnection &db, QString *error)
{
    qint64 tables = 0;
    if (!queryInt(db,
                  QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                                 " AND name = 'schema_version'"),
                  &tables, error))
        return -1;
    if (tables == 0)
        return 0;
    qint64 v = 0;
    if (!queryInt(db, QStringLiteral("SELECT MAX(version) FROM schema_version"), &v, error))
        return -1;
    return int(v);
}

bool migrateTo(const SqliteConnection &db, int target, QString *error)
{
    const int from = version(db, error);
    if (from < 0)
        return false;
    if (from > HistoryStore::kSchemaVersion) {
        if (error)
            *error = QStringLiteral("the history file has schema version %1, newer than this "
                                    "ChannelTray understands (%2)")
                         .arg(from)
                         .arg(HistoryStore::kSchemaVersion);
        return false;
    }
    for (int v = from + 1; v <= target; ++v) {
        // The write lock first, then look again: another process opening the same new file at
        // the same moment may have migrated it meanwhile (and a deferred transaction would fail
        // on its snapshot instead of waiting).
        if (!db.exec("BEGIN IMMEDIATE", error))
            return false;
        const int now = version(db, error);
        if (now < 0) {
            db.exec("ROLLBACK", nullptr);
            return false;
        }
        if (now >= v) {
            db.exec("ROLLBACK", nullptr);
            continue;
        }
        bool ok = true;
        for (const QString &sql : migration(v))
            ok = ok && db.exec(sql, error);
        ok = ok && db.exec("DELETE FROM schema_version", error)
             && db.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(v), error)
             && db.exec("COMMIT", error);
        if (!ok) {
            db.exec("ROLLBACK", nullptr);
            return false;
        }
    }
    return true;
}

bool showAsVersion(const SqliteConnection &db, int fileVersion, int current, QString *error)
{
    if (fileVersion < 1 || fileVersion >= current)
        return true;
    // What each later version added, as the current schema has it (migration() above).
    QString added;
    if (fileVersion < 3)
        added += QStringLiteral(", 0 AS stored_by");
    if (fileVersion < 4)
        added += QStringLiteral(", 0 AS deleted");
    QStringList statements;
    if (!added.isEmpty()) // unqualified names find TEMP objects first: the reader sees the view
        statements << QStringLiteral("CREATE TEMP VIEW messages AS SELECT *%1 FROM main.messages").arg(added);
    if (fileVersion < 2)
        statements << QStringLiteral("CREATE TEMP TABLE cursors (account TEXT NOT NULL, name TEXT NOT NULL,"
                                     " value INTEGER NOT NULL, PRIMARY KEY (account, name)) WITHOUT ROWID");
    if (fileVersion < 3)
        statements << QStringLiteral("CREATE TEMP TABLE claims (writer INTEGER NOT NULL, row_id INTEGER NOT NULL,"
                                     " at INTEGER NOT NULL, PRIMARY KEY (writer, row_id)) WITHOUT ROWID");
    for (const QString &sql : std::as_const(statements))
        if (!db.exec(sql, error))
            return false;
    return true;
}

} // namespace ct::historyschema
