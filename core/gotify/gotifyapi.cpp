#include "gotifyapi.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace ct {

QJsonObject gotifyMessageBody(const SendRequest &request, int defaultPriority)
{
    QJsonObject body{{QStringLiteral("message"), request.text},
                     {QStringLiteral("priority"), request.priority.value_or(defaultPriority)}};
    if (!request.title.isEmpty())
        body.insert(QStringLiteral("title"), request.title);
    QJsonObject extras;
    if (request.markdown)
        extras.insert(QStringLiteral("client::display"),
                      QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/markdown")}});
    QJsonObject notification;
    if (!request.clickUrl.isEmpty())
        notification.insert(QStringLiteral("click"), QJsonObject{{QStringLiteral("url"), request.clickUrl}});
    if (!request.bigImageUrl.isEmpty())
        notification.insert(QStringLiteral("bigImageUrl"), request.bigImageUrl);
    if (!notification.isEmpty())
        extras.insert(QStringLiteral("client::notification"), notification);
    if (!extras.isEmpty())
        body.insert(QStringLiteral("extras"), extras);
    if (request.appId > 0)
        body.insert(QStringLiteral("appid"), request.appId);
    return body;
}

QJsonObject GotifyAppParams::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("defaultPriority"), defaultPriority},
            {QStringLiteral("sortKey"), sortKey}};
}

GotifyApi::GotifyApi(const GotifyEndpoint &endpoint, QObject *parent)
    : QObject(parent), m_rest(new GotifyRestClient(endpoint, this))
{
}

void GotifyApi::call(const QByteArray &method, const QString &path, const QJsonValue &body, Callback done,
                     GotifyRestClient::TokenKind token, const QUrlQuery &query)
{
    GotifyRestClient::Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.token = token;
    if (body.isObject())
        r.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    m_rest->send(std::move(r), std::move(done));
}

void GotifyApi::sendMessage(const SendRequest &request, Callback done)
{
    const int defaultPriority = endpoint().defaultPriority;
    if (!endpoint().appToken.isEmpty() || endpoint().clientToken.isEmpty()) {
        SendRequest withoutApp = request;
        withoutApp.appId = 0;
        call("POST", QStringLiteral("/message"), gotifyMessageBody(withoutApp, defaultPriority), std::move(done),
             GotifyRestClient::TokenKind::App);
        return;
    }
    // v3 with only a client token: the body names the application.
    auto post = [this, request, defaultPriority, done](qint64 appId) {
        SendRequest withApp = request;
        withApp.appId = appId;
        call("POST", QStringLiteral("/message"), gotifyMessageBody(withApp, defaultPriority), done);
    };
    if (request.appId > 0) {
        post(request.appId);
        return;
    }
    listApplications([post, done](const GotifyResult &apps) {
        if (!apps.ok())
            return done(apps);
        qint64 first = 0;
        for (const QJsonValue &a : apps.value.toArray()) {
            const qint64 id = a.toObject().value(QStringLiteral("id")).toInteger();
            if (id > 0 && (first == 0 || id < first))
                first = id;
        }
        if (first == 0) {
            GotifyResult r;
            r.error.kind = GotifyError::Kind::NotFound;
            r.error.description = QStringLiteral("no application to post as (no app token configured)");
            return done(r);
        }
        post(first);
    });
}

void GotifyApi::listApplications(Callback done)
{
    call("GET", QStringLiteral("/application"), {}, std::move(done));
}
void GotifyApi::createApplication(const GotifyAppParams &p, Callback done)
{
    call("POST", QStringLiteral("/application"), p.toJson(), std::move(done));
}
void GotifyApi::updateApplication(qint64 id, const GotifyAppParams &p, Callback done)
{
    call("PUT", QStringLiteral("/application/%1").arg(id), p.toJson(), std::move(done));
}
void GotifyApi::deleteApplication(qint64 id, Callback done)
{
    call("DELETE", QStringLiteral("/application/%1").arg(id), {}, std::move(done));
}
void GotifyApi::deleteApplicationImage(qint64 id, Callback done)
{
    call("DELETE", QStringLiteral("/application/%1/image").arg(id), {}, std::move(done));
}
void GotifyApi::applicationImage(const QString &image, Callback done)
{
    GotifyRestClient::Request request;
    request.path = image.startsWith(QLatin1Char('/')) ? image : QLatin1Char('/') + image;
    request.contentType.clear(); // an image, not JSON
    m_rest->send(request, std::move(done));
}
void GotifyApi::rotateApplicationToken(qint64 id, Callback done)
{
    call("PUT", QStringLiteral("/application/%1/security").arg(id),
         QJsonObject{{QStringLiteral("regenerateToken"), true}}, std::move(done));
}

