#include "sqliteconnection.h"

#include <sqlite3.h>

namespace ct {

void SqliteConnection::configureLibrary()
{
    // sqlite3_config() is for before sqlite3_initialize(), which the first open runs: once.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0); // SQLITE_MISUSE when too late: harmless
        return true;
    }();
    Q_UNUSED(configured);
}

bool SqliteConnection::open(const QString &path, Mode mode, int busyTimeoutMs, QString *error)
{
    close();
    configureLibrary();
    // The flags Qt's QSQLITE driver (6.4) opened with: no URI names, a private cache, and
    // SQLITE_OPEN_NOMUTEX (the connection is used from one thread only).
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      | SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_NOMUTEX;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr) != SQLITE_OK) {
        // A handle comes back unless memory ran out; it holds the reason, and must be closed.
        if (error)
            *error = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    // SQLITE_IOERR_WRITE rather than SQLITE_IOERR, as the driver did: callers mask with 0xff
    // where they want the primary code.
    sqlite3_extended_result_codes(db, 1);
    m_db = db;
    return true;
}

void SqliteConnection::close()
{
    if (!m_db)
        return;
    // _v2: a statement still prepared by mistake leaves the handle open until it is finalized,
    // instead of the close failing and the handle leaking.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool SqliteConnection::exec(const char *sql, QString *error) const
{
    if (m_db && sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("history is not open");
    return false;
}

bool SqliteConnection::exec(const QString &sql, QString *error) const
{
    return exec(sql.toUtf8().constData(), error);
}

int SqliteConnection::lastCode() const
{
    return m_db ? (sqlite3_errcode(m_db) & 0xff) : SQLITE_OK;
}

} // namespace ct
