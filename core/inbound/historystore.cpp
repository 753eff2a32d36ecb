#include "historystore.h"

#include "historyinserter.h"
#include "historyrow.h"
#include "historyschema.h"
#include "logging/logging.h"
#include "sqlitestatement.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <sqlite3.h>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace ct {

namespace {
QString gotifyCursorName()
{
    return QStringLiteral("gotify.lastId");
}
QString openimCursorPrefix()
{
    return QStringLiteral("openim.seq:");
}
bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}
bool isCorruptCode(int code)
{
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}
// The id of a row of accounts or sessions, inserted when new: INSERT OR IGNORE, then SELECT,
// `bind` setting the same parameters on both. 0 on an error.
template <typename Bind>
qint64 idOf(sqlite3 *db, const char *insertSql, const char *selectSql, Bind bind, QString *error)
{
    SqliteStatement insert;
    SqliteStatement find;
    if (!insert.prepare(db, QLatin1String(insertSql), error) || !find.prepare(db, QLatin1String(selectSql), error))
        return 0;
    bind(insert);
    bind(find);
    qint64 id = 0;
    return insert.exec(error) >= 0 && find.queryInt64(&id, error) > 0 ? id : 0;
}
} // namespace

HistoryStore::HistoryStore(const QString &path, QObject *parent)
    : QObject(parent), m_path(path.isEmpty() ? defaultPath() : path),
      m_writerId(qint64(QRandomGenerator::global()->generate64() >> 2) + 1) // positive, never 0
{
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/channeltray/history.sqlite");
}

bool HistoryStore::isOpen() const
{
    return m_db.isOpen();
}

bool HistoryStore::open(QString *error)
{
    return openForWriting(error);
}

bool HistoryStore::openForWriting(QString *error)
{
    if (openWith(false, error))
        return true;
    if (!m_corrupt)
        return false;
    const QString reason = error ? *error : QStringLiteral("corrupt");
    QString moveError;
    if (!moveAside(reason, &moveError))
        return fail(error, reason + QStringLiteral("; ") + moveError);
    return openWith(false, error);
}

bool HistoryStore::moveAside(const QString &reason, QString *error)
{
    close();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = m_path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(m_path, target))
        return fail(error, QStringLiteral("cannot move the corrupt history %1 aside").arg(m_path));
    // Its journal belongs with it: SQLite finds "<name>-wal" next to a moved file.
    for (const QLatin1String suffix : {QLatin1String("-wal"), QLatin1String("-shm")})
        if (QFileInfo::exists(m_path + suffix))
            QFile::rename(m_path + suffix, target + suffix);
    m_movedAside = target;
    qCWarning(lcHistory) << "history" << m_path << "is unusable (" << reason << "): moved to" << target
                         << "and a new one started";
    Q_EMIT movedAside(target, reason);
    return true;
}

int HistoryStore::lastSqliteCode() const
{
    return m_db.lastCode();
}

namespace {
quint64 inodeOf(const QString &path) // 0: no such file
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return quint64(st.st_ino);
#else
    Q_UNUSED(path);
#endif
    return 0;
}
} // namespace

void HistoryStore::rememberFile()
{
    m_fileDevice = m_fileInode = 0;
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(m_path).constData(), &st) == 0) {
        m_fileDevice = quint64(st.st_dev);
        m_fileInode = quint64(st.st_ino);
    }
#endif
    // In WAL mode both exist while a connection is open (sqlite.org/walformat.html).
    m_walInode = m_readOnly ? 0 : inodeOf(m_path + QStringLiteral("-wal"));
    m_shmInode = m_readOnly ? 0 : inodeOf(m_path + QStringLiteral("-shm"));
    m_journalLost = false;
}

bool HistoryStore::journalStillOurs() const
{
    return (m_walInode == 0 || inodeOf(m_path + QStringLiteral("-wal")) == m_walInode)
           && (m_shmInode == 0 || inodeOf(m_path + QStringLiteral("-shm")) == m_shmInode);
}

