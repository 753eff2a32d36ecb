#pragma once
// How one message maps to one row of the messages table (internal to the history store).
#include "historyquery.h"

#include <QSqlQuery>
#include <QString>

namespace ct {
class SqliteStatement;
}

namespace ct::historyrow {

// "INSERT OR IGNORE INTO messages (...) VALUES (?, ...)"
QString insertSql();
// "SELECT <what recordAt() reads> FROM messages m JOIN accounts a ... JOIN sessions s ..."
QString selectFrom();

// The numbers of the message's account and session (tables accounts and sessions).
struct RowIds
{
    qint64 account = 0;
    qint64 session = 0;
};

// Texts are copied into the statement's row buffer: valid until the next row is bound.
void bind(SqliteStatement &insert, const InboundMessage &message, const RowIds &ids, qint64 storedAtMs,
          bool read);
HistoryRecord recordAt(const QSqlQuery &query);

} // namespace ct::historyrow
