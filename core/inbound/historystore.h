#pragma once
// The durable history: every received message (and every sent test message), one SQLite
// file through QtSql in WAL mode. Default file: $XDG_DATA_HOME/channeltray/history.sqlite.
//
// Exactly-once: UNIQUE(account, id). storeBatch() inserts a batch in one transaction and
// reports which messages were new, so the pipeline delivers only those, after the commit.
// Catch-up cursors (Gotify last id, OpenIM max seq per conversation) are kept in the same
// transaction as the messages, and survive retention purges.
//
// Durability: synchronous=NORMAL in WAL — a committed batch survives a process crash
// (kill -9); Durability::Power (synchronous=FULL) also survives power loss, at one fsync a batch.
// One object per thread: the store lives on the thread that opened it.
#include "historyquery.h"
#include "messagestore.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace ct {

class HistoryInserter;
class SqliteStatement;

class HistoryStore : public QObject, public MessageStore
{
    Q_OBJECT
public:
    enum class Durability { Process, Power };
    static constexpr int kSchemaVersion = 2;

    explicit HistoryStore(const QString &path = {}, QObject *parent = nullptr);
    ~HistoryStore() override;

    static QString defaultPath(); // $XDG_DATA_HOME/channeltray/history.sqlite
    QString path() const { return m_path; }

    void setDurability(Durability durability) { m_durability = durability; }
    // Creates the file and folder (0700) when needed, and migrates the schema to kSchemaVersion.
    bool open(QString *error = nullptr);
    // For readers (the `history` command): never creates nor migrates the file.
    bool openReadOnly(QString *error = nullptr);
    bool isOpen() const;
    void close();
    int schemaVersion() const;

    // --- writing -----------------------------------------------------------------------
    // MessageStore: one transaction per batch, cursors updated in the same transaction.
    bool storeBatch(const QList<InboundMessage> &batch, QList<bool> *inserted, QString *error = nullptr) override;
    // A message this app sent (direction Out, stored as read). False on error or duplicate id.
    bool storeOutgoing(const InboundMessage &message);

    // --- catch-up cursors --------------------------------------------------------------
    bool contains(const AccountAddress &account, const QString &messageId) const;
    qint64 gotifyLastId(const AccountAddress &account) const; // 0 = none
    void setGotifyLastId(const AccountAddress &account, qint64 id); // only moves forward
    QHash<QString, qint64> openimMaxSeqs(const AccountAddress &account) const; // conversation → seq

    // --- reading -----------------------------------------------------------------------
    // Newest first. On a database error: empty, and *error says why.
    QList<HistoryRecord> query(const HistoryQuery &query, QString *error = nullptr) const;
    int count(const HistoryQuery &query) const;                  // ignores limit/offset
    QList<SessionSummary> sessions(const AccountAddress &account) const; // newest first

    // Unread = incoming, not filtered, not read.
    int unreadCount(const AccountAddress &account = {}, const QString &sessionKey = {}) const;
    QHash<AccountAddress, int> unreadByAccount() const;
    QHash<QString, int> unreadBySession(const AccountAddress &account) const;
    // Empty sessionKey → every session of the account. Returns the rows changed.
    int markRead(const AccountAddress &account, const QString &sessionKey = {});
    int markRead(const QList<qint64> &rowIds);

    // --- retention ---------------------------------------------------------------------
    // Deletes at most maxRows messages older than cutoff (server time, else stored time).
    // Returns the number deleted, -1 on error. HistoryRetention calls it in chunks.
    int deleteOlderThan(const QDateTime &cutoff, int maxRows);

    // For checks and tests: PRAGMA integrity_check == "ok".
    bool integrityOk(QString *detail = nullptr) const;

Q_SIGNALS:
    void unreadChanged();
    void messagesRemoved(int count);

private:
    bool openWith(bool readOnly, QString *error);
    bool openConnection(bool readOnly, QString *error);
    bool updateCursors(const QList<InboundMessage> &batch, const QList<bool> &inserted, QString *error);
    // Numbers of accounts and sessions (created when new, inside the caller's transaction).
    qint64 accountId(const AccountAddress &address, QString *error);
    qint64 sessionId(qint64 accountId, const QString &key, QString *error);
    QSqlDatabase db() const;

    QString m_path;
    QString m_connection;
    Durability m_durability = Durability::Process;
    bool m_readOnly = false;
    std::unique_ptr<HistoryInserter> m_insert; // prepared once per open
    std::unique_ptr<SqliteStatement> m_cursor;
    QHash<AccountAddress, qint64> m_accountIds;           // address → accounts.id
    QHash<QPair<qint64, QString>, qint64> m_sessionIds;   // (account id, key) → sessions.id
};

} // namespace ct
