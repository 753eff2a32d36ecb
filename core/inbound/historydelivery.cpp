// HistoryStore: the delivery record (historystore.h, "Delivered, not only stored").
#include "historyrow.h"
#include "historystore.h"
#include "logging/logging.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace ct {

namespace {

// A gone run's record of messages no later run took (their accounts not watched since) is
// dropped a week after they were stored, as a killed writer's claims are (historystore.cpp).
constexpr qint64 kStaleUndeliveredMs = 7LL * 24 * 3600 * 1000;

// The start time of process `pid` (clock ticks after boot, /proc/<pid>/stat field 22); -1 when
// there is no such process or it is a zombie (killed, not yet reaped: gone all the same).
qint64 processStartTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so fields are counted
    // after its last ')': state is field 3, starttime field 22.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20 || fields.at(0) == "Z")
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(19).toLongLong(&ok);
    return ok ? ticks : -1;
}

// The count of a writer's file (0 when it has none, or it cannot be read).
qint64 readCount(const QString &file)
{
    QFile f(file);
    qint64 count = 0;
    if (f.open(QIODevice::ReadOnly) && f.read(reinterpret_cast<char *>(&count), sizeof count) == sizeof count)
        return count;
    return 0;
}

} // namespace

QString HistoryStore::deliveredFile(qint64 writer) const
{
    return m_path + QStringLiteral(".delivered-%1").arg(writer);
}

bool HistoryStore::hasDeliveryEntry(qint64 writer) const
{
    // An error counts as an entry: its file is kept (removing a live writer's would lose its count).
    SqliteStatement left;
    qint64 one = 0;
    return !left.prepare(m_db.handle(),
                         QStringLiteral("SELECT 1 FROM delivery_writers WHERE writer = %1").arg(writer), nullptr)
           || left.queryInt64(&one, nullptr) != 0;
}

bool HistoryStore::openDeliveryRecord(QString *error)
{
    if (m_delivered) // opened again (a file moved aside or replaced)
        ::munmap(m_delivered, sizeof(qint64));
    m_delivered = nullptr;
    m_undelivered.reset();
    const qint64 pid = QCoreApplication::applicationPid();
    const QByteArray file = QFile::encodeName(deliveredFile(m_writerId));
    const int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    // Written, not only sized: its page is allocated now (a full disk fails here, not later
    // as a SIGBUS at a store to the mapping).
    const qint64 zero = 0;
    if (fd < 0 || ::write(fd, &zero, sizeof zero) != qint64(sizeof zero)) {
        if (fd >= 0)
            ::close(fd);
        if (error)
            *error = QStringLiteral("cannot create %1: %2")
                         .arg(QString::fromLocal8Bit(file), qt_error_string(errno));
        return false;
    }
    void *map = ::mmap(nullptr, sizeof(qint64), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) {
        if (error)
            *error = QStringLiteral("cannot map %1: %2").arg(QString::fromLocal8Bit(file), qt_error_string(errno));
        return false;
    }
    m_delivered = static_cast<qint64 *>(map);
    m_recorded = m_collected = *m_delivered = 0;
    if (!m_db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS delivery_writers (writer INTEGER PRIMARY KEY,"
                                  " consumer TEXT NOT NULL, pid INTEGER NOT NULL, started INTEGER NOT NULL)"),
                   error)
        || !m_db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS undelivered (writer INTEGER NOT NULL,"
                                     " row_id INTEGER NOT NULL, number INTEGER NOT NULL,"
                                     " PRIMARY KEY (writer, row_id)) WITHOUT ROWID"),
                      error)
        || !m_db.exec(QStringLiteral("INSERT OR REPLACE INTO delivery_writers (writer, consumer, pid, started)"
                                     " VALUES (%1, '%2', %3, %4)")
                          .arg(m_writerId)
                          .arg(QString(m_consumer).replace(QLatin1Char('\''), QStringLiteral("''")))
                          .arg(pid)
                          .arg(processStartTicks(pid)),
                      error)) {
        closeDeliveryRecord();
        return false;
    }
    m_undelivered = std::make_unique<SqliteStatement>();
    return m_undelivered->prepare(m_db.handle(),
                                  QStringLiteral("INSERT OR IGNORE INTO undelivered (writer, row_id, number)"
                                                 " SELECT ?, row_id, ? FROM messages"
                                                 " WHERE account_id = ? AND msg_id = ? AND deleted = 0"),
                                  error);
}

