#include "gotifyrestclient.h"

#include "logging/logging.h"
#include "net/redact.h"
#include "net/replylimit.h"
#include "net/serialqueue.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace ct {

namespace {
constexpr const char *kHostMismatch = "ct_tlsHostMismatch";
}

GotifyRestClient::GotifyRestClient(const GotifyEndpoint &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_queue(new SerialQueue(this))
{
    auto giveUp = [this](quint64 id, GotifyError::Kind kind, const QString &text) {
        const InFlight f = m_inFlight.take(id);
        if (f.reply) {
            f.reply->disconnect(this);
            f.reply->abort();
            f.reply->deleteLater();
        }
        if (f.done) {
            GotifyResult r;
            r.error.kind = kind;
            r.error.description = text;
            f.done(r);
        }
    };
    connect(m_queue, &SerialQueue::timedOut, this, [giveUp](quint64 id, const QString &) {
        giveUp(id, GotifyError::Kind::Timeout, QStringLiteral("timeout"));
    });
    connect(m_queue, &SerialQueue::cancelled, this, [giveUp](quint64 id, const QString &) {
        giveUp(id, GotifyError::Kind::Network, QStringLiteral("cancelled"));
    });
}

GotifyRestClient::~GotifyRestClient()
{
    for (auto &f : m_inFlight)
        if (f.reply)
            f.reply->disconnect(this);
}

void GotifyRestClient::setEndpoint(const GotifyEndpoint &endpoint)
{
    m_endpoint = endpoint;
}

int GotifyRestClient::pending() const
{
    return m_queue->pending() + (m_queue->busy() ? 1 : 0);
}

void GotifyRestClient::cancelAll()
{
    m_queue->cancelAll();
}

void GotifyRestClient::send(Request request, Callback done)
{
    auto id = std::make_shared<quint64>(0);
    *id = m_queue->enqueue([this, id, request = std::move(request), done = std::move(done)](
                               SerialQueue::Done finish) { start(*id, request, done, finish); },
                           m_endpoint.requestTimeoutMs,
                           QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path);
}

void GotifyRestClient::start(quint64 jobId, const Request &request, const Callback &done,
                             const std::function<void()> &finish)
{
    QUrl url = m_endpoint.urlFor(request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    QNetworkRequest nr(url);
    nr.setTransferTimeout(m_endpoint.requestTimeoutMs);
    const QString token = !request.overrideToken.isEmpty()     ? request.overrideToken
                          : request.token == TokenKind::App    ? m_endpoint.appToken
                          : request.token == TokenKind::Client ? m_endpoint.clientToken
                                                               : QString();
    if (!token.isEmpty())
        nr.setRawHeader("X-Gotify-Key", token.toUtf8()); // header only, never the query string
    if (!request.body.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (url.scheme() == QLatin1String("https")) {
        QString caError;
        nr.setSslConfiguration(m_endpoint.sslConfiguration(&caError)); // verification on, always
        if (!caError.isEmpty()) {
            // A configured CA that does not load: say so instead of a vague "not trusted" later.
            GotifyResult r;
            r.error.kind = GotifyError::Kind::Tls;
            r.error.description = caError;
            finish();
            if (done)
                done(r);
            return;
        }
    }
    qCDebug(lcGotify) << request.method << redactUrl(url);

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this); // its own, made on the first request
    QNetworkReply *reply = m_nam->sendCustomRequest(nr, request.method, request.body);
    limitReplySize(reply); // an answer that never ends is cut, not kept until the timeout
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) // never ignored: the handshake fails after this
            if (e.error() == QSslError::HostNameMismatch)
                reply->setProperty(kHostMismatch, true);
    });
    m_inFlight.insert(jobId, {reply, done});
    connect(reply, &QNetworkReply::finished, this, [this, reply, jobId, timer, finish] {
        reply->deleteLater();
        const InFlight f = m_inFlight.take(jobId);
        const GotifyResult r = resultOf(reply, timer->elapsed());
        if (r.error.isError())
            qCDebug(lcGotify) << "request failed:" << GotifyError::kindName(r.error.kind) << r.httpStatus;
        finish();
        if (f.done)
            f.done(r);
    });
}

GotifyResult GotifyRestClient::resultOf(QNetworkReply *reply, qint64 latencyMs)
{
    GotifyResult r;
    r.latencyMs = latencyMs;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (replyTooLarge(*reply)) {
        r.error.kind = GotifyError::Kind::Protocol;
        r.error.httpStatus = r.httpStatus;
        r.error.description = replyTooLargeText(*reply);
        return r;
    }
    r.body = replyBody(*reply);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &perr);
    if (perr.error == QJsonParseError::NoError)
        r.value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());

    if (r.httpStatus == 0) { // no HTTP answer at all
        const auto e = reply->error();
        r.error.kind = (e == QNetworkReply::SslHandshakeFailedError) ? GotifyError::Kind::Tls
                       : (e == QNetworkReply::TimeoutError || e == QNetworkReply::OperationCanceledError)
                           ? GotifyError::Kind::Timeout
                           : GotifyError::Kind::Network;
        r.error.description = replyErrorString(*reply);
        if (r.error.kind == GotifyError::Kind::Tls && reply->property(kHostMismatch).toBool())
            r.error.error = GotifyError::kTlsHostMismatch;
        return r;
    }
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        if (!r.body.isEmpty() && perr.error != QJsonParseError::NoError) {
            r.error.kind = GotifyError::Kind::Protocol;
            r.error.httpStatus = r.httpStatus;
            r.error.description = QStringLiteral("the answer is not JSON");
        }
        return r;
    }
    const QJsonObject o = r.value.toObject();
    r.error.httpStatus = r.httpStatus;
    r.error.error = o.value(QStringLiteral("error")).toString();
    r.error.description = o.value(QStringLiteral("errorDescription")).toString();
    if (r.error.description.isEmpty())
        r.error.description = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    switch (r.httpStatus) {
    case 400:
        r.error.kind = GotifyError::Kind::BadRequest;
        break;
    case 401:
        r.error.kind = GotifyError::Kind::Unauthorized;
        break;
    case 403:
        r.error.kind = r.error.description.contains(QLatin1String("elevat"), Qt::CaseInsensitive)
                           ? GotifyError::Kind::NotElevated
                           : GotifyError::Kind::Forbidden;
        break;
    case 404:
        r.error.kind = GotifyError::Kind::NotFound;
        break;
    default:
        r.error.kind = r.httpStatus >= 500 ? GotifyError::Kind::Server : GotifyError::Kind::Protocol;
        break;
    }
    return r;
}

} // namespace ct
