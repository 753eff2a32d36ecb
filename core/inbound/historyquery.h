#pragma once
// What the history views and the `history` command ask the HistoryStore for, and what they get.
#include "inboundmessage.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ct {

struct HistoryQuery
{
    AccountAddress account; // invalid → every account
    QString sessionKey;     // empty → every session
    QString search;         // empty → no text filter; else substring of title or text
    int limit = 100;        // newest first, at most this many
    int offset = 0;
    qint64 beforeRowId = 0; // > 0 → only rows older than this one (keyset paging)
    bool includeFiltered = true;
    bool includeOutgoing = true;
};

// One stored message with what the store adds to it.
struct HistoryRecord
{
    qint64 rowId = 0;
    bool read = false;
    QDateTime storedAt; // UTC
    InboundMessage message;
};

// One conversation of an account, for a session list.
struct SessionSummary
{
    QString sessionKey;
    QString lastPeer;
    QDateTime lastTime;
    int messages = 0;
    int unread = 0;
};

} // namespace ct
