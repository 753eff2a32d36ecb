#include "imagefetcher.h"

#include "logging/logging.h"
#include "redact.h"
#include "replylimit.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace ct {

ImageFetcher::ImageFetcher(QObject *parent) : QObject(parent), m_cache(16 * 1024 * 1024) {}

ImageFetcher::~ImageFetcher()
{
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        reply->disconnect(this);
        reply->abort();
    }
}

void ImageFetcher::fetch(const QUrl &url, QObject *context, Callback done)
{
    const QString key = url.toString();
    QPointer<QObject> guard(context);
    const auto later = [this, guard, done](const QByteArray &bytes, const QString &error) {
        QTimer::singleShot(0, this, [guard, done, bytes, error] {
            if (guard)
                done(bytes, error);
        });
    };
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")
            && scheme != QLatin1String("file"))) {
        later({}, tr("only http, https and file URLs are fetched"));
        return;
    }
    if (const QByteArray *cached = m_cache.object(key)) { // moves it to the front
        later(*cached, {});
        return;
    }
    m_waiting[key].append({guard, std::move(done)});
    if (m_replies.contains(key))
        return; // one request per URL
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_network) // made on the first fetch: most sessions never show a remote image
        m_network = new QNetworkAccessManager(this);
    QNetworkReply *reply = m_network->get(request);
    ++m_requests;
    m_replies.insert(key, reply);
    qCDebug(lcNet).noquote() << "image fetch" << redactUrl(url);
    limitReplySize(reply, m_maxBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        m_replies.remove(key);
        const QByteArray bytes = replyTooLarge(*reply) ? QByteArray() : replyBody(*reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (replyTooLarge(*reply)) // limitReplySize cuts it at m_maxBytes + 1 (tst_imagefetcher)
            finish(key, {},
                   tr("the image is larger than %1 MB").arg(double(m_maxBytes) / (1024 * 1024), 0, 'g', 3));
        else if (reply->error() != QNetworkReply::NoError)
            finish(key, {},
                   status >= 400 ? tr("the server answered HTTP %1").arg(status) : replyErrorString(*reply));
        else
            finish(key, bytes, {});
    });
}

void ImageFetcher::finish(const QString &key, const QByteArray &bytes, const QString &error)
{
    if (error.isEmpty())
        m_cache.insert(key, new QByteArray(bytes), qMax<qsizetype>(1, bytes.size()));
    else
        qCInfo(lcNet).noquote() << "image fetch failed:" << redactUrl(QUrl(key)) << error;
    const QList<Waiter> waiters = m_waiting.take(key);
    for (const Waiter &w : waiters)
        if (w.context)
            w.done(bytes, error);
}

} // namespace ct