bool HistoryStore::recordUndelivered(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                                     const QList<bool> &fresh, QString *error)
{
    // What was counted off since the last batch leaves the record (in this transaction).
    const qint64 delivered = *m_delivered;
    if (delivered > m_collected
        && !m_db.exec(QStringLiteral("DELETE FROM undelivered WHERE writer = %1 AND number <= %2")
                          .arg(m_writerId)
                          .arg(delivered),
                      error))
        return false;
    m_collected = delivered; // rolled back with a failed batch: removed with a later one
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!fresh.at(i) || batch.at(i).filtered) // a filtered message is stored, never delivered
            continue;
        m_undelivered->bind(1, m_writerId);
        m_undelivered->bind(2, m_recorded + 1);
        m_undelivered->bind(3, ids.at(i).account);
        m_undelivered->bind(4, batch.at(i).id);
        const int changed = m_undelivered->exec(error);
        if (changed < 0)
            return false;
        m_recorded += changed;
    }
    return true;
}

void HistoryStore::markDelivered(int count)
{
    // A store to shared memory: it survives a kill -9 (the page is the file's).
    if (m_delivered)
        __atomic_store_n(m_delivered, *m_delivered + count, __ATOMIC_RELEASE);
}

QList<InboundMessage> HistoryStore::takeUndelivered(const QList<AccountAddress> &accounts)
{
    QList<InboundMessage> out;
    if (!m_undelivered)
        return out;
    QString error;
    if (!m_db.exec("BEGIN IMMEDIATE", &error)) {
        qCWarning(lcHistory) << "could not read what earlier runs did not deliver:" << error;
        return out;
    }
    // The writers of this consumer that are gone.
    QList<qint64> gone;
    SqliteStatement writers;
    bool ok = writers.prepare(
        m_db.handle(),
        QStringLiteral("SELECT writer, pid, started FROM delivery_writers WHERE consumer = ? AND writer <> ?"),
        &error);
    writers.bind(1, m_consumer);
    writers.bind(2, m_writerId);
    while (ok && writers.next(&error)) {
        // A start time that could not be read when it registered: never taken as gone (taking a
        // live writer's record would deliver its messages twice).
        const qint64 started = writers.int64(2);
        if (started >= 0 && processStartTicks(writers.int64(1)) != started)
            gone << writers.int64(0);
    }
    ok = ok && !writers.failed();
    QStringList addresses;
    for (const AccountAddress &a : accounts)
        addresses << QLatin1Char('\'') + a.toString().replace(QLatin1Char('\''), QStringLiteral("''"))
                         + QLatin1Char('\'');
    const QString ofAccounts = addresses.isEmpty()
                                   ? QString()
                                   : QStringLiteral(
                                         " AND m.account_id IN (SELECT id FROM accounts WHERE address IN (%1))")
                                         .arg(addresses.join(QLatin1Char(',')));
    QList<qint64> taken; // row ids, in the order their writers would have delivered them
    for (qint64 writer : std::as_const(gone)) {
        // What it printed (its count), and rows deleted meanwhile (locally, or by retention),
        // leave its record; the rest of the accounts asked for is taken; what is left belongs to
        // other accounts, for a later run that watches them.
        const qint64 printed = readCount(deliveredFile(writer));
        ok = ok
             && m_db.exec(
                 QStringLiteral("DELETE FROM undelivered WHERE writer = %1 AND (number <= %2 OR row_id NOT IN"
                                " (SELECT row_id FROM messages WHERE deleted = 0))")
                     .arg(writer)
                     .arg(printed),
                 &error);
        SqliteStatement rows;
        ok = ok
             && rows.prepare(
                 m_db.handle(),
                 QStringLiteral("SELECT u.row_id FROM undelivered u JOIN messages m ON m.row_id = u.row_id"
                                " WHERE u.writer = %1%2 ORDER BY u.number")
                     .arg(writer)
                     .arg(ofAccounts),
                 &error);
        QList<qint64> ofWriter;
        while (ok && rows.next(&error))
            ofWriter << rows.int64(0);
        ok = ok && !rows.failed();
        if (ok && !ofWriter.isEmpty()) {
            QStringList list;
            for (qint64 row : std::as_const(ofWriter))
                list << QString::number(row);
            ok = m_db.exec(QStringLiteral("DELETE FROM undelivered WHERE writer = %1 AND row_id IN (%2)")
                               .arg(writer)
                               .arg(list.join(QLatin1Char(','))),
                           &error);
            taken += ofWriter;
        }
        // What is left belongs to accounts this run does not watch: kept for a run that does,
        // but not for ever (an account removed from the config, a `watch --account` run long
        // gone): stored more than kStaleUndeliveredMs ago, it leaves the record, so the entry
        // and file of a killed run go too.
        ok = ok
             && m_db.exec(QStringLiteral("DELETE FROM undelivered WHERE writer = %1 AND row_id IN"
                                         " (SELECT row_id FROM messages WHERE stored_at < %2)")
                              .arg(writer)
                              .arg(QDateTime::currentMSecsSinceEpoch() - kStaleUndeliveredMs),
                          &error);
        ok = ok
             && m_db.exec(QStringLiteral("DELETE FROM delivery_writers WHERE writer = %1 AND NOT EXISTS"
                                         " (SELECT 1 FROM undelivered WHERE writer = %1)")
                              .arg(writer),
                          &error);
    }
    // Taken: recorded as this writer's, numbered on from what it recorded.
    for (qsizetype i = 0; ok && i < taken.size(); ++i)
        ok = m_db.exec(QStringLiteral("INSERT INTO undelivered (writer, row_id, number) VALUES (%1, %2, %3)")
                           .arg(m_writerId)
                           .arg(taken.at(i))
                           .arg(m_recorded + 1 + i),
                       &error);
    QHash<qint64, InboundMessage> messages;
    if (ok && !taken.isEmpty()) {
        QStringList list;
        for (qint64 row : std::as_const(taken))
            list << QString::number(row);
        SqliteStatement rows;
        ok = rows.prepare(m_db.handle(),
                          historyrow::selectFrom()
                              + QStringLiteral(" WHERE m.row_id IN (%1)").arg(list.join(QLatin1Char(','))),
                          &error);
        while (ok && rows.next(&error)) {
            const HistoryRecord record = historyrow::recordAt(rows);
            messages.insert(record.rowId, record.message);
        }
        ok = ok && !rows.failed();
    }
    if (!ok || !m_db.exec("COMMIT", &error)) {
        qCWarning(lcHistory) << "could not take over what earlier runs did not deliver:" << error;
        m_db.exec("ROLLBACK", nullptr);
        return {};
    }
    // Their files go once nothing of theirs is left.
    for (qint64 writer : std::as_const(gone))
        if (!hasDeliveryEntry(writer))
            QFile::remove(deliveredFile(writer));
    m_recorded += taken.size();
    for (qint64 row : std::as_const(taken))
        out << messages.value(row);
    return out;
}

void HistoryStore::closeDeliveryRecord()
{
    if (m_delivered && m_undelivered) {
        // Gone cleanly: what it printed leaves the record; its entry and file go too, unless
        // rows are left undelivered (a flush without signals at shutdown), which the next run of
        // its consumer takes over.
        m_db.exec(QStringLiteral("DELETE FROM undelivered WHERE writer = %1 AND number <= %2")
                      .arg(m_writerId)
                      .arg(*m_delivered),
                  nullptr);
        m_db.exec(QStringLiteral("DELETE FROM delivery_writers WHERE writer = %1 AND NOT EXISTS"
                                 " (SELECT 1 FROM undelivered WHERE writer = %1)")
                      .arg(m_writerId),
                  nullptr);
        if (!hasDeliveryEntry(m_writerId))
            QFile::remove(deliveredFile(m_writerId));
    }
    m_undelivered.reset();
    if (m_delivered)
        ::munmap(m_delivered, sizeof(qint64));
    m_delivered = nullptr;
}

} // namespace ct
