#pragma once
// The durable history: every received message (and every sent test message), one SQLite
// file in WAL mode, through the sqlite3 C API (SqliteConnection, SqliteStatement). Default file: $XDG_DATA_HOME/channeltray/history.sqlite.
//
// Exactly-once: UNIQUE(account, id). storeBatch() inserts a batch in one transaction and
// reports which messages were new, so the pipeline delivers only those, after the commit.
// Catch-up cursors (Gotify last id, OpenIM max seq per conversation) are kept in the same
// transaction as the messages, and survive retention purges.
//
// Durability: synchronous=NORMAL in WAL — a committed batch survives a process crash
// (kill -9); Durability::Power (synchronous=FULL) also survives power loss, at one fsync a batch.
// One object per thread: the store lives on the thread that opened it.
//
// Several processes on one file (the tray and `watch`, two `watch`es): every write transaction
// takes the write lock up front (BEGIN IMMEDIATE) and waits up to kBusyTimeoutMs for it, so a
// writer never fails half-way on a snapshot another process moved on. A message another process
// stored after this one opened is still reported fresh to this one (see storeBatch), so each
// process delivers every message that arrives while it runs.
//
// Delivered, not only stored (setDeliveryConsumer, for `watch`): a process killed after a batch
// committed and before it printed all of it would otherwise lose those prints for good (the
// restart finds the rows stored, its cursors past them, and delivers nothing). With a consumer
// set, each batch also records, in its own transaction, the rows it reports fresh and not
// filtered, numbered in delivery order (table undelivered); markDelivered(), called as each is
// printed (InboundPipeline: just before), counts them off in a small file mapped into memory
// (<history>.delivered-<writer>): a store to memory, which survives a kill -9 and costs no
// database write per message. The next store of the same consumer takes over what a
// writer that is gone (its process ended: pid and start time, /proc) recorded past its count,
// for its accounts (takeUndelivered), and delivers it. A live writer's record is never taken, so
// two processes on one history each still deliver every message once. Counted-off rows are
// removed in the next batch's transaction. Tables undelivered and delivery_writers are created
// when first needed, without a schema version: older versions do not read them.
//
// Storage faults: a failed batch stores nothing and says why (disk full, read-only, locked, …);
// the caller keeps it and tries again. storeBatch() makes sure the file it writes is still the
// one at path(), before and after the batch: deleted or replaced under the running app, a new
// one is started there (instead of writing on into a file nobody will ever read again), and a
// batch that was committed meanwhile into the deleted one is stored again in the new one;
// fileReplaced() says so (the tray, `watch`). Only
// its -wal (or -shm) deleted: what was committed since the last checkpoint lives on only in the
// -wal the connection still has open, which no other process reads and a kill -9 loses
// (sqlite.org/wal.html). From then on each batch is checkpointed into the main file before it is
// reported stored. The store is not opened anew: another process may still write through the
// deleted -wal, and a second -wal beside it would corrupt the file. A file that is not a database
// or is corrupt is moved aside to "<path>.corrupt-<UTC time>" (kept, never deleted) and a new one
// is started; movedAside() says where the old one went.
//
// Checkpoints: a commit goes to the -wal; copying it into the history file (a checkpoint) is a
// write of its own, which can fail (an I/O error, a full disk) while commits go on. SQLite's own
// automatic checkpoint ignores its result, so the store runs it itself (sqlite3_wal_hook: after a
// commit that leaves kCheckpointPages or more in the -wal, a passive checkpoint) and keeps why the
// latest one failed: storageTrouble(), until one works again (then the -wal is truncated, when no
// reader is in it). Nothing is lost meanwhile (the -wal keeps every commit, also across a kill -9),
// but the -wal grows without bound: the pipeline shows it as the history's trouble (tray, `watch`).
// journal_size_limit (kJournalLimitBytes) brings a -wal that grew back once a checkpoint works, so
// a larger one tells `doctor` that checkpoints have been failing.
#include "historyquery.h"
#include "messagestore.h"
#include "sqliteconnection.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

struct sqlite3;

namespace ct::historyrow {
struct RowIds;
}

