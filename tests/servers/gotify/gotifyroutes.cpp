// The REST routes of the loopback Gotify server (facts: docs/protocols.md "Gotify").
#include "gotifyserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace ct::testserver {

namespace {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}
GotifyReply ok(const QByteArray &body = {})
{
    return {200, body};
}
GotifyReply error(int status, const QString &description)
{
    return {status, GotifyServer::errorBody(status, description)};
}
GotifyReply unauthorized()
{
    return error(
        401, QStringLiteral("you need to provide a valid access token or user credentials to access this api"));
}
GotifyReply notElevated()
{
    return error(403, QStringLiteral("session not elevated, use basic auth or call /client:elevate"));
}
GotifyReply required(const char *type, const char *field)
{
    return error(400, QStringLiteral("Key: '%1.%2' Error:Field validation for '%2' failed on the 'required' tag")
                          .arg(QLatin1String(type), QLatin1String(field)));
}
bool parseId(const QString &s, qint64 *id)
{
    bool okay = false;
    *id = s.toLongLong(&okay);
    return okay && *id >= 0;
}
QJsonObject parseObject(const QByteArray &body, bool *valid)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    *valid = err.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}
} // namespace

GotifyReply GotifyServer::handle(const QByteArray &method, const QUrl &url,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString top = parts.value(0);
    if (top == QLatin1String("health") && parts.size() == 1 && method == "GET") {
        if (m_healthy)
            return ok(json(QJsonObject{{QStringLiteral("health"), QStringLiteral("green")},
                                       {QStringLiteral("database"), QStringLiteral("green")}}));
        return {500, json(QJsonObject{{QStringLiteral("health"), QStringLiteral("orange")},
                                      {QStringLiteral("database"), QStringLiteral("red")}})};
    }
    if (top == QLatin1String("version") && parts.size() == 1 && method == "GET")
        return ok(json(QJsonObject{{QStringLiteral("version"), version()},
                                   {QStringLiteral("commit"), QStringLiteral("loopback")},
                                   {QStringLiteral("buildDate"), QStringLiteral("2025-01-01T00:00:00Z")}}));

    // Application images are static files, served without a token (router.go:
    // g.Static("/image", …)); the default one comes with the web UI (ui.Register).
    if (top == QLatin1String("image") && parts.size() == 2 && method == "GET") {
        for (const GotifyApp &app : m_store.apps())
            if (app.image == url.path().mid(1) && !app.imageData.isEmpty())
                return {200, app.imageData, QByteArrayLiteral("image/png")};
        return error(404, QStringLiteral("page not found"));
    }
    if (top == QLatin1String("static") && parts.value(1) == QLatin1String("defaultapp.png") && method == "GET")
        return {200,
                QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAADklEQVR4nGPoQgIMxHEAo"
                                       "RIZ4aexlb4AAAAASUVORK5CYII="),
                QByteArrayLiteral("image/png")}; // a grey 4×4 PNG stands in for the web UI's

    const Auth auth = authenticate(url, headers);
    if (top == QLatin1String("message"))
        return routeMessages(method, parts, url, auth, body);
    if (top == QLatin1String("application"))
        return routeApplications(method, parts, url, auth, body, headers);
    if (top == QLatin1String("client"))
        return routeClients(method, parts, auth, body);
    if (top == QLatin1String("current") && parts.value(1) == QLatin1String("user") && method == "GET") {
        if (!auth.client)
            return unauthorized();
        return ok(json(QJsonObject{{QStringLiteral("id"), 1},
                                   {QStringLiteral("name"), QStringLiteral("admin")},
                                   {QStringLiteral("admin"), true}}));
    }
    if (top == QLatin1String("stream") && method == "GET") // without an upgrade header
        return auth.client
                   ? error(400, QStringLiteral("websocket: the client is not using the websocket protocol"))
                   : unauthorized();
    return error(404, QStringLiteral("page not found"));
}

