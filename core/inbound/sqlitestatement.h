#pragma once
// A prepared SQLite statement on a QtSql connection's own sqlite3 handle (QSqlDriver::handle()),
// for the one hot path of the history store: inserting batches. QSqlQuery spends most of an
// insert converting placeholders and QVariants; binding directly is several times faster.
// Transactions stay with QSqlDatabase (same connection).
#include <QString>
#include <QStringView>

#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace ct {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Before the process's first SQLite connection: no page cache starts with a block of pages
    // made in advance (SQLite's default is 20 pages, about 87 KiB, for each of a connection's
    // main and temp caches); pages are then made one by one as they are used, up to each
    // connection's cache_size (issue 11, memory). A no-op once SQLite is initialized.
    static void configureLibrary();
    // The connection's sqlite3 handle, nullptr when it is not an open QSQLITE connection.
    static sqlite3 *handleOf(const QSqlDatabase &db);

    bool prepare(const QSqlDatabase &db, const QString &sql, QString *error);
    bool isValid() const { return m_stmt != nullptr; }

    // Parameters count from 1. A null QString binds as '' (never NULL).
    // bind() copies the text; bindRef() does not: the string must live until exec() returns.
    void bind(int index, const QString &text);
    void bindRef(int index, const QString &text);
    // The fast path for a row of many texts: reserveRow() sizes the statement's own UTF-8
    // buffer for texts totalling utf16Units code units; bindUtf8() then converts each text into
    // it and binds it without a copy by SQLite (no UTF-16 translation, no allocation per
    // column). The buffer is reused row after row; a text that does not fit is copied instead.
    void reserveRow(qsizetype utf16Units); // several rows of one statement: their total
    void bindUtf8(int index, QStringView text);
    void bind(int index, qint64 value);
    void bindNull(int index);

    // Runs the statement and resets it. Returns the rows it changed, or -1 (error set).
    int exec(QString *error);
    // Runs a query and resets it: 1 with *value = column 0 of its first row (0 when NULL),
    // 0 when it has no row, -1 on error (error set).
    int queryInt64(qint64 *value, QString *error);
    // The same for the first `count` columns of its first row.
    int queryInt64s(qint64 *values, int count, QString *error);
    // The SQLite result code of the connection's latest failed call (SQLITE_FULL, _BUSY, ...).
    int lastErrorCode() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<char> m_row; // UTF-8 of the texts bound by bindUtf8() for the current row
    size_t m_rowUsed = 0;
};

} // namespace ct
