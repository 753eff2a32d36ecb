#include "historyinserter.h"

#include <QSet>

namespace ct {

bool HistoryInserter::prepare(sqlite3 *db, qint64 writerId, qint64 rowIdAtOpen, QString *error)
{
    m_writerId = writerId;
    m_rowIdAtOpen = rowIdAtOpen;
    return m_single.prepare(db, historyrow::insertSql(1), error)
           && m_chunk.prepare(db, historyrow::insertSql(kRowsPerStatement), error)
           && m_maxRowId.prepare(db, QStringLiteral("SELECT MAX(row_id) FROM messages"), error)
           && m_rowIdOf.prepare(db,
                                // A row deleted locally is never news again (historystore.h).
                                QStringLiteral("SELECT row_id, stored_by FROM messages"
                                               " WHERE account_id = ? AND msg_id = ? AND deleted = 0"),
                                error)
           && m_claim.prepare(
               db, QStringLiteral("INSERT OR IGNORE INTO claims (writer, row_id, at) VALUES (?, ?, ?)"), error);
}

bool HistoryInserter::largestRowId(qint64 *rowId, QString *error)
{
    *rowId = 0;
    return m_maxRowId.queryInt64(rowId, error) >= 0;
}

bool HistoryInserter::insert(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                             qint64 storedAtMs, QList<bool> &fresh, QString *error)
{
    const auto isRead = [](const InboundMessage &m) { return m.direction == InboundMessage::Direction::Out; };
    m_nowMs = storedAtMs;
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
            historyrow::bind(m_chunk, m, ids.at(first + r), storedAtMs, isRead(m), m_writerId,
                             1 + r * historyrow::kParamsPerRow);
        }
        const int changed = m_chunk.exec(error);
        if (changed < 0)
            return false;
        if (changed == kRowsPerStatement) {
            for (qsizetype i = first; i < first + kRowsPerStatement; ++i)
                fresh[i] = true;
        } else if (!resolveChunk(batch, ids, first, rowIdBefore, fresh, error)) {
            return false;
        }
        if (changed > 0 && !largestRowId(&rowIdBefore, error))
            return false;
    }
    for (qsizetype i = chunked; i < batch.size(); ++i) {
        const InboundMessage &m = batch.at(i);
        m_single.reserveRow(historyrow::textUnits(m));
        historyrow::bind(m_single, m, ids.at(i), storedAtMs, isRead(m), m_writerId);
        const int changed = m_single.exec(error);
        if (changed < 0)
            return false;
        if (changed > 0) {
            fresh[i] = true;
            continue;
        }
        const int foreign = lookUpAndClaim(m, ids.at(i), error);
        if (foreign < 0)
            return false;
        fresh[i] = foreign > 0;
    }
    return true;
}

int HistoryInserter::lookUpAndClaim(const InboundMessage &m, const historyrow::RowIds &ids, QString *error)
{
    m_rowIdOf.reserveRow(m.id.size());
    m_rowIdOf.bind(1, ids.account);
    m_rowIdOf.bindUtf8(2, m.id);
    qint64 row[2] = {0, 0}; // row_id, stored_by
    const int found = m_rowIdOf.queryInt64s(row, 2, error);
    if (found <= 0)
        return found;
    return claimForeign(row[0], row[1], error);
}

int HistoryInserter::claimForeign(qint64 rowId, qint64 storedBy, QString *error)
{
    if (storedBy == m_writerId || rowId <= m_rowIdAtOpen)
        return 0;
    m_claim.bind(1, m_writerId);
    m_claim.bind(2, rowId);
    m_claim.bind(3, m_nowMs);
    const int changed = m_claim.exec(error);
    return changed < 0 ? -1 : (changed > 0 ? 1 : 0);
}

bool HistoryInserter::resolveChunk(const QList<InboundMessage> &batch, const QList<historyrow::RowIds> &ids,
                                   qsizetype first, qint64 rowIdBefore, QList<bool> &fresh, QString *error)
{
    QSet<qint64> claimed; // a row_id belongs to the first row of the chunk with its key
    for (qsizetype i = first; i < first + kRowsPerStatement; ++i) {
        m_rowIdOf.reserveRow(batch.at(i).id.size());
        m_rowIdOf.bind(1, ids.at(i).account);
        m_rowIdOf.bindUtf8(2, batch.at(i).id);
        qint64 row[2] = {0, 0}; // row_id, stored_by
        const int found = m_rowIdOf.queryInt64s(row, 2, error);
        if (found < 0)
            return false;
        const bool inserted = found > 0 && row[0] > rowIdBefore && !claimed.contains(row[0]);
        if (inserted)
            claimed.insert(row[0]);
        int foreign = 0;
        if (found > 0 && !inserted && (foreign = claimForeign(row[0], row[1], error)) < 0)
            return false;
        fresh[i] = inserted || foreign > 0;
    }
    return true;
}

} // namespace ct