void HistoryStore::checkpointLostJournal()
{
    if (!m_journalLost)
        qCWarning(lcHistory) << "history" << m_path
                             << "lost its -wal or -shm file: each batch is copied into the history file at once"
                                " until the history is opened again";
    m_journalLost = true;
    // The connection reads the deleted -wal through the descriptor it still has; TRUNCATE also
    // starts it over, so a process that opens the file now finds nothing that only that -wal holds.
    sqlite3 *handle = m_db.handle();
    if (handle && !checkpoint(handle, nullptr, SQLITE_CHECKPOINT_TRUNCATE))
        qCWarning(lcHistory) << "history" << m_path
                             << "checkpoint did not run whole, tried again after the next batch";
}

int HistoryStore::walCommitted(void *store, sqlite3 *handle, const char *name, int pages)
{
    // Called after the commit, its write lock released (sqlite.org/c3ref/wal_hook.html): a
    // checkpoint may run here, as SQLite's own automatic one does.
    if (pages >= kCheckpointPages)
        static_cast<HistoryStore *>(store)->checkpoint(handle, name, SQLITE_CHECKPOINT_PASSIVE);
    return SQLITE_OK; // the commit happened, whatever the checkpoint did
}

bool HistoryStore::checkpoint(sqlite3 *handle, const char *name, int mode)
{
    int pages = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(handle, name, mode, &pages, &copied);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return false; // another connection checkpoints or writes now: this one is tried again later
    if (rc != SQLITE_OK) {
        const QString error = QStringLiteral("copying the journal into the history file failed (%1); received "
                                             "messages are kept in %2-wal, which grows until it works")
                                  .arg(QString::fromUtf8(sqlite3_errstr(rc)), m_path);
        if (error != m_checkpointError)
            qCWarning(lcHistory) << "history" << m_path << "checkpoint failed:" << sqlite3_errstr(rc)
                                 << "; tried again after the next commit";
        m_checkpointError = error;
        return false;
    }
    if (!m_checkpointError.isEmpty()) {
        m_checkpointError.clear();
        qCInfo(lcHistory) << "history" << m_path << "checkpoints work again (" << copied << "of" << pages
                          << "pages copied)";
        // The -wal grew while they failed: truncated now if no reader is in it (no waiting),
        // else at the commit after the next checkpoint (journal_size_limit).
        sqlite3_busy_timeout(handle, 0);
        sqlite3_wal_checkpoint_v2(handle, name, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    }
    return true;
}

bool HistoryStore::stillOurFile() const
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return false;
    return m_fileInode == 0 || (quint64(st.st_dev) == m_fileDevice && quint64(st.st_ino) == m_fileInode);
#else
    return QFileInfo::exists(m_path);
#endif
}

bool HistoryStore::openReadOnly(QString *error)
{
    if (!QFileInfo::exists(m_path))
        return fail(error, QStringLiteral("no history file at %1").arg(m_path));
    return openWith(true, error);
}

bool HistoryStore::openWith(bool readOnly, QString *error)
{
    close();
    m_readOnly = readOnly;
    m_corrupt = false;
    m_checkpointError.clear(); // of the connection closed
    if (openConnection(readOnly, error)) {
        rememberFile();
        qCDebug(lcHistory) << "history open" << m_path << (readOnly ? "read-only" : "read-write");
        return true;
    }
    m_corrupt = m_corrupt || isCorruptCode(lastSqliteCode());
    close(); // the connection of the attempt, and every statement prepared on it
    return false;
}

