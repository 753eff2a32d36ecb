#include "httprefreshjob.h"

#include "config/jsonreader.h"
#include "config/userpath.h"
#include "jsonpath.h"
#include "logging/logging.h"
#include "net/redact.h"
#include "net/replylimit.h"
#include "placeholders.h"
#include "statefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace ct {

QStringList HttpRefreshJob::defaultTokenPaths()
{
    return {QStringLiteral("token"), QStringLiteral("data.token")};
}

HttpRefreshJob::HttpRefreshJob(QNetworkAccessManager *network, const HttpRefreshConfig &config,
                               const QString &accountId, const QString &reason, QObject *parent)
    : QObject(parent), m_network(network), m_config(config), m_accountId(accountId), m_reason(reason)
{
}

HttpRefreshJob::~HttpRefreshJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QStringList HttpRefreshJob::stateSecrets() const
{
    QStringList out;
    for (const QJsonValue &v : m_state)
        if (v.isString() && v.toString().size() >= 4)
            out << v.toString();
    return out;
}

void HttpRefreshJob::finish(const RefreshAttemptResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
}

void HttpRefreshJob::start()
{
    auto failLater = [this](const QString &error, bool retryable) {
        const auto result = RefreshAttemptResult::failure(error, retryable);
        QTimer::singleShot(0, this, [this, result] { finish(result); });
    };
    if (!m_config.stateFile.isEmpty()) {
        QString error;
        const auto root = StateFile::read(m_config.stateFile, &error);
        if (!root)
            return failLater(error, false);
        m_state = StateFile::accountState(*root, m_accountId);
    }
    const PlaceholderContext context{m_accountId, m_reason, m_state};
    QString error;
    const auto endpoint = expandPlaceholders(m_config.endpoint, context, &error);
    if (!endpoint)
        return failLater(QStringLiteral("endpoint: ") + error, false);
    const QUrl url(*endpoint);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return failLater(QStringLiteral("endpoint is not an http(s) URL once its placeholders are filled in: %1")
                             .arg(redactText(JsonReader::safeUrlForMessage(*endpoint), stateSecrets())),
                         false);
    QNetworkRequest request(url);
    for (auto it = m_config.headers.begin(); it != m_config.headers.end(); ++it) {
        const auto value = expandPlaceholders(it.value(), context, &error);
        if (!value)
            return failLater(QStringLiteral("header %1: %2").arg(it.key(), error), false);
        request.setRawHeader(it.key().toUtf8(), value->toUtf8());
    }
    QByteArray body;
    if (!m_config.body.isUndefined() && !m_config.body.isNull()) {
        const auto expanded = expandPlaceholdersInJson(m_config.body, context, &error);
        if (!expanded)
            return failLater(QStringLiteral("body: ") + error, false);
        if (expanded->isObject())
            body = QJsonDocument(expanded->toObject()).toJson(QJsonDocument::Compact);
        else if (expanded->isArray())
            body = QJsonDocument(expanded->toArray()).toJson(QJsonDocument::Compact);
        else if (expanded->isString())
            body = expanded->toString().toUtf8();
        else
            body = QJsonDocument(QJsonArray{*expanded}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        if (!request.hasRawHeader("Content-Type"))
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    }
    const int timeoutMs = m_config.timeoutMs > 0 ? m_config.timeoutMs : 15000;
    request.setTransferTimeout(timeoutMs);
    const QByteArray method =
        (m_config.method.isEmpty() ? QStringLiteral("POST") : m_config.method).toUpper().toUtf8();
    qCInfo(lcRefresh).noquote() << "refresh request for" << m_accountId << method << redactUrl(url)
                                << "headers:" << redactHeaders(request);
    m_reply = m_network->sendCustomRequest(request, method, body);
    limitReplySize(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &HttpRefreshJob::onReplyFinished);
}

void HttpRefreshJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (replyTooLarge(*reply))
        return finish(RefreshAttemptResult::failure(replyTooLargeText(*reply)));
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        return finish(RefreshAttemptResult::failure(
            QStringLiteral("no answer within %1 ms").arg(reply->request().transferTimeout())));
    }
    if (status == 0) {
        return finish(RefreshAttemptResult::failure(
            QStringLiteral("request failed: %1").arg(redactText(replyErrorString(*reply), stateSecrets()))));
    }
    if (status < 200 || status > 299) {
        const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return finish(
            RefreshAttemptResult::failure(QStringLiteral("HTTP %1 %2").arg(status).arg(phrase).trimmed()));
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(replyBody(*reply), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.isNull())
        return finish(RefreshAttemptResult::failure(QStringLiteral("HTTP %1 but the response is not JSON (%2)")
                                                        .arg(status)
                                                        .arg(parseError.errorString())));
    const QJsonValue response = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    const QStringList paths = m_config.responseTokenPaths.isEmpty() ? defaultTokenPaths()
                                                                    : m_config.responseTokenPaths;
    QString matched;
    const auto token = jsonPathFirstString(response, paths, &matched);
    if (!token)
        return finish(RefreshAttemptResult::failure(
            QStringLiteral("the response has no token at %1").arg(paths.join(QStringLiteral(", ")))));
    qCInfo(lcRefresh) << "refresh response for" << m_accountId << "has a token at" << matched;
    RefreshAttemptResult result;
    result.ok = true;
    result.token = *token;
    applySideEffects(response, result);
    finish(result);
}

void HttpRefreshJob::applySideEffects(const QJsonValue &response, RefreshAttemptResult &result)
{
    QJsonObject fields;
    for (auto it = m_config.stateWriteBack.begin(); it != m_config.stateWriteBack.end(); ++it) {
        if (const auto value = jsonPathFirst(response, it.value()))
            fields.insert(it.key(), *value);
        else
            result.warnings << QStringLiteral("stateWriteBack %1: nothing at %2")
                                   .arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    if (!fields.isEmpty()) {
        QString error;
        if (m_config.stateFile.isEmpty())
            result.warnings << QStringLiteral("stateWriteBack configured without a stateFile");
        else if (!StateFile::writeBack(m_config.stateFile, m_accountId, fields, &error))
            result.warnings << error;
    }
    const PlaceholderContext context{m_accountId, m_reason, m_state};
    for (const QString &pattern : m_config.clearOnSuccess) {
        QString error;
        const auto path = expandPlaceholders(pattern, context, &error);
        if (!path) {
            result.warnings << QStringLiteral("clearOnSuccess: ") + error;
            continue;
        }
        const QString file = expandUserPath(*path);
        if (QFile::exists(file) && !QFile::remove(file))
            result.warnings << QStringLiteral("clearOnSuccess: cannot delete %1").arg(file);
    }
    for (const QString &w : result.warnings)
        qCWarning(lcRefresh).noquote() << "refresh of" << m_accountId << "succeeded, but" << w;
}

} // namespace ct