GotifyReply GotifyServer::routeMessages(const QByteArray &method, const QStringList &parts, const QUrl &url,
                                        const Auth &auth, const QByteArray &body)
{
    if (parts.size() == 1 && method == "POST") {
        bool valid = false;
        const QJsonObject in = parseObject(body, &valid);
        GotifyApp *app = auth.app;
        if (!app && auth.client && m_store.isV3()) {
            // v3: a client token may post when the body names the application.
            if (!in.contains(QStringLiteral("appid")))
                return required("MessageExternal", "ApplicationID");
            app = m_store.app(in.value(QStringLiteral("appid")).toInteger());
            if (!app)
                return error(404, QStringLiteral("application does not exist"));
        }
        if (!app)
            return unauthorized(); // the real server takes only app tokens here (v2)
        if (!valid)
            return error(400, QStringLiteral("invalid JSON body"));
        const QString message = in.value(QStringLiteral("message")).toString();
        if (message.isEmpty())
            return required("MessageExternal", "Message");
        const int priority = in.value(QStringLiteral("priority")).isDouble()
                                 ? in.value(QStringLiteral("priority")).toInt()
                                 : app->defaultPriority;
        QString title = in.value(QStringLiteral("title")).toString();
        if (title.trimmed().isEmpty())
            title = app->name;
        const GotifyMessage &m = m_store.addMessage(app->id, message, title, priority,
                                                    in.value(QStringLiteral("extras")).toObject());
        const QByteArray answer = json(GotifyStore::messageJson(m));
        broadcast(m);
        return ok(answer);
    }
    if (!auth.client)
        return unauthorized();
    if (parts.size() == 1 && method == "GET")
        return pagedMessages(0, url);
    if (parts.size() == 1 && method == "DELETE") {
        m_store.removeAllMessages();
        return ok();
    }
    qint64 id = 0;
    if (parts.size() == 2 && method == "DELETE") {
        if (!parseId(parts.at(1), &id))
            return error(400, QStringLiteral("invalid id"));
        return m_store.removeMessage(id) ? ok() : error(404, QStringLiteral("message does not exist"));
    }
    return error(404, QStringLiteral("page not found"));
}

GotifyReply GotifyServer::pagedMessages(qint64 appid, const QUrl &url)
{
    const QUrlQuery q(url);
    int limit = 100;
    qint64 since = 0;
    bool okay = true;
    if (q.hasQueryItem(QStringLiteral("limit")))
        limit = q.queryItemValue(QStringLiteral("limit")).toInt(&okay);
    if (!okay || limit < 1 || limit > 200)
        return error(
            400,
            QStringLiteral("Key: 'pagingParams.Limit' Error:Field validation for 'Limit' failed on the '%1' tag")
                .arg(limit > 200 ? QStringLiteral("max") : QStringLiteral("min")));
    if (q.hasQueryItem(QStringLiteral("since")))
        since = q.queryItemValue(QStringLiteral("since")).toLongLong(&okay);
    if (!okay || since < 0)
        return error(400,
                     QStringLiteral(
                         "Key: 'pagingParams.Since' Error:Field validation for 'Since' failed on the 'min' tag"));

    QList<const GotifyMessage *> page = m_store.page(appid, limit, since);
    const bool more = page.size() > limit;
    if (more)
        page.removeLast();
    QJsonArray messages;
    for (const GotifyMessage *m : std::as_const(page))
        messages.append(GotifyStore::messageJson(*m));
    QJsonObject paging{{QStringLiteral("size"), int(page.size())},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("since"), more ? page.last()->id : 0}};
    if (more) {
        const QString rel = QStringLiteral("%1?limit=%2&since=%3").arg(url.path()).arg(limit).arg(page.last()->id);
        // v2 answers an absolute URL (scheme and host of the request); v3 a relative one.
        paging.insert(QStringLiteral("next"), m_store.isV3() ? rel : this->url().toString() + rel);
    }
    return ok(json(QJsonObject{{QStringLiteral("messages"), messages}, {QStringLiteral("paging"), paging}}));
}

GotifyReply GotifyServer::routeApplications(const QByteArray &method, const QStringList &parts, const QUrl &url,
                                            const Auth &auth, const QByteArray &body,
                                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!auth.client)
        return unauthorized();
    bool valid = false;
    if (parts.size() == 1 && method == "GET") {
        QJsonArray out;
        for (const GotifyApp &a : m_store.apps())
            out.append(m_store.appJson(a, false));
        return ok(json(out));
    }
    if (parts.size() == 1 && method == "POST") {
        const QJsonObject in = parseObject(body, &valid);
        if (!valid || in.value(QStringLiteral("name")).toString().isEmpty())
            return required("ApplicationParams", "Name");
        GotifyApp &a = m_store.addApp(in.value(QStringLiteral("name")).toString(),
                                      in.value(QStringLiteral("description")).toString(),
                                      in.value(QStringLiteral("defaultPriority")).toInt());
        a.sortKey = in.value(QStringLiteral("sortKey")).toInteger();
        return ok(json(m_store.appJson(a, true)));
    }
    qint64 id = 0;
    if (!parseId(parts.value(1), &id))
        return error(400, QStringLiteral("invalid id"));
    GotifyApp *app = m_store.app(id);
    if (!app)
        return error(404, QStringLiteral("app with id %1 doesn't exists").arg(id));
    const QString sub = parts.value(2);
    if (parts.size() == 2 && method == "PUT") {
        const QJsonObject in = parseObject(body, &valid);
        if (!valid || in.value(QStringLiteral("name")).toString().isEmpty())
            return required("ApplicationParams", "Name");
        app->name = in.value(QStringLiteral("name")).toString();
        app->description = in.value(QStringLiteral("description")).toString();
        app->defaultPriority = in.value(QStringLiteral("defaultPriority")).toInt();
        app->sortKey = in.value(QStringLiteral("sortKey")).toInteger();
        return ok(json(m_store.appJson(*app, false)));
    }
    if (parts.size() == 2 && method == "DELETE") {
        if (m_store.isV3() && !m_elevated)
            return notElevated();
        m_store.removeApp(id);
        return ok();
    }
    if (sub == QLatin1String("image") && method == "POST")
        return uploadImage(*app, headers, body);
    if (sub == QLatin1String("image") && method == "DELETE") {
        if (app->image == QLatin1String("static/defaultapp.png"))
            return error(400, QStringLiteral("app does not have a custom image"));
        app->image = QStringLiteral("static/defaultapp.png");
        return ok();
    }
    if (sub == QLatin1String("message") && method == "GET")
        return pagedMessages(id, url);
    if (sub == QLatin1String("message") && method == "DELETE") {
        m_store.removeMessagesOfApp(id);
        return ok();
    }
    if (sub == QLatin1String("security") && method == "PUT" && m_store.isV3()) {
        const QJsonObject in = parseObject(body, &valid);
        if (in.value(QStringLiteral("regenerateToken")).toBool())
            app->token = m_store.newAppToken();
        return ok(json(m_store.appJson(*app, true)));
    }
    return error(404, QStringLiteral("page not found"));
}

