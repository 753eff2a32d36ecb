#include "replylimit.h"

#include <QNetworkReply>

namespace ct {

namespace {
constexpr const char *kTooLarge = "ct_tooLarge";
constexpr const char *kLimit = "ct_sizeLimit";

void cut(QNetworkReply *reply)
{
    reply->setProperty(kTooLarge, true);
    reply->abort();
}
} // namespace

void limitReplySize(QNetworkReply *reply, qint64 maxBytes)
{
    reply->setProperty(kLimit, maxBytes);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes)
            cut(reply);
    });
    // The body stays in the reply's buffer until it is read (at the end): cut as soon as it
    // passes the limit.
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, maxBytes] {
        if (reply->bytesAvailable() > maxBytes)
            cut(reply);
    });
}

bool replyTooLarge(const QNetworkReply &reply)
{
    return reply.property(kTooLarge).toBool();
}

QString replyTooLargeText(const QNetworkReply &reply)
{
    const qint64 limit = reply.property(kLimit).toLongLong();
    return limit >= (1 << 20) && limit % (1 << 20) == 0
               ? QStringLiteral("the answer is larger than %1 MiB").arg(limit >> 20)
               : QStringLiteral("the answer is larger than %1 bytes").arg(limit);
}

} // namespace ct