void GotifyApi::uploadApplicationImage(qint64 id, const QString &fileName, const QByteArray &data, Callback done)
{
    const QByteArray boundary = "ct-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QByteArray body;
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName.toUtf8().replace('"', '_')
            + "\"\r\n";
    body += "Content-Type: application/octet-stream\r\n\r\n";
    body += data;
    body += "\r\n--" + boundary + "--\r\n";
    GotifyRestClient::Request r;
    r.method = "POST";
    r.path = QStringLiteral("/application/%1/image").arg(id);
    r.body = body;
    r.contentType = "multipart/form-data; boundary=" + boundary;
    m_rest->send(std::move(r), std::move(done));
}

bool GotifyApi::uploadApplicationImageFile(qint64 id, const QString &path, Callback done, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(path, file.errorString());
        return false;
    }
    uploadApplicationImage(id, QFileInfo(path).fileName(), file.readAll(), std::move(done));
    return true;
}

void GotifyApi::listClients(Callback done)
{
    call("GET", QStringLiteral("/client"), {}, std::move(done));
}
void GotifyApi::createClient(const QString &name, Callback done)
{
    call("POST", QStringLiteral("/client"), QJsonObject{{QStringLiteral("name"), name}}, std::move(done));
}
void GotifyApi::updateClient(qint64 id, const QString &name, Callback done)
{
    call("PUT", QStringLiteral("/client/%1").arg(id), QJsonObject{{QStringLiteral("name"), name}},
         std::move(done));
}
void GotifyApi::deleteClient(qint64 id, Callback done)
{
    call("DELETE", QStringLiteral("/client/%1").arg(id), {}, std::move(done));
}

void GotifyApi::listMessages(int limit, qint64 since, Callback done, qint64 appId)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 200)));
    if (since > 0)
        q.addQueryItem(QStringLiteral("since"), QString::number(since));
    const QString path = appId > 0 ? QStringLiteral("/application/%1/message").arg(appId)
                                   : QStringLiteral("/message");
    call("GET", path, {}, std::move(done), GotifyRestClient::TokenKind::Client, q);
}
void GotifyApi::deleteMessage(qint64 id, Callback done)
{
    call("DELETE", QStringLiteral("/message/%1").arg(id), {}, std::move(done));
}
void GotifyApi::deleteApplicationMessages(qint64 appId, Callback done)
{
    call("DELETE", QStringLiteral("/application/%1/message").arg(appId), {}, std::move(done));
}
void GotifyApi::deleteAllMessages(Callback done)
{
    call("DELETE", QStringLiteral("/message"), {}, std::move(done));
}

void GotifyApi::health(std::function<void(const GotifyHealth &)> done)
{
    call(
        "GET", QStringLiteral("/health"), {},
        [done](const GotifyResult &r) {
            GotifyHealth h;
            h.httpStatus = r.httpStatus;
            h.latencyMs = r.latencyMs;
            h.reachable = r.httpStatus != 0;
            const QJsonObject o = r.value.toObject();
            h.health = o.value(QStringLiteral("health")).toString();
            h.database = o.value(QStringLiteral("database")).toString();
            // 500, or any field that is not green, is unhealthy.
            h.healthy = r.httpStatus == 200 && h.health == QLatin1String("green")
                        && h.database == QLatin1String("green");
            if (!h.healthy)
                h.error = r.error.isError() ? r.error.message()
                                            : QStringLiteral("health %1, database %2").arg(h.health, h.database);
            done(h);
        },
        GotifyRestClient::TokenKind::None);
}

void GotifyApi::version(Callback done)
{
    call("GET", QStringLiteral("/version"), {}, std::move(done), GotifyRestClient::TokenKind::None);
}
void GotifyApi::currentUser(Callback done)
{
    call("GET", QStringLiteral("/current/user"), {}, std::move(done));
}

} // namespace ct
