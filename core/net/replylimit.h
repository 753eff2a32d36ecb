#pragma once
// How much of an HTTP answer a reply may hold in memory. QNetworkReply buffers a body without
// limit until it ends, so a server that answers with a body that never ends (or a huge page)
// would fill the memory until the request's timeout, at loopback speed hundreds of MiB a second
// (issue 14: a hostile server is contained with bounded memory). limitReplySize() takes the
// body out of the reply as it comes, keeps Qt's HTTP thread at most a small window ahead of
// this thread (so a busy event loop does not let the body pile up in Qt's queues), and aborts
// the reply once its Content-Length announces, or the body reaches, more than the limit; the
// reply then ends (OperationCanceledError) and replyTooLarge() says why. The body is then read
// with replyBody(), not QNetworkReply::readAll().
// Users: the Gotify REST client, OpenIM's REST calls, the refresh endpoint, the image fetcher.
#include <QByteArray>
#include <QString>

class QNetworkReply;

namespace ct {

// The most a REST answer may hold (a Gotify page of messages, an OpenIM answer, a refresh
// endpoint's answer): far above any real one, a bound on what one answer costs.
inline constexpr qint64 kMaxAnswerBytes = 32LL << 20;

void limitReplySize(QNetworkReply *reply, qint64 maxBytes = kMaxAnswerBytes);
// The body of a reply given to limitReplySize() (everything it received, once it finished).
QByteArray replyBody(QNetworkReply &reply);
bool replyTooLarge(const QNetworkReply &reply);
// "the answer is larger than 32 MiB" (the limit as set on the reply).
QString replyTooLargeText(const QNetworkReply &reply);

} // namespace ct
