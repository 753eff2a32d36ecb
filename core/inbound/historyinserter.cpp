#include "historyinserter.h"

#include <QSet>

namespace ct {

bool HistoryInserter::prepare(const QSqlDatabase &db, QString *error)
{
    return m_single.prepare(db, historyrow::insertSql(1), error)
           && m_chunk.prepare(db, historyrow::insertSql(kRowsPerStatement), error)
           && m_maxRowId.prepare(db, QStringLiteral("SELECT MAX(row_id) FROM messages"), error)
           && m_rowIdOf.prepare(db, QStringLiteral("SELECT row_id FROM messages WHERE account_id = ?"
                                                   " AND msg_id = ?"),
                                error);
}

bool HistoryInserter::largestRowId(qint64 *rowId, QString *error)
{
    *rowId = 0;
    return m_maxRowId.queryInt64(rowId, error) >= 0;
}

bool HistoryInserter::insert(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                             qint64 storedAtMs, QList<bool> &inserted, QString *error)
{
    const auto isRead = [](const InboundMessage &m) { return m.direction == InboundMessage::Direction::Out; };
    const qsizetype chunked = batch.size() - batch.size() % kRowsPerStatement;
    qint64 rowIdBefore = 0;
    if (chunked > 0 && !largestRowId(&rowIdBefore, error))
        return false;
    for (qsizetype first = 0; first < chunked; first += kRowsPerStatement) {
        qsizetype units = 0;
        for (qsizetype i = first; i < first + kRowsPerStatement; ++i)
            units += historyrow::textUnits(batch.at(i));
        m_chunk.reserveRow(units);
        for (int r = 0; r < kRowsPerStatement; ++r) {
            const InboundMessage &m = batch.at(first + r);
            historyrow::bind(m_chunk, m, ids.at(first + r), storedAtMs, isRead(m), 1 + r * historyrow::kParamsPerRow);
        }
        const int changed = m_chunk.exec(error);
        if (changed < 0)
            return false;
        if (changed == kRowsPerStatement) {
            for (qsizetype i = first; i < first + kRowsPerStatement; ++i)
                inserted[i] = true;
        } else if (!resolveChunk(batch, ids, first, rowIdBefore, inserted, error)) {
            return false;
        }
        if (changed > 0 && !largestRowId(&rowIdBefore, error))
            return false;
    }
    for (qsizetype i = chunked; i < batch.size(); ++i) {
        const InboundMessage &m = batch.at(i);
        m_single.reserveRow(historyrow::textUnits(m));
        historyrow::bind(m_single, m, ids.at(i), storedAtMs, isRead(m));
        const int changed = m_single.exec(error);
        if (changed < 0)
            return false;
        inserted[i] = changed > 0;
    }
    return true;
}

bool HistoryInserter::resolveChunk(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                                   qsizetype first, qint64 rowIdBefore, QList<bool> &inserted, QString *error)
{
    QSet<qint64> claimed; // a row_id belongs to the first row of the chunk with its key
    for (qsizetype i = first; i < first + kRowsPerStatement; ++i) {
        m_rowIdOf.reserveRow(batch.at(i).id.size());
        m_rowIdOf.bind(1, ids.at(i).account);
        m_rowIdOf.bindUtf8(2, batch.at(i).id);
        qint64 rowId = 0;
        const int found = m_rowIdOf.queryInt64(&rowId, error);
        if (found < 0)
            return false;
        inserted[i] = found > 0 && rowId > rowIdBefore && !claimed.contains(rowId);
        if (inserted[i])
            claimed.insert(rowId);
    }
    return true;
}

} // namespace ct
