#include "readmarks.h"

#include "inbound/historystore.h"

namespace ct::ui {

QList<qint64> unreadRowsFor(const HistoryStore &store, const AccountAddress &account, const QString &messageId,
                            int lookBack)
{
    QList<qint64> rows;
    if (!store.isOpen())
        return rows;
    HistoryQuery q;
    q.account = account;
    q.limit = lookBack;
    q.includeOutgoing = false;
    for (const HistoryRecord &r : store.query(q))
        if (!r.read && !r.message.filtered && (messageId.isEmpty() || r.message.id == messageId))
            rows << r.rowId;
    return rows;
}

} // namespace ct::ui
