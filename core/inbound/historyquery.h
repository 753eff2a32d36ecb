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
    // Newest first (by row id), or by Gotify priority (ties: newest first).
    enum class Order { Newest, HighestPriority, LowestPriority };
    Order order = Order::Newest;
    int limit = 100; // in that order, at most this many
    int offset = 0;
    // Keyset paging: > 0 → only rows after this one in the order (for the priority orders,
    // beforePriority is that row's priority).
    qint64 beforeRowId = 0;
    int beforePriority = 0;
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
