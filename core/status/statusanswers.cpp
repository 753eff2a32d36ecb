#include "statusanswers.h"

#include <QJsonArray>

namespace ct {

namespace {
QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject statusAccountJson(const AccountStatus &s)
{
    return QJsonObject{{"account", s.address.toString()},
                       {"channel", s.address.channel},
                       {"accountId", s.address.accountId},
                       {"server", s.server},
                       {"enabled", s.enabled},
                       {"state", accountStateName(s.state)},
                       {"detail", s.detail},
                       {"lastError", s.lastError},
                       {"since", timeOrNull(s.since)},
                       {"nextRetryAt", timeOrNull(s.nextRetryAt)},
                       {"lastMessageAt", timeOrNull(s.lastMessageAt)},
                       {"unread", s.unread < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.unread)},
                       {"tokenExpiresAt", timeOrNull(s.tokenExpiresAt)},
                       {"latencyMs", s.latencyMs < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.latencyMs)}};
}

QJsonObject statusDocument(const QList<AccountStatus> &accounts, const HistoryHealth &history)
{
    QJsonArray list;
    for (const AccountStatus &s : accounts)
        list.append(statusAccountJson(s));
    QJsonObject historyJson{{"ok", history.error.isEmpty()}, {"heldMessages", history.heldMessages}};
    if (!history.error.isEmpty())
        historyJson.insert("error", history.error);
    return QJsonObject{{"ok", true}, {"data", QJsonObject{{"accounts", list}, {"history", historyJson}}}};
}

bool accountHealthy(const AccountStatus &s)
{
    return !s.enabled || s.state == AccountState::Connected;
}

QJsonObject healthAccountJson(const AccountStatus &s)
{
    QJsonObject o{{"accountId", s.address.accountId},   {"account", s.address.toString()},
                  {"channel", s.address.channel},       {"ok", accountHealthy(s)},
                  {"state", accountStateName(s.state)}, {"latencyMs", qMax(0, s.latencyMs)}};
    if (!accountHealthy(s)) {
        QString why = accountStateName(s.state);
        const QString more = !s.detail.isEmpty() ? s.detail : s.lastError;
        if (!more.isEmpty())
            why += QStringLiteral(": ") + more;
        o.insert("error", why);
    }
    return o;
}

QJsonObject healthDocument(const QList<AccountStatus> &accounts)
{
    QJsonArray list;
    bool ok = true;
    for (const AccountStatus &s : accounts) {
        list.append(healthAccountJson(s));
        ok = ok && accountHealthy(s);
    }
    return QJsonObject{{"ok", ok}, {"data", QJsonObject{{"accounts", list}}}};
}

} // namespace ct
