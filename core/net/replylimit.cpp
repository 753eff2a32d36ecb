#include "replylimit.h"

#include <QCoreApplication>
#include <QNetworkReply>

#include <utility>

namespace ct {

namespace {
constexpr const char *kTooLarge = "ct_tooLarge";
constexpr const char *kLimit = "ct_sizeLimit";
// How far Qt's HTTP thread may read ahead of this thread.
constexpr qint64 kWindowBytes = 1 << 20;

constexpr const char *kBodyName = "ct_collectedBody";

// The body taken out of the reply so far; a child of the reply, found by its name.
class CollectedBody : public QObject
{
public:
    explicit CollectedBody(QObject *reply) : QObject(reply) { setObjectName(QLatin1String(kBodyName)); }
    QByteArray bytes;
};

void cut(QNetworkReply *reply)
{
    reply->setProperty(kTooLarge, true);
    reply->abort();
}
} // namespace

void limitReplySize(QNetworkReply *reply, qint64 maxBytes)
{
    reply->setProperty(kLimit, maxBytes);
    auto *body = new CollectedBody(reply);
    // Backpressure: Qt's HTTP thread stops reading the socket once the reply holds the window
    // unread, and goes on as this thread takes it out, so a server's sends block instead of Qt
    // queueing its bytes to this thread faster than it looks at them (without it, a busy event
    // loop let hundreds of MiB pile up before the check below ran). The body has to be taken
    // out as it comes, for Qt 6.4's HTTP thread can stop short of a full window and wait for a
    // read that frees some. Set from the event loop: Qt 6.4 starts an HTTP request (and
    // connects this setting to its HTTP thread) from a queued call, after which this one runs;
    // set now, the setting would not reach it.
    QMetaObject::invokeMethod(
        reply, [reply, maxBytes] { reply->setReadBufferSize(qMin(maxBytes + 1, kWindowBytes)); },
        Qt::QueuedConnection);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes)
            cut(reply);
    });
    QObject::connect(reply, &QNetworkReply::readyRead, body, [reply, body, maxBytes] {
        if (replyTooLarge(*reply))
            return;
        body->bytes += reply->readAll();
        if (body->bytes.size() > maxBytes) {
            body->bytes.clear();
            cut(reply);
        }
    });
}

QByteArray replyBody(QNetworkReply &reply)
{
    auto *body = dynamic_cast<CollectedBody *>(
        reply.findChild<QObject *>(QLatin1String(kBodyName), Qt::FindDirectChildrenOnly));
    if (!body)
        return reply.readAll();
    return std::exchange(body->bytes, {}) + reply.readAll();
}

bool replyTooLarge(const QNetworkReply &reply)
{
    return reply.property(kTooLarge).toBool();
}

QString replyTooLargeText(const QNetworkReply &reply)
{
    const qint64 limit = reply.property(kLimit).toLongLong();
    return limit >= (1 << 20) && limit % (1 << 20) == 0
               ? QCoreApplication::translate("ct::ReplyLimit", "the answer is larger than %1 MiB").arg(limit >> 20)
               : QCoreApplication::translate("ct::ReplyLimit", "the answer is larger than %1 bytes").arg(limit);
}

} // namespace ct
