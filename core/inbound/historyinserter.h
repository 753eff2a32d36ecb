#pragma once
// The batch insert of the history store (internal): rows go in kRowsPerStatement at a time
// through one multi-row "INSERT OR IGNORE ... VALUES (...), (...)" statement, which opens the
// table's and the indexes' cursors once per chunk instead of once per row; the rest of a batch
// goes row by row.
//
// Which rows were new stays exact: a chunk that changed every row inserted every row (the
// usual case). Otherwise each row's row_id is looked up: new rows, and only those, got a row_id
// above the largest one before the chunk (INTEGER PRIMARY KEY without AUTOINCREMENT: max + 1),
// and of two rows of a chunk with the same (account, id) only the first one was inserted.
// Runs inside the caller's transaction.
#include "historyrow.h"
#include "sqlitestatement.h"

#include <QList>

namespace ct {

class HistoryInserter
{
public:
    static constexpr int kRowsPerStatement = 16;

    bool prepare(const QSqlDatabase &db, QString *error);

    // inserted[i] = whether batch[i] was new. ids[i] are batch[i]'s account and session numbers.
    bool insert(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                qint64 storedAtMs, QList<bool> &inserted, QString *error);

private:
    bool largestRowId(qint64 *rowId, QString *error);
    bool resolveChunk(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                      qsizetype first, qint64 rowIdBefore, QList<bool> &inserted, QString *error);

    SqliteStatement m_single;
    SqliteStatement m_chunk;
    SqliteStatement m_maxRowId;
    SqliteStatement m_rowIdOf;
};

} // namespace ct