bool HistoryStore::openConnection(bool readOnly, QString *error)
{
    if (!readOnly) {
        const QString dir = QFileInfo(m_path).absolutePath();
        if (!QDir().exists(dir)) {
            if (!QDir().mkpath(dir))
                return fail(error, QStringLiteral("cannot create %1").arg(dir));
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }
    // A reader (the `history` command) waits up to 5 s for a writer's lock, a writer kBusyTimeoutMs.
    if (!m_db.open(m_path, readOnly ? SqliteConnection::Mode::ReadOnly : SqliteConnection::Mode::ReadWrite,
                   readOnly ? 5000 : kBusyTimeoutMs, error)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(m_path, *error);
        return false;
    }
    sqlite3 *handle = m_db.handle();
    // SQLite reads lazily: read the schema now, so a file that is not a database (or whose
    // first pages are corrupt) is found here, not by the first batch.
    QString readError;
    if (!m_db.exec("SELECT count(*) FROM sqlite_master", &readError)) {
        m_corrupt = isCorruptCode(lastSqliteCode());
        return fail(error, QStringLiteral("cannot read %1: %2").arg(m_path, readError));
    }
    if (readOnly) {
        const int version = historyschema::version(m_db);
        if (version > kSchemaVersion)
            return fail(error, QStringLiteral("%1 is from a newer ChannelTray").arg(m_path));
        QString viewError;
        if (!historyschema::showAsVersion(m_db, version, kSchemaVersion, &viewError))
            return fail(error, QStringLiteral("cannot read %1: %2").arg(m_path, viewError));
        return true;
    }
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    // Not checked: a file whose journal cannot be switched to WAL still works, in its rollback
    // journal, and the others only tune.
    m_db.exec("PRAGMA journal_mode=WAL", nullptr);
    m_db.exec(m_durability == Durability::Power ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
              nullptr);
    // The unique (account, msg_id) index is written in id order, not time order: keep its
    // pages cached (grows only as used). Checkpoints (two fsyncs each) every 16 MiB of WAL
    // (kCheckpointPages) instead of every 4 MiB; each commit is durable in the WAL either way.
    m_db.exec("PRAGMA cache_size=-16384", nullptr);
    m_db.exec(QStringLiteral("PRAGMA journal_size_limit=%1").arg(kJournalLimitBytes), nullptr);
    // The store's own automatic checkpoint, whose failure it sees (see the top); it replaces
    // SQLite's (sqlite3_wal_autocheckpoint is a wal hook too).
    sqlite3_wal_hook(handle, &HistoryStore::walCommitted, this);
    QString migrateError;
    if (!historyschema::migrateTo(m_db, kSchemaVersion, &migrateError))
        return fail(error, QStringLiteral("%1: %2").arg(m_path, migrateError));
    qint64 rowIdAtOpen = 0;
    {
        SqliteStatement maxRow;
        QString text;
        if (!maxRow.prepare(handle, QStringLiteral("SELECT MAX(row_id) FROM messages"), &text)
            || maxRow.queryInt64(&rowIdAtOpen, &text) <= 0)
            return fail(error, QStringLiteral("%1: %2").arg(m_path, text));
        // Claims of a writer that was killed before it could remove them: gone after a week.
        m_db.exec(QStringLiteral("DELETE FROM claims WHERE at < %1")
                      .arg(QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000),
                  nullptr);
    }
    m_insert = std::make_unique<HistoryInserter>();
    m_cursor = std::make_unique<SqliteStatement>();
    return m_insert->prepare(handle, m_writerId, rowIdAtOpen, error)
           && m_cursor->prepare(handle,
                                QStringLiteral("INSERT INTO cursors (account, name, value) VALUES (?, ?, ?)"
                                               " ON CONFLICT (account, name) DO UPDATE SET"
                                               " value = MAX(value, excluded.value)"),
                                error)
           && (m_consumer.isEmpty() || openDeliveryRecord(error));
}

void HistoryStore::close()
{
    if (m_insert) // this writer's claims mean nothing once it is gone
        m_db.exec(QStringLiteral("DELETE FROM claims WHERE writer = %1").arg(m_writerId), nullptr);
    closeDeliveryRecord();
    m_insert.reset();
    m_cursor.reset();
    m_accountIds.clear();
    m_sessionIds.clear();
    m_db.close(); // after the statements above: they were prepared on it
}

int HistoryStore::schemaVersion() const
{
    return isOpen() ? historyschema::version(m_db) : 0;
}

bool HistoryStore::storeBatch(const QList<InboundMessage> &batch, QList<bool> *fresh, QString *error)
{
    if (m_readOnly)
        return fail(error, QStringLiteral("history store is open read-only"));
    if (m_insert && !stillOurFile())
        startNewFile(error);
    if (!m_insert && !openForWriting(error)) // never opened, or lost: try again now
        return false;
    QList<bool> flags(batch.size(), false);
    QString text;
    bool ok = writeBatch(batch, flags, &text);
    if (!ok && m_corrupt) {
        // Corrupt under us: keep the file aside, start a new one, and store the batch there.
        QString moveError;
        if (moveAside(text, &moveError) && openWith(false, &moveError)) {
            flags.fill(false);
            ok = writeBatch(batch, flags, &text);
        } else {
            text += QStringLiteral("; ") + moveError;
        }
    }
    if (!ok)
        return fail(error, text);
    if (!stillOurFile()) {
        // Deleted or replaced while the batch was written: it went into a file nobody will read
        // again. Stored again in a new one at path(); news is only what was news the first time.
        const QList<bool> first = flags;
        if (!startNewFile(error))
            return false; // kept by the caller, and stored with a later try
        flags.fill(false);
        if (!writeBatch(batch, flags, &text, &first))
            return fail(error, text);
    } else if (!journalStillOurs()) {
        checkpointLostJournal(); // before the batch is reported stored, and so delivered
    }
    if (fresh)
        *fresh = flags;
    if (flags.contains(true))
        Q_EMIT unreadChanged();
    return true;
}

bool HistoryStore::startNewFile(QString *error)
{
    const bool deleted = !QFileInfo::exists(m_path);
    qCWarning(lcHistory) << "history" << m_path
                         << (deleted ? "was deleted: starting a new one"
                                     : "was replaced: using the file there now");
    close();
    if (!openForWriting(error))
        return false;
    Q_EMIT fileReplaced(deleted);
    return true;
}

bool HistoryStore::writeBatch(const QList<InboundMessage> &batch, QList<bool> &flags, QString *error,
                              const QList<bool> *newsOnlyOf)
{
    m_corrupt = false;
    sqlite3 *handle = m_db.handle();
    // Another process's transaction takes milliseconds: wait for it. One that held the lock for
    // the whole wait before (a stuck tool) is not waited for again: the caller retries later,
    // and the event loop is not blocked kBusyTimeoutMs at every retry.
    if (handle)
        sqlite3_busy_timeout(handle, m_stillLocked ? kShortBusyTimeoutMs : kBusyTimeoutMs);
    // The write lock first: a deferred transaction that reads, then writes, fails at once
    // (SQLITE_BUSY, no waiting) when another process committed in between.
    if (!m_db.exec("BEGIN IMMEDIATE", error)) {
        m_corrupt = isCorruptCode(lastSqliteCode());
        m_stillLocked = lastSqliteCode() == SQLITE_BUSY;
        return false;
    }
    m_stillLocked = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 recordedBefore = m_recorded;
    auto abort = [&](const QString &text) {
        m_corrupt = isCorruptCode(lastSqliteCode());
        m_db.exec("ROLLBACK", nullptr);
        m_recorded = recordedBefore; // the rows it numbered are gone: numbered again with the retry
        m_accountIds.clear();        // ids created in this transaction are gone
        m_sessionIds.clear();
        return fail(error, text);
    };
    QList<historyrow::RowIds> ids(batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const InboundMessage &m = batch.at(i);
        QString text;
        ids[i].account = accountId(m.account, &text);
        ids[i].session = ids[i].account > 0 ? sessionId(ids[i].account, m.sessionKey, &text) : 0;
        if (ids[i].session <= 0)
            return abort(text);
    }
    QString text;
    if (!m_insert->insert(batch, ids, now, flags, &text) || !updateCursors(batch, flags, &text))
        return abort(text);
    if (newsOnlyOf) // the cursors above move past every row stored; what is delivered is masked
        for (qsizetype i = 0; i < flags.size(); ++i)
            flags[i] = flags[i] && newsOnlyOf->at(i);
    if (m_undelivered && !recordUndelivered(batch, ids, flags, &text))
        return abort(text);
    if (!m_db.exec("COMMIT", &text))
        return abort(text);
    return true;
}

qint64 HistoryStore::accountId(const AccountAddress &account, QString *error)
{
    const auto it = m_accountIds.constFind(account);
    if (it != m_accountIds.constEnd())
        return *it;
    const QString address = account.toString();
    const qint64 id = idOf(
        m_db.handle(), "INSERT OR IGNORE INTO accounts (address) VALUES (?)",
        "SELECT id FROM accounts WHERE address = ?", [&](SqliteStatement &q) { q.bind(1, address); }, error);
    return id > 0 ? (m_accountIds[account] = id) : 0;
}

qint64 HistoryStore::sessionId(qint64 account, const QString &key, QString *error)
{
    const QPair<qint64, QString> cacheKey(account, key);
    const auto it = m_sessionIds.constFind(cacheKey);
    if (it != m_sessionIds.constEnd())
        return *it;
    const qint64 id = idOf(
        m_db.handle(), "INSERT OR IGNORE INTO sessions (account_id, key) VALUES (?, ?)",
        "SELECT id FROM sessions WHERE account_id = ? AND key = ?",
        [&](SqliteStatement &q) {
            q.bind(1, account);
            q.bind(2, key); // a null key binds as '' (NOT NULL)
        },
        error);
    return id > 0 ? (m_sessionIds[cacheKey] = id) : 0;
}

bool HistoryStore::updateCursors(const QList<InboundMessage> &batch, const QList<bool> &inserted, QString *error)
{
    // Keyed without building strings per message: (account, conversation); Gotify's is empty.
    QHash<QPair<AccountAddress, QString>, qint64> highest;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const InboundMessage &m = batch.at(i);
        if (!inserted.at(i))
            continue;
        if (m.account.channel == kGotifyChannel && m.direction == InboundMessage::Direction::In) {
            bool ok = false;
            const qint64 id = m.id.toLongLong(&ok);
            if (ok) {
                qint64 &v = highest[{m.account, QString()}];
                v = qMax(v, id);
            }
        } else if (m.seq > 0 && !m.conversationId.isEmpty()) {
            qint64 &v = highest[{m.account, m.conversationId}];
            v = qMax(v, m.seq);
        }
    }
    for (auto it = highest.cbegin(); it != highest.cend(); ++it) {
        m_cursor->bind(1, it.key().first.toString());
        m_cursor->bind(2, it.key().second.isEmpty() ? gotifyCursorName() : openimCursorPrefix() + it.key().second);
        m_cursor->bind(3, it.value());
        if (m_cursor->exec(error) < 0)
            return false;
    }
    return true;
}

