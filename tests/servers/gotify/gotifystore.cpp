#include "gotifystore.h"

#include <QRandomGenerator>
#include <algorithm>

namespace ct::testserver {

namespace {
QString randomChars(int n)
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    QString s;
    s.reserve(n);
    for (int i = 0; i < n; ++i)
        s += QLatin1Char(kAlphabet[QRandomGenerator::global()->bounded(int(sizeof(kAlphabet) - 1))]);
    return s;
}
} // namespace

// v2: 15 chars starting with A / C. v3: "gtfya." / "gtfyc." + 43 chars.
QString GotifyStore::newAppToken() const
{
    return m_v3 ? QStringLiteral("gtfya.") + randomChars(43) : QStringLiteral("A") + randomChars(14);
}

QString GotifyStore::newClientToken() const
{
    return m_v3 ? QStringLiteral("gtfyc.") + randomChars(43) : QStringLiteral("C") + randomChars(14);
}

GotifyApp &GotifyStore::addApp(const QString &name, const QString &description, int defaultPriority)
{
    GotifyApp a;
    a.id = m_nextAppId++;
    a.token = newAppToken();
    a.name = name;
    a.description = description;
    a.defaultPriority = defaultPriority;
    m_apps.append(a);
    return m_apps.last();
}

GotifyClient &GotifyStore::addClient(const QString &name)
{
    GotifyClient c;
    c.id = m_nextClientId++;
    c.token = newClientToken();
    c.name = name;
    m_clients.append(c);
    return m_clients.last();
}

GotifyApp *GotifyStore::app(qint64 id)
{
    for (auto &a : m_apps)
        if (a.id == id)
            return &a;
    return nullptr;
}

GotifyApp *GotifyStore::appByToken(const QString &token)
{
    for (auto &a : m_apps)
        if (!token.isEmpty() && a.token == token)
            return &a;
    return nullptr;
}

GotifyClient *GotifyStore::client(qint64 id)
{
    for (auto &c : m_clients)
        if (c.id == id)
            return &c;
    return nullptr;
}

GotifyClient *GotifyStore::clientByToken(const QString &token)
{
    for (auto &c : m_clients)
        if (!token.isEmpty() && c.token == token)
            return &c;
    return nullptr;
}

bool GotifyStore::removeApp(qint64 id)
{
    const auto n = m_apps.removeIf([id](const GotifyApp &a) { return a.id == id; });
    if (n)
        removeMessagesOfApp(id);
    return n > 0;
}

bool GotifyStore::removeClient(qint64 id)
{
    return m_clients.removeIf([id](const GotifyClient &c) { return c.id == id; }) > 0;
}

const GotifyMessage &GotifyStore::addMessage(qint64 appid, const QString &message, const QString &title,
                                             int priority, const QJsonObject &extras)
{
    GotifyMessage m;
    m.id = m_nextMessageId++;
    m.appid = appid;
    m.message = message;
    m.title = title;
    m.priority = priority;
    m.extras = extras;
    m.date = QDateTime::currentDateTimeUtc();
    m_messages.push_back(std::move(m));
    return m_messages.back();
}

const GotifyMessage *GotifyStore::message(qint64 id) const
{
    auto it = std::lower_bound(m_messages.begin(), m_messages.end(), id,
                               [](const GotifyMessage &m, qint64 v) { return m.id < v; });
    return (it != m_messages.end() && it->id == id) ? &*it : nullptr;
}

bool GotifyStore::removeMessage(qint64 id)
{
    auto it = std::lower_bound(m_messages.begin(), m_messages.end(), id,
                               [](const GotifyMessage &m, qint64 v) { return m.id < v; });
    if (it == m_messages.end() || it->id != id)
        return false;
    m_messages.erase(it);
    return true;
}

void GotifyStore::removeMessagesOfApp(qint64 appid)
{
    m_messages.erase(std::remove_if(m_messages.begin(), m_messages.end(),
                                    [appid](const GotifyMessage &m) { return m.appid == appid; }),
                     m_messages.end());
}

QList<const GotifyMessage *> GotifyStore::page(qint64 appid, int limit, qint64 since) const
{
    QList<const GotifyMessage *> out;
    auto end = m_messages.end();
    if (since > 0)
        end = std::lower_bound(m_messages.begin(), m_messages.end(), since,
                               [](const GotifyMessage &m, qint64 v) { return m.id < v; });
    for (auto it = end; it != m_messages.begin() && out.size() < limit + 1;) {
        --it;
        if (appid == 0 || it->appid == appid)
            out.append(&*it);
    }
    return out;
}

QJsonObject GotifyStore::appJson(const GotifyApp &a, bool showToken) const
{
    QJsonObject o{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("token"), (showToken || !m_v3) ? a.token : QString()},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("description"), a.description},
        {QStringLiteral("internal"), false},
        {QStringLiteral("image"), a.image},
        {QStringLiteral("defaultPriority"), a.defaultPriority},
        {QStringLiteral("lastUsed"), a.lastUsed.isValid() ? QJsonValue(rfc3339(a.lastUsed)) : QJsonValue()}};
    if (m_v3)
        o.insert(QStringLiteral("sortKey"), a.sortKey);
    return o;
}

QJsonObject GotifyStore::clientJson(const GotifyClient &c, bool showToken) const
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("token"), (showToken || !m_v3) ? c.token : QString()},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("lastUsed"), c.lastUsed.isValid() ? QJsonValue(rfc3339(c.lastUsed)) : QJsonValue()}};
}

QJsonObject GotifyStore::messageJson(const GotifyMessage &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("appid"), m.appid},
                  {QStringLiteral("message"), m.message},
                  {QStringLiteral("title"), m.title},
                  {QStringLiteral("priority"), m.priority},
                  {QStringLiteral("date"), rfc3339(m.date)}};
    if (!m.extras.isEmpty())
        o.insert(QStringLiteral("extras"), m.extras);
    return o;
}

QString GotifyStore::rfc3339(const QDateTime &utc)
{
    // The real server prints Go's RFC 3339 with nanoseconds; keep 9 digits so clients must cope.
    const QDateTime t = utc.toUTC();
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000000Z");
}

} // namespace ct::testserver