namespace ct {

class HistoryInserter;
class SqliteStatement;

class HistoryStore : public QObject, public MessageStore
{
    Q_OBJECT
public:
    enum class Durability { Process, Power };
    static constexpr int kSchemaVersion = 4;
    static constexpr int kBusyTimeoutMs = 2000;
    static constexpr int kShortBusyTimeoutMs = 50; // after a wait that ended still locked
    // Pages of -wal after which a commit is followed by a checkpoint (some 16 MiB, see the top).
    static constexpr int kCheckpointPages = 4096;
    // A -wal past this size has not been copied into the history file for a while (see the top).
    static constexpr qint64 kJournalLimitBytes = qint64(24) << 20;

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

    // This store's stored_by mark (random, per object): which rows it wrote itself.
    qint64 writerId() const { return m_writerId; }
    // Where a corrupt file was moved by this store (empty when none was).
    QString movedAsidePath() const { return m_movedAside; }

    // --- writing -----------------------------------------------------------------------
    // MessageStore: one transaction per batch, cursors updated in the same transaction.
    // fresh[i]: batch[i] was stored now, or another process stored it after this store opened.
    bool storeBatch(const QList<InboundMessage> &batch, QList<bool> *fresh, QString *error = nullptr) override;
    // MessageStore: why the latest checkpoint failed (see the top); empty since one worked.
    QString storageTrouble() const override { return m_checkpointError; }
    // A message this app sent (direction Out, stored as read). False on error or duplicate id.
    bool storeOutgoing(const InboundMessage &message);

    // --- delivery record (see the top) ---------------------------------------------------
    // Before open(): the consumer whose deliveries this store records ("watch"); empty: none.
    void setDeliveryConsumer(const QString &consumer) { m_consumer = consumer; }
    void markDelivered(int count = 1) override;
    QList<InboundMessage> takeUndelivered(const QList<AccountAddress> &accounts) override;

    // --- catch-up cursors --------------------------------------------------------------
    bool contains(const AccountAddress &account, const QString &messageId) const;
    qint64 gotifyLastId(const AccountAddress &account) const;                  // 0 = none
    void setGotifyLastId(const AccountAddress &account, qint64 id);            // only moves forward
    QHash<QString, qint64> openimMaxSeqs(const AccountAddress &account) const; // conversation → seq

    // --- reading -----------------------------------------------------------------------
    // Newest first. On a database error: empty, and *error says why.
    QList<HistoryRecord> query(const HistoryQuery &query, QString *error = nullptr) const;
    int count(const HistoryQuery &query) const;                          // ignores limit/offset
    QList<SessionSummary> sessions(const AccountAddress &account) const; // newest first

    // Unread = incoming, not filtered, not read.
    int unreadCount(const AccountAddress &account = {}, const QString &sessionKey = {}) const;
    QHash<AccountAddress, int> unreadByAccount() const;
    QHash<QString, int> unreadBySession(const AccountAddress &account) const;
    // Unread messages a notification would call critical (NotificationPolicy::urgencyOf): Gotify
    // priority >= gotifyCriticalFrom, OpenIM mentions (of this account or of everyone).
    int unreadCriticalCount(int gotifyCriticalFrom) const;
    // Empty sessionKey → every session of the account. Returns the rows changed.
    int markRead(const AccountAddress &account, const QString &sessionKey = {});
    int markRead(const QList<qint64> &rowIds);
    // "Mark unread" from the Messages tab: incoming rows only. Returns the rows changed.
    int markUnread(const QList<qint64> &rowIds);
    // "Delete" from the Messages tab: the rows' content is erased and they are hidden from every
    // query, count and session list, but each stays as a tombstone (its account, id, seq and
    // time), so the same message arriving again (a catch-up, another process) is a duplicate
    // and never comes back. Catch-up cursors are not touched. Returns the rows deleted.
    int deleteLocally(const QList<qint64> &rowIds);

    // --- retention ---------------------------------------------------------------------
    // Deletes at most maxRows messages older than cutoff (server time, else stored time).
    // Returns the number deleted, -1 on error. HistoryRetention calls it in chunks.
    int deleteOlderThan(const QDateTime &cutoff, int maxRows);

