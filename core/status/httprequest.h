#pragma once
// The small HTTP/1.1 subset the status endpoint speaks: one GET per connection, no body, then
// close. The request head is parsed as it arrives and bounded (RFC 9112 message syntax):
//   request-line = method SP request-target SP HTTP-version CRLF, then header fields, CRLF.
// Anything else is refused with the status a client can act on: 400 malformed (also a body on
// the request, obs-fold, a missing Host on HTTP/1.1), 414 a request line over the limit, 431 a
// head over the limit, 505 an HTTP version other than 1.0 and 1.1.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace ct {

struct HttpRequestHead
{
    QByteArray method;
    QByteArray target;                            // origin-form, as sent ("/health?account=gotify%2Fops")
    QByteArray version;                           // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed

    QString path() const;                                 // target without the query, percent-decoded
    QUrlQuery query() const;                              // the query items
    QByteArray header(const QByteArray &lowerName) const; // the first one, empty when absent
};

class HttpRequestParser
{
public:
    enum class Result { Incomplete, Complete, Error };
    static constexpr int kMaxRequestLine = 2048;
    static constexpr int kMaxHead = 8192;
    static constexpr int kMaxHeaders = 64;

    // Feeds the bytes received so far (appended to what came before).
    Result feed(const QByteArray &bytes);
    const HttpRequestHead &head() const { return m_head; }
    int errorStatus() const { return m_errorStatus; } // 400, 414, 431, 505 on Error
    QString errorText() const { return m_errorText; }

private:
    Result fail(int status, const QString &text);
    Result parse(qsizetype headEnd);

    QByteArray m_buffer;
    HttpRequestHead m_head;
    Result m_state = Result::Incomplete;
    int m_errorStatus = 0;
    QString m_errorText;
};

// One whole response with Content-Length, no-store and Connection: close.
QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
QByteArray httpReasonPhrase(int status);

} // namespace ct
