#pragma once
// One SQLite connection of the history store, opened on the sqlite3 C API directly. The history
// used Qt SQL's QSQLITE driver until issue 11: the driver and Qt SQL were two more libraries
// mapped into every process (about 0.4 MiB of one account's memory) for what a few sqlite3 calls
// do. open() sets up the connection as that driver did, so nothing about the file changes:
// read-write (created when missing) or read-only, a private page cache, no mutex (the store
// lives on one thread), extended result codes, and the busy timeout it is given. The pragmas
// (WAL, synchronous, ...) stay with HistoryStore, which chooses them.
#include <QString>

struct sqlite3;

namespace ct {

class SqliteConnection
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    SqliteConnection() = default;
    ~SqliteConnection() { close(); }
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Before the process's first SQLite connection: no page cache starts with a block of pages
    // made in advance (SQLite's default is 20 pages, about 87 KiB, for each of a connection's
    // main and temp caches); pages are then made one by one as they are used, up to each
    // connection's cache_size (issue 11, memory). open() calls it; a no-op once SQLite is
    // initialized.
    static void configureLibrary();

    // False with SQLite's reason ("unable to open database file", ...) in *error.
    bool open(const QString &path, Mode mode, int busyTimeoutMs, QString *error);
    // Every statement prepared on it must be finalized first (SqliteStatement's destructor).
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }

    // Runs SQL without results (transaction control, DDL, pragmas, deletes): false with SQLite's
    // message in *error.
    bool exec(const char *sql, QString *error) const;
    bool exec(const QString &sql, QString *error) const;
    // The primary result code (SQLITE_FULL, _BUSY, _CORRUPT, ...) of the latest failed call;
    // SQLITE_OK when closed.
    int lastCode() const;

private:
    sqlite3 *m_db = nullptr;
};

} // namespace ct
