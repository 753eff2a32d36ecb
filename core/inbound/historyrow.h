#pragma once
// How one message maps to one row of the messages table (internal to the history store).
#include "historyquery.h"

#include <QSqlQuery>
#include <QString>

namespace ct::historyrow {

// "INSERT OR IGNORE INTO messages (...) VALUES (?, ...)"
QString insertSql();
// The column list that recordAt() reads, in order.
QString selectColumns();

void bind(QSqlQuery &query, const InboundMessage &message, qint64 storedAtMs, bool read);
HistoryRecord recordAt(const QSqlQuery &query);

} // namespace ct::historyrow
