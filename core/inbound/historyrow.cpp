#include "historyrow.h"

#include "sqlitestatement.h"

#include <QDateTime>

namespace ct::historyrow {

namespace {
// Insert order. recordAt() reads the same columns, with the account address and session key
// joined in place of their numbers, after row_id.
const char *const kColumns[] = {
    "account_id",      "msg_id",    "seq",       "conversation", "peer",        "group_id",    "sender",
    "sender_name",     "title",     "text",      "content_type", "raw_content", "priority",    "server_time",
    "time_ms",         "stored_at", "via",       "direction",    "at_users",    "mentions_me", "mentions_all",
    "is_notification", "from_self", "click_url", "image_url",    "session_id",  "filtered",    "read",
    "stored_by", // not read back: recordAt() stops at read
};
constexpr int kColumnCount = int(sizeof(kColumns) / sizeof(kColumns[0]));
const QChar kListSeparator = QChar(0x1f); // unit separator; never in a user id
} // namespace

static_assert(kColumnCount == kParamsPerRow, "one parameter per column");

QString insertSql(int rows)
{
    QString columns;
    QString marks;
    for (int i = 0; i < kColumnCount; ++i) {
        columns += (i ? QStringLiteral(", ") : QString()) + QLatin1String(kColumns[i]);
        marks += i ? QStringLiteral(", ?") : QStringLiteral("?");
    }
    QString values;
    for (int r = 0; r < rows; ++r)
        values += (r ? QStringLiteral(", (") : QStringLiteral("(")) + marks + QLatin1Char(')');
    return QStringLiteral("INSERT OR IGNORE INTO messages (%1) VALUES %2").arg(columns, values);
}

qsizetype textUnits(const InboundMessage &m)
{
    qsizetype atUsers = 0;
    for (const QString &u : m.atUserIds)
        atUsers += u.size() + 1;
    return m.id.size() + m.conversationId.size() + m.peer.size() + m.groupId.size() + m.sender.size()
           + m.senderName.size() + m.title.size() + m.text.size() + m.contentType.size() + m.rawContent.size()
           + atUsers + m.clickUrl.size() + m.imageUrl.size();
}

QString selectFrom()
{
    QString columns = QStringLiteral("m.row_id");
    for (int i = 0; i < kColumnCount; ++i) {
        const QLatin1String name(kColumns[i]);
        if (name == QLatin1String("account_id"))
            columns += QStringLiteral(", a.address");
        else if (name == QLatin1String("session_id"))
            columns += QStringLiteral(", s.key");
        else
            columns += QStringLiteral(", m.") + name;
    }
    return QStringLiteral("SELECT %1 FROM messages m JOIN accounts a ON a.id = m.account_id"
                          " JOIN sessions s ON s.id = m.session_id")
        .arg(columns);
}

// Texts go through the statement's UTF-8 row buffer (no allocation, no UTF-16 translation).
void bind(SqliteStatement &q, const InboundMessage &m, const RowIds &ids, qint64 storedAtMs, bool read,
          qint64 storedBy, int firstParam)
{
    const bool hasTime = m.serverTime.isValid();
    const qint64 serverMs = hasTime ? m.serverTime.toMSecsSinceEpoch() : 0;
    const QString atUsers = m.atUserIds.join(kListSeparator);
    int i = firstParam;
    q.bind(i++, ids.account);
    q.bindUtf8(i++, m.id);
    q.bind(i++, m.seq);
    q.bindUtf8(i++, m.conversationId);
    q.bindUtf8(i++, m.peer);
    q.bindUtf8(i++, m.groupId);
    q.bindUtf8(i++, m.sender);
    q.bindUtf8(i++, m.senderName);
    q.bindUtf8(i++, m.title);
    q.bindUtf8(i++, m.text);
    q.bindUtf8(i++, m.contentType);
    q.bindUtf8(i++, m.rawContent);
    q.bind(i++, qint64(m.priority));
    if (hasTime)
        q.bind(i++, serverMs);
    else
        q.bindNull(i++);
    q.bind(i++, hasTime ? serverMs : storedAtMs);
    q.bind(i++, storedAtMs);
    q.bind(i++, qint64(m.via == InboundMessage::Via::Catchup ? 1 : 0));
    q.bind(i++, qint64(m.direction == InboundMessage::Direction::Out ? 1 : 0));
    q.bindUtf8(i++, atUsers);
    q.bind(i++, qint64(m.mentionsMe ? 1 : 0));
    q.bind(i++, qint64(m.mentionsAll ? 1 : 0));
    q.bind(i++, qint64(m.isNotification ? 1 : 0));
    q.bind(i++, qint64(m.fromSelf ? 1 : 0));
    q.bindUtf8(i++, m.clickUrl);
    q.bindUtf8(i++, m.imageUrl);
    q.bind(i++, ids.session);
    q.bind(i++, qint64(m.filtered ? 1 : 0));
    q.bind(i++, qint64(read ? 1 : 0));
    q.bind(i++, storedBy);
}

HistoryRecord recordAt(const SqliteStatement &q)
{
    HistoryRecord r;
    InboundMessage &m = r.message;
    int i = 0;
    r.rowId = q.int64(i++);
    m.account = AccountAddress::parse(q.text(i++));
    m.id = q.text(i++);
    m.seq = q.int64(i++);
    m.conversationId = q.text(i++);
    m.peer = q.text(i++);
    m.groupId = q.text(i++);
    m.sender = q.text(i++);
    m.senderName = q.text(i++);
    m.title = q.text(i++);
    m.text = q.text(i++);
    m.contentType = q.text(i++);
    m.rawContent = q.text(i++);
    m.priority = int(q.int64(i++));
    if (!q.isNull(i))
        m.serverTime = QDateTime::fromMSecsSinceEpoch(q.int64(i), Qt::UTC);
    i += 2; // server_time, time_ms
    r.storedAt = QDateTime::fromMSecsSinceEpoch(q.int64(i++), Qt::UTC);
    m.via = int(q.int64(i++)) == 1 ? InboundMessage::Via::Catchup : InboundMessage::Via::Stream;
    m.direction = int(q.int64(i++)) == 1 ? InboundMessage::Direction::Out : InboundMessage::Direction::In;
    const QString atUsers = q.text(i++);
    if (!atUsers.isEmpty())
        m.atUserIds = atUsers.split(kListSeparator);
    m.mentionsMe = q.int64(i++) != 0;
    m.mentionsAll = q.int64(i++) != 0;
    m.isNotification = q.int64(i++) != 0;
    m.fromSelf = q.int64(i++) != 0;
    m.clickUrl = q.text(i++);
    m.imageUrl = q.text(i++);
    m.sessionKey = q.text(i++);
    m.filtered = q.int64(i++) != 0;
    r.read = q.int64(i++) != 0;
    return r;
}

} // namespace ct::historyrow
