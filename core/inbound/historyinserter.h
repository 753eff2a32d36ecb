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
// Runs inside the caller's transaction, which holds the write lock (BEGIN IMMEDIATE).
//
// Fresh, not only inserted: a row that was already there but that another writer (another
// process on the same file) stored after this one opened is fresh too — news to this process,
// whichever process happened to store it first, once: the writer claims it (table claims), so
// a repeat is not fresh again. Rows stored before this writer opened, or by this writer
// itself, are not.
#include "historyrow.h"
#include "sqlitestatement.h"

#include <QList>

namespace ct {

class HistoryInserter
{
public:
    static constexpr int kRowsPerStatement = 16;

    // writerId: this writer's stored_by; rowIdAtOpen: the largest row_id when it opened.
    bool prepare(sqlite3 *db, qint64 writerId, qint64 rowIdAtOpen, QString *error);

    // fresh[i] = whether batch[i] is news to this writer (see above). ids[i] are batch[i]'s
    // account and session numbers.
    bool insert(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids, qint64 storedAtMs,
                QList<bool> &fresh, QString *error);

private:
    bool largestRowId(qint64 *rowId, QString *error);
    bool resolveChunk(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids, qsizetype first,
                      qint64 rowIdBefore, QList<bool> &fresh, QString *error);
    // For a row that was already there: 1 when another writer stored it after this one opened
    // and this one had not claimed it yet (it is claimed now).
    int claimForeign(qint64 rowId, qint64 storedBy, QString *error);
    int lookUpAndClaim(const InboundMessage &message, const historyrow::RowIds &ids, QString *error);

    SqliteStatement m_single;
    SqliteStatement m_chunk;
    SqliteStatement m_maxRowId;
    SqliteStatement m_rowIdOf;
    SqliteStatement m_claim;
    qint64 m_writerId = 0;
    qint64 m_nowMs = 0;
    qint64 m_rowIdAtOpen = 0;
};

} // namespace ct