bool HistoryStore::storeOutgoing(const InboundMessage &message)
{
    InboundMessage out = message;
    out.direction = InboundMessage::Direction::Out;
    QList<bool> inserted;
    QString error;
    if (!storeBatch({out}, &inserted, &error)) {
        qCWarning(lcHistory) << "cannot store a sent message:" << error;
        return false;
    }
    return inserted.value(0);
}

bool HistoryStore::contains(const AccountAddress &account, const QString &messageId) const
{
    SqliteStatement q;
    if (!q.prepare(m_db.handle(),
                   QStringLiteral("SELECT 1 FROM messages WHERE account_id ="
                                  " (SELECT id FROM accounts WHERE address = ?) AND msg_id = ?"),
                   nullptr))
        return false;
    q.bind(1, account.toString());
    q.bindValue(2, messageId);
    qint64 one = 0;
    return q.queryInt64(&one, nullptr) > 0;
}

qint64 HistoryStore::gotifyLastId(const AccountAddress &account) const
{
    SqliteStatement q;
    qint64 id = 0;
    if (!q.prepare(m_db.handle(), QStringLiteral("SELECT value FROM cursors WHERE account = ? AND name = ?"),
                   nullptr))
        return 0;
    q.bind(1, account.toString());
    q.bind(2, gotifyCursorName());
    return q.queryInt64(&id, nullptr) > 0 ? id : 0;
}

