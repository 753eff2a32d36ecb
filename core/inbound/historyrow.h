#pragma once
// How one message maps to one row of the messages table (internal to the history store).
#include "historyquery.h"

#include <QString>

namespace ct {
class SqliteStatement;
}

namespace ct::historyrow {

// "INSERT OR IGNORE INTO messages (...) VALUES (?, ...)[, (?, ...)...]": rows rows at once.
QString insertSql(int rows = 1);
constexpr int kParamsPerRow = 29;
// "SELECT <what recordAt() reads> FROM messages m JOIN accounts a ... JOIN sessions s ..."
QString selectFrom();

// The numbers of the message's account and session (tables accounts and sessions).
struct RowIds
{
    qint64 account = 0;
    qint64 session = 0;
};

// The UTF-16 code units of the message's texts: what SqliteStatement::reserveRow() needs.
qsizetype textUnits(const InboundMessage &message);
// Binds parameters firstParam.. (kParamsPerRow of them). Texts are copied into the statement's
// row buffer, reserved by the caller for every row of the statement.
// storedBy: the writing HistoryStore's writer id (which process stored the row).
void bind(SqliteStatement &insert, const InboundMessage &message, const RowIds &ids, qint64 storedAtMs, bool read,
          qint64 storedBy, int firstParam = 1);
// The row a statement of selectFrom() is on.
HistoryRecord recordAt(const SqliteStatement &query);

} // namespace ct::historyrow