    // For checks and tests: PRAGMA integrity_check == "ok".
    bool integrityOk(QString *detail = nullptr) const;

Q_SIGNALS:
    void unreadChanged();
    void messagesRemoved(int count); // by retention or deleteLocally
    // A corrupt or unreadable file was moved to `movedTo` and a new history started at path().
    void movedAside(const QString &movedTo, const QString &reason);
    // The file at path() was deleted or replaced under this store; the one there now is open
    // (deleted: a new, empty one was started; else the file that replaced it, moved aside first
    // if unreadable). The batch being stored then was stored again in it; older messages are not.
    void fileReplaced(bool deleted);

private:
    int setReadFlag(const QList<qint64> &rowIds, bool read);
    bool openWith(bool readOnly, QString *error);
    bool openConnection(bool readOnly, QString *error);
    bool openForWriting(QString *error); // open(), moving a corrupt file aside once
    bool moveAside(const QString &reason, QString *error);
    bool stillOurFile() const;     // path() still names the file this store has open
    bool journalStillOurs() const; // and its -wal and -shm are the ones it has open
    void checkpointLostJournal();  // they are not: copy what the -wal holds into the file
    // sqlite3_wal_hook: after each commit of this store's connection, with the -wal's page count.
    static int walCommitted(void *store, sqlite3 *handle, const char *name, int pages);
    // Runs a checkpoint and keeps its failure (m_checkpointError); false when it failed or was busy.
    bool checkpoint(sqlite3 *handle, const char *name, int mode);
    void rememberFile();
    // newsOnlyOf: a batch written again (its file deleted meanwhile): flags[i] only where it is set.
    bool writeBatch(const QList<InboundMessage> &batch, QList<bool> &flags, QString *error,
                    const QList<bool> *newsOnlyOf = nullptr);
    bool startNewFile(QString *error);       // path() was deleted or replaced: a new history there
    int lastSqliteCode() const;              // primary result code of the connection's latest failure
    bool openDeliveryRecord(QString *error); // at open, with a consumer
    bool recordUndelivered(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                           const QList<bool> &fresh, QString *error);
    void closeDeliveryRecord();
    QString deliveredFile(qint64 writer) const;
    bool hasDeliveryEntry(qint64 writer) const; // a row in delivery_writers (or it cannot tell)
    bool updateCursors(const QList<InboundMessage> &batch, const QList<bool> &inserted, QString *error);
    // Numbers of accounts and sessions (created when new, inside the caller's transaction).
    qint64 accountId(const AccountAddress &address, QString *error);
    qint64 sessionId(qint64 accountId, const QString &key, QString *error);

    QString m_path;
    SqliteConnection m_db; // closed: never opened, closed, or the latest open failed
    Durability m_durability = Durability::Process;
    bool m_readOnly = false;
    bool m_corrupt = false;     // the latest open or write failed on a corrupt file
    bool m_stillLocked = false; // the latest write waited kBusyTimeoutMs and found it locked
    qint64 m_writerId = 0;
    QString m_movedAside;
    quint64 m_fileDevice = 0; // identity of the open file (POSIX st_dev/st_ino)
    quint64 m_fileInode = 0;
    quint64 m_walInode = 0; // of <path>-wal and <path>-shm when opened for writing (0: none)
    quint64 m_shmInode = 0;
    bool m_journalLost = false;                // said once
    QString m_checkpointError;                 // why the latest checkpoint failed; empty: it worked
    std::unique_ptr<HistoryInserter> m_insert; // prepared once per open
    std::unique_ptr<SqliteStatement> m_cursor;
    QString m_consumer;
    std::unique_ptr<SqliteStatement> m_undelivered;     // records one row as undelivered
    qint64 m_recorded = 0;                              // the number of the last row recorded
    qint64 *m_delivered = nullptr;                      // mapped: the number of the last row printed
    qint64 m_collected = 0;                             // rows up to this number removed from the record
    QHash<AccountAddress, qint64> m_accountIds;         // address → accounts.id
    QHash<QPair<qint64, QString>, qint64> m_sessionIds; // (account id, key) → sessions.id
};

} // namespace ct
