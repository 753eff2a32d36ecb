#pragma once
// In-memory state of the loopback Gotify server: one user, its applications, clients and
// messages. Plain data plus the JSON shapes of the real server (docs/protocols.md "Gotify").
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace ct::testserver {

struct GotifyApp
{
    qint64 id = 0;
    QString token;
    QString name;
    QString description;
    int defaultPriority = 0;
    qint64 sortKey = 0;
    QString image = QStringLiteral("static/defaultapp.png");
    QByteArray imageData; // the uploaded file, served at GET /<image>
    QDateTime lastUsed;
};

struct GotifyClient
{
    qint64 id = 0;
    QString token;
    QString name;
    QDateTime lastUsed;
};

struct GotifyMessage
{
    qint64 id = 0;
    qint64 appid = 0;
    QString message;
    QString title;
    int priority = 0;
    QJsonObject extras;
    QDateTime date;
};

class GotifyStore
{
public:
    explicit GotifyStore(bool v3) : m_v3(v3) {}

    bool isV3() const { return m_v3; }
    QString newAppToken() const;
    QString newClientToken() const;

    GotifyApp &addApp(const QString &name, const QString &description = {}, int defaultPriority = 0);
    GotifyClient &addClient(const QString &name);
    GotifyApp *app(qint64 id);
    GotifyApp *appByToken(const QString &token);
    GotifyClient *client(qint64 id);
    GotifyClient *clientByToken(const QString &token);
    bool removeApp(qint64 id); // and its messages
    bool removeClient(qint64 id);
    const QList<GotifyApp> &apps() const { return m_apps; }
    const QList<GotifyClient> &clients() const { return m_clients; }

    const GotifyMessage &addMessage(qint64 appid, const QString &message, const QString &title, int priority,
                                    const QJsonObject &extras);
    const GotifyMessage *message(qint64 id) const;
    bool removeMessage(qint64 id);
    void removeMessagesOfApp(qint64 appid);
    void removeAllMessages() { m_messages.clear(); }
    // New message ids continue from `id` (never lowered). channeltray-sandbox starts each run
    // above the ids a client stored in an earlier run, so its history does not swallow them.
    void raiseNextMessageId(qint64 id) { m_nextMessageId = qMax(m_nextMessageId, id); }
    qsizetype messageCount() const { return qsizetype(m_messages.size()); }

    // Newest first; ids < since when since > 0; appid 0 = every app. Returns up to limit + 1
    // so the caller knows whether there are more.
    QList<const GotifyMessage *> page(qint64 appid, int limit, qint64 since) const;

    QJsonObject appJson(const GotifyApp &a, bool showToken) const;
    QJsonObject clientJson(const GotifyClient &c, bool showToken) const;
    static QJsonObject messageJson(const GotifyMessage &m);
    static QString rfc3339(const QDateTime &utc); // 9 fractional digits, "Z"

private:
    bool m_v3;
    qint64 m_nextAppId = 1;
    qint64 m_nextClientId = 1;
    qint64 m_nextMessageId = 1;
    QList<GotifyApp> m_apps;
    QList<GotifyClient> m_clients;
    std::vector<GotifyMessage> m_messages; // ascending id
};

} // namespace ct::testserver
