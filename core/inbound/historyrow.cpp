#include "historyrow.h"

#include <QDateTime>
#include <QVariant>

namespace ct::historyrow {

namespace {
// Insert order; recordAt() reads row_id, read, stored_at and then these.
const char *const kColumns[] = {
    "account", "msg_id", "seq", "conversation", "peer", "group_id", "sender", "sender_name",
    "title", "text", "content_type", "raw_content", "priority", "server_time", "time_ms",
    "stored_at", "via", "direction", "at_users", "mentions_me", "mentions_all",
    "is_notification", "from_self", "click_url", "image_url", "session_key", "filtered", "read",
};
constexpr int kColumnCount = int(sizeof(kColumns) / sizeof(kColumns[0]));
const QChar kListSeparator = QChar(0x1f); // unit separator; never in a user id

// Text columns are never NULL (a null QString would bind as NULL).
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString joined()
{
    QString s;
    for (int i = 0; i < kColumnCount; ++i) {
        if (i)
            s += QStringLiteral(", ");
        s += QLatin1String(kColumns[i]);
    }
    return s;
}
} // namespace

QString insertSql()
{
    QString marks;
    for (int i = 0; i < kColumnCount; ++i)
        marks += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return QStringLiteral("INSERT OR IGNORE INTO messages (%1) VALUES (%2)").arg(joined(), marks);
}

QString selectColumns()
{
    return QStringLiteral("row_id, ") + joined();
}

void bind(QSqlQuery &q, const InboundMessage &m, qint64 storedAtMs, bool read)
{
    const bool hasTime = m.serverTime.isValid();
    const qint64 serverMs = hasTime ? m.serverTime.toMSecsSinceEpoch() : 0;
    int i = 0;
    q.bindValue(i++, m.account.toString());
    q.bindValue(i++, text(m.id));
    q.bindValue(i++, m.seq);
    q.bindValue(i++, text(m.conversationId));
    q.bindValue(i++, text(m.peer));
    q.bindValue(i++, text(m.groupId));
    q.bindValue(i++, text(m.sender));
    q.bindValue(i++, text(m.senderName));
    q.bindValue(i++, text(m.title));
    q.bindValue(i++, text(m.text));
    q.bindValue(i++, text(m.contentType));
    q.bindValue(i++, text(m.rawContent));
    q.bindValue(i++, m.priority);
    q.bindValue(i++, hasTime ? QVariant(serverMs) : QVariant());
    q.bindValue(i++, hasTime ? serverMs : storedAtMs);
    q.bindValue(i++, storedAtMs);
    q.bindValue(i++, m.via == InboundMessage::Via::Catchup ? 1 : 0);
    q.bindValue(i++, m.direction == InboundMessage::Direction::Out ? 1 : 0);
    q.bindValue(i++, text(m.atUserIds.join(kListSeparator)));
    q.bindValue(i++, m.mentionsMe ? 1 : 0);
    q.bindValue(i++, m.mentionsAll ? 1 : 0);
    q.bindValue(i++, m.isNotification ? 1 : 0);
    q.bindValue(i++, m.fromSelf ? 1 : 0);
    q.bindValue(i++, text(m.clickUrl));
    q.bindValue(i++, text(m.imageUrl));
    q.bindValue(i++, text(m.sessionKey));
    q.bindValue(i++, m.filtered ? 1 : 0);
    q.bindValue(i++, read ? 1 : 0);
}

HistoryRecord recordAt(const QSqlQuery &q)
{
    HistoryRecord r;
    InboundMessage &m = r.message;
    int i = 0;
    r.rowId = q.value(i++).toLongLong();
    m.account = AccountAddress::parse(q.value(i++).toString());
    m.id = q.value(i++).toString();
    m.seq = q.value(i++).toLongLong();
    m.conversationId = q.value(i++).toString();
    m.peer = q.value(i++).toString();
    m.groupId = q.value(i++).toString();
    m.sender = q.value(i++).toString();
    m.senderName = q.value(i++).toString();
    m.title = q.value(i++).toString();
    m.text = q.value(i++).toString();
    m.contentType = q.value(i++).toString();
    m.rawContent = q.value(i++).toString();
    m.priority = q.value(i++).toInt();
    const QVariant serverTime = q.value(i++);
    if (!serverTime.isNull())
        m.serverTime = QDateTime::fromMSecsSinceEpoch(serverTime.toLongLong(), Qt::UTC);
    ++i; // time_ms
    r.storedAt = QDateTime::fromMSecsSinceEpoch(q.value(i++).toLongLong(), Qt::UTC);
    m.via = q.value(i++).toInt() == 1 ? InboundMessage::Via::Catchup : InboundMessage::Via::Stream;
    m.direction = q.value(i++).toInt() == 1 ? InboundMessage::Direction::Out : InboundMessage::Direction::In;
    const QString atUsers = q.value(i++).toString();
    if (!atUsers.isEmpty())
        m.atUserIds = atUsers.split(kListSeparator);
    m.mentionsMe = q.value(i++).toBool();
    m.mentionsAll = q.value(i++).toBool();
    m.isNotification = q.value(i++).toBool();
    m.fromSelf = q.value(i++).toBool();
    m.clickUrl = q.value(i++).toString();
    m.imageUrl = q.value(i++).toString();
    m.sessionKey = q.value(i++).toString();
    m.filtered = q.value(i++).toBool();
    r.read = q.value(i++).toBool();
    return r;
}

} // namespace ct::historyrow
