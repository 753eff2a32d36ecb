// A refused handshake answered over plain HTTP 200 without upgrade (docs/protocols.md "Connect":
// without isMsgResp, and what some gateways and proxies do). Qt 6.4's QWebSocket reports only
// "Unhandled http status code" and hides the body, so when a connect attempt fails before the
// upgrade, one plain GET of the same URL reads the {"errCode":…} JSON, which is then mapped
// like the first text frame. The URL carries the token (the gateway needs it in the query):
// only redactUrl() of it reaches a log line, and the reply's errorString() (which quotes the
// URL) never does.
#include "logging/logging.h"
#include "net/redact.h"
#include "openimconnection.h"
#include "openimevents.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ct {

namespace {
constexpr qint64 kMaxRefusalBody = 16 * 1024;
}

void OpenImConnection::probeRefusalOverHttp(const QString &reason)
{
    cancelRefusalProbe();
    QUrl url = m_url;
    if (!url.isValid()) {
        scheduleReconnect(reason);
        return;
    }
    url.setScheme(url.scheme() == QStringLiteral("wss") ? QStringLiteral("https") : QStringLiteral("http"));
    if (!m_http)
        m_http = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    qCDebug(lcOpenIm) << address().toString() << "connect failed before the upgrade; reading the answer over HTTP"
                      << redactUrl(url);
    QNetworkReply *reply = m_http->get(request);
    m_refusalProbe = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, reason] { onRefusalProbeFinished(reply, reason); });
}

void OpenImConnection::onRefusalProbeFinished(QNetworkReply *reply, const QString &reason)
{
    reply->deleteLater();
    if (m_refusalProbe == reply)
        m_refusalProbe = nullptr;
    if (m_stopping || m_noReconnect || m_handshakeDone)
        return;
    // The body is read whatever the status: the vendor answers 200, a proxy may not.
    const QByteArray body = reply->read(kMaxRefusalBody);
    const auto answer = openim::decodeHandshake(body);
    if (!answer || answer->errCode == 0) {
        scheduleReconnect(reason);
        return;
    }
    const QString event = openim::eventForErrorCode(answer->errCode);
    qCWarning(lcOpenIm) << address().toString() << "handshake refused over HTTP:" << answer->errCode << event;
    if (openim::isTokenEvent(event)) {
        onHandshakeAnswer(answer->errCode, answer->errMsg);
        return;
    }
    // Not a token problem (1601 too many connections, 1602 bad arguments, …): retry later.
    scheduleReconnect(QStringLiteral("%1 (%2): %3").arg(event).arg(answer->errCode).arg(answer->errMsg));
}

void OpenImConnection::cancelRefusalProbe()
{
    if (QNetworkReply *reply = m_refusalProbe.data()) {
        m_refusalProbe = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace ct
