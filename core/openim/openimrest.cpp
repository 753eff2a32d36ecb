#include "openimrest.h"

#include "logging/logging.h"
#include "net/redact.h"
#include "net/replylimit.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

namespace ct {

OpenImRest::OpenImRest(const OpenImAccountConfig &config, const QString &token, QNetworkAccessManager *network,
                       QObject *parent)
    : QObject(parent), m_config(config), m_token(token), m_network(network)
{
}

void OpenImRest::post(const QString &path, const QJsonObject &body, Callback callback)
{
    if (path.startsWith(QStringLiteral("/friend/")) && m_config.disableFriendSdk) {
        OpenImRestResult r;
        r.code = kFriendApiDisabled;
        r.error = tr("friend API calls are disabled for account %1 (disableFriendSdk is true)")
                      .arg(m_config.address().toString());
        QTimer::singleShot(0, this, [callback, r] { callback(r); });
        return;
    }
    QUrl url(m_config.apiAddr);
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("operationID", QUuid::createUuid().toString(QUuid::Id128).toLatin1());
    if (!m_token.isEmpty())
        request.setRawHeader("token", m_token.toUtf8());
    qCDebug(lcOpenIm) << "POST" << redactUrl(url) << redactHeaders(request);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    reply->setParent(this);
    limitReplySize(reply);
    connect(reply, &QNetworkReply::finished, this, [reply, callback, timer] {
        reply->deleteLater();
        OpenImRestResult r;
        r.latencyMs = int(timer->elapsed());
        if (reply->error() != QNetworkReply::NoError) {
            r.errCode = -1;
            r.error = replyTooLarge(*reply) ? replyTooLargeText(*reply) : replyErrorString(*reply);
            return callback(r);
        }
        const QJsonObject o = QJsonDocument::fromJson(replyBody(*reply)).object();
        r.errCode = o.value(QStringLiteral("errCode")).toInt(-1);
        r.error = o.value(QStringLiteral("errMsg")).toString();
        r.data = o.value(QStringLiteral("data"));
        r.ok = r.errCode == 0;
        callback(r);
    });
}

void OpenImRest::parseToken(Callback callback)
{
    post(QStringLiteral("/auth/parse_token"), {{QStringLiteral("token"), m_token}}, std::move(callback));
}

void OpenImRest::getUsersInfo(const QStringList &userIDs, Callback callback)
{
    post(QStringLiteral("/user/get_users_info"),
         {{QStringLiteral("userIDs"), QJsonArray::fromStringList(userIDs)}}, std::move(callback));
}

void OpenImRest::newestSeq(const QString &userID, Callback callback)
{
    post(QStringLiteral("/msg/newest_seq"), {{QStringLiteral("userID"), userID}}, std::move(callback));
}

void OpenImRest::friendList(const QString &userID, Callback callback)
{
    post(QStringLiteral("/friend/get_friend_list"),
         {{QStringLiteral("userID"), userID},
          {QStringLiteral("pagination"),
           QJsonObject{{QStringLiteral("pageNumber"), 1}, {QStringLiteral("showNumber"), 100}}}},
         std::move(callback));
}

void OpenImRest::friendApplications(const QString &userID, Callback callback)
{
    post(QStringLiteral("/friend/get_friend_apply_list"),
         {{QStringLiteral("userID"), userID},
          {QStringLiteral("pagination"),
           QJsonObject{{QStringLiteral("pageNumber"), 1}, {QStringLiteral("showNumber"), 100}}}},
         std::move(callback));
}

} // namespace ct