GotifyReply GotifyServer::uploadImage(GotifyApp &app, const QList<QPair<QByteArray, QByteArray>> &headers,
                                      const QByteArray &body)
{
    QByteArray contentType;
    for (const auto &h : headers)
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = h.second;
    const qsizetype b = contentType.indexOf("boundary=");
    if (!contentType.startsWith("multipart/form-data") || b < 0)
        return error(400, QStringLiteral("request Content-Type isn't multipart/form-data"));
    QByteArray boundary = contentType.mid(b + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = 0;
    while ((pos = body.indexOf(delimiter, pos)) >= 0) {
        pos += delimiter.size();
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            break;
        const QByteArray partHead = body.mid(pos, headEnd - pos);
        static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""));
        static const QRegularExpression fileRe(QStringLiteral("filename=\"([^\"]*)\""));
        const QString head = QString::fromUtf8(partHead);
        if (nameRe.match(head).captured(1) != QLatin1String("file"))
            continue;
        const QString filename = fileRe.match(head).captured(1).toLower();
        static const QRegularExpression extRe(QStringLiteral("\\.(png|jpe?g|gif)$"));
        if (!extRe.match(filename).hasMatch())
            return error(400, QStringLiteral("file must be an image"));
        const QString ext = filename.mid(filename.lastIndexOf(QLatin1Char('.')));
        app.image = QStringLiteral("image/") + m_store.newAppToken().right(12) + ext;
        const qsizetype dataStart = headEnd + 4;
        const qsizetype dataEnd = body.indexOf("\r\n" + delimiter, dataStart);
        app.imageData = body.mid(dataStart, dataEnd < 0 ? -1 : dataEnd - dataStart);
        return ok(json(m_store.appJson(app, false)));
    }
    return error(400, QStringLiteral("file with key 'file' must be present"));
}

GotifyReply GotifyServer::routeClients(const QByteArray &method, const QStringList &parts, const Auth &auth,
                                       const QByteArray &body)
{
    if (!auth.client)
        return unauthorized();
    bool valid = false;
    if (parts.size() == 1 && method == "GET") {
        QJsonArray out;
        for (const GotifyClient &c : m_store.clients())
            out.append(m_store.clientJson(c, false));
        return ok(json(out));
    }
    if (parts.size() == 1 && method == "POST") {
        const QJsonObject in = parseObject(body, &valid);
        if (!valid || in.value(QStringLiteral("name")).toString().isEmpty())
            return required("ClientParams", "Name");
        return ok(json(m_store.clientJson(m_store.addClient(in.value(QStringLiteral("name")).toString()), true)));
    }
    qint64 id = 0;
    if (parts.size() != 2 || !parseId(parts.at(1), &id))
        return error(400, QStringLiteral("invalid id"));
    GotifyClient *client = m_store.client(id);
    if (!client)
        return error(404, QStringLiteral("client with id %1 doesn't exists").arg(id));
    if (method == "PUT") {
        const QJsonObject in = parseObject(body, &valid);
        if (!valid || in.value(QStringLiteral("name")).toString().isEmpty())
            return required("ClientParams", "Name");
        client->name = in.value(QStringLiteral("name")).toString();
        return ok(json(m_store.clientJson(*client, false)));
    }
    if (method == "DELETE") {
        if (m_store.isV3() && !m_elevated)
            return notElevated();
        m_store.removeClient(id);
        dropStreamsOf(id);
        return ok();
    }
    return error(404, QStringLiteral("page not found"));
}

} // namespace ct::testserver
