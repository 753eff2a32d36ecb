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
};

} // namespace ct