void HistoryStore::setGotifyLastId(const AccountAddress &account, qint64 id)
{
    if (!m_cursor)
        return;
    m_cursor->bind(1, account.toString());
    m_cursor->bind(2, gotifyCursorName());
    m_cursor->bind(3, id);
    QString error;
    if (m_cursor->exec(&error) < 0)
        qCWarning(lcHistory) << "cannot save the Gotify cursor:" << error;
}

QHash<QString, qint64> HistoryStore::openimMaxSeqs(const AccountAddress &account) const
{
    QHash<QString, qint64> seqs;
    SqliteStatement q;
    if (!q.prepare(
            m_db.handle(),
            QStringLiteral("SELECT name, value FROM cursors WHERE account = ? AND name LIKE 'openim.seq:%'"),
            nullptr))
        return seqs;
    q.bind(1, account.toString());
    while (q.next())
        seqs.insert(q.text(0).mid(openimCursorPrefix().size()), q.int64(1));
    return seqs;
}

bool HistoryStore::integrityOk(QString *detail) const
{
    SqliteStatement q;
    QString text;
    if (!q.prepare(m_db.handle(), QStringLiteral("PRAGMA integrity_check"), &text) || !q.next(&text))
        return fail(detail, text);
    const QString result = q.text(0);
    q.reset();
    if (detail)
        *detail = result;
    return result == QLatin1String("ok");
}

} // namespace ct
