#pragma once
// A prepared SQLite statement on a SqliteConnection's handle: every query of the history store.
// The hot path, inserting batches, binds texts as UTF-8 from a buffer reused row after row
// (bindUtf8); the reading side steps through rows and reads columns as Qt SQL's QSQLITE driver
// did (texts through sqlite3_column_text16, NULL as a null QString, integers as 64 bits).
// Finalized by its destructor: a statement is dropped before its connection closes.
#include <QString>
#include <QStringView>

#include <vector>

class QVariant;
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

    // db: an open connection (SqliteConnection::handle()); nullptr fails ("history is not open").
    bool prepare(sqlite3 *db, const QString &sql, QString *error);
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
    // As QSqlQuery::bindValue did, for conditions built as a list of values (historyreader.cpp):
    // a null value or a null QString binds NULL, a QString its text, anything else an integer.
    void bindValue(int index, const QVariant &value);

    // Reading: next() steps to the next row, true while there is one. At the end or on an error
    // the statement is reset for its next run, and failed() says whether it was an error (*error
    // why, as does a failed prepare). A caller that stops before the end calls reset().
    bool next(QString *error = nullptr);
    bool failed() const { return m_failed; }
    void reset();
    // Columns of the current row, counted from 0.
    qint64 int64(int column) const;
    QString text(int column) const; // NULL → a null QString
    bool isNull(int column) const;

    // Runs the statement and resets it. Returns the rows it changed, or -1 (error set).
    int exec(QString *error);
    // Runs a query and resets it: 1 with *value = column 0 of its first row (0 when NULL),
    // 0 when it has no row, -1 on error (error set).
    int queryInt64(qint64 *value, QString *error);
    // The same for the first `count` columns of its first row.
    int queryInt64s(qint64 *values, int count, QString *error);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<char> m_row; // UTF-8 of the texts bound by bindUtf8() for the current row
    size_t m_rowUsed = 0;
    QString m_prepareError; // why prepare() failed, for the runs that follow
    bool m_failed = false;
};

} // namespace ct
