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
    // Commits every message of the batch at once. inserted[i] tells whether batch[i] was new
    // (false: already stored for its account). False on an error, and then nothing is stored.
    virtual bool storeBatch(const QList<InboundMessage> &batch, QList<bool> *inserted,
                            QString *error = nullptr) = 0;
};

} // namespace ct
