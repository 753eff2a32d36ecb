#include "messagejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace ct {

namespace {

class Line
{
public:
    void add(const char *key, const QJsonValue &value)
    {
        m_out += m_out.isEmpty() ? '{' : ',';
        m_out += '"';
        m_out += key;
        m_out += "\":";
        // QJsonDocument escapes the value; strip the enclosing [ ].
        const QByteArray one = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        m_out += one.mid(1, one.size() - 2);
    }
    QByteArray finish() { return m_out + '}'; }

private:
    QByteArray m_out;
};

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QByteArray messageJsonLine(const InboundMessage &m, bool withDirection)
{
    Line line;
    line.add("type", QStringLiteral("message"));
    line.add("account", m.account.toString());
    line.add("id", m.id);
    const bool openim = m.account.channel == kOpenImChannel;
    if (openim) {
        line.add("seq", m.seq);
        line.add("conversation", m.conversationId);
    }
    line.add("session", m.sessionKey);
    line.add("peer", m.peer);
    if (openim) {
        if (!m.groupId.isEmpty())
            line.add("group", m.groupId);
        bool numeric = false;
        const int type = m.contentType.toInt(&numeric);
        line.add("contentType", numeric ? QJsonValue(type) : QJsonValue(m.contentType));
    } else {
        line.add("title", m.title);
    }
    line.add("text", m.text);
    if (!openim)
        line.add("priority", m.priority);
    line.add("time", isoUtc(m.serverTime));
    line.add("via", viaName(m.via));
    if (withDirection)
        line.add("direction",
                 m.direction == InboundMessage::Direction::Out ? QStringLiteral("out") : QStringLiteral("in"));
    if (m.filtered)
        line.add("filtered", true);
    return line.finish();
}

QString messageTextLine(const InboundMessage &m)
{
    const QString time = m.serverTime.isValid()
                             ? m.serverTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                             : QStringLiteral("-");
    QString line = QStringLiteral("%1  %2  %3  %4%5: ")
                       .arg(time, m.account.toString(), m.sessionKey,
                            m.direction == InboundMessage::Direction::Out ? QStringLiteral("→ ") : QString(),
                            m.peer.isEmpty() ? m.sender : m.peer);
    if (!m.title.isEmpty())
        line += m.title + QStringLiteral(" — ");
    line += QString(m.text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (m.filtered)
        line += QStringLiteral("  [filtered]");
    return line;
}

} // namespace ct
