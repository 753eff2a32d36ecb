#pragma once
// Where the inbound pipeline commits a batch before delivering it. The product's one
// implementation is HistoryStore (SQLite); the interface exists so the pipeline depends on
// "commit a batch, tell me which rows were new" and nothing else of the history.
#include "inboundmessage.h"

#include <QList>
#include <QString>

namespace ct {

class MessageStore
{
public:
    virtual ~MessageStore() = default;
    // Commits every message of the batch at once. fresh[i] tells whether batch[i] is news to
    // this process: stored now, or stored by another process on the same history since this
    // one opened it (false: a repeat, or stored before). False on an error (why in *error:
    // disk full, read-only, locked, …), and then nothing of the batch is stored.
    virtual bool storeBatch(const QList<InboundMessage> &batch, QList<bool> *fresh, QString *error = nullptr) = 0;
    // Why the store falls behind although batches commit (HistoryStore: its checkpoints fail);
    // empty while nothing is wrong. Asked after each committed batch.
    virtual QString storageTrouble() const { return {}; }

    // The delivery record (HistoryStore::setDeliveryConsumer): the next `count` of the messages
    // this store reported fresh (and not filtered), in their order, have been delivered
    // (printed) now. No-op for a store that keeps none.
    virtual void markDelivered(int count = 1) { Q_UNUSED(count); }
    // What earlier runs of the same consumer stored but had not delivered when they ended (a
    // kill -9 between a commit and its print), of these accounts (empty: every account),
    // oldest first; the caller delivers them now (markDelivered() each). Empty without a record.
    virtual QList<InboundMessage> takeUndelivered(const QList<AccountAddress> &accounts)
    {
        Q_UNUSED(accounts);
        return {};
    }
};

} // namespace ct
