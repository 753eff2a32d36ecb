#include "httprequest.h"

#include <QUrl>

namespace ct {

namespace {

bool isTchar(char c)
{
    // RFC 9110 token characters.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || QByteArrayLiteral("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTchar(c))
            return false;
    return true;
}

bool hasControl(const QByteArray &s)
{
    for (char c : s)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return true;
    return false;
}

// Lines end in CRLF; a bare LF is accepted too (RFC 9112 §2.2 allows it).
QList<QByteArray> splitLines(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    return lines;
}

} // namespace

QString HttpRequestHead::path() const
{
    const qsizetype q = target.indexOf('?');
    return QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
}

QUrlQuery HttpRequestHead::query() const
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    // '+' means a space in form-encoded queries; QUrlQuery leaves it alone.
    QByteArray raw = target.mid(q + 1);
    raw.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(raw));
}

QByteArray HttpRequestHead::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const QString &text)
{
    m_state = Result::Error;
    m_errorStatus = status;
    m_errorText = text;
    return m_state;
}

HttpRequestParser::Result HttpRequestParser::feed(const QByteArray &bytes)
{
    if (m_state != Result::Incomplete)
        return m_state;
    m_buffer += bytes;
    // RFC 9112 §2.2: empty lines before the request line are ignored.
    while (m_buffer.startsWith("\r\n") || m_buffer.startsWith('\n'))
        m_buffer.remove(0, m_buffer.startsWith('\n') ? 1 : 2);
    const qsizetype firstLf = m_buffer.indexOf('\n');
    if ((firstLf < 0 ? m_buffer.size() : firstLf) > kMaxRequestLine)
        return fail(414, QStringLiteral("request line too long"));
    qsizetype end = m_buffer.indexOf("\r\n\r\n");
    qsizetype endLen = 4;
    const qsizetype lf = m_buffer.indexOf("\n\n");
    if (lf >= 0 && (end < 0 || lf < end)) {
        end = lf;
        endLen = 2;
    }
    if (end < 0) {
        if (m_buffer.size() > kMaxHead)
            return fail(431, QStringLiteral("request head too large"));
        return Result::Incomplete;
    }
    if (end + endLen > kMaxHead)
        return fail(431, QStringLiteral("request head too large"));
    return parse(end);
}

HttpRequestParser::Result HttpRequestParser::parse(qsizetype headEnd)
{
    const QList<QByteArray> lines = splitLines(m_buffer.left(headEnd));
    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || hasControl(parts[1]))
        return fail(400, QStringLiteral("malformed request line"));
    m_head.method = parts[0];
    m_head.target = parts[1];
    m_head.version = parts[2];
    if (!m_head.version.startsWith("HTTP/") || m_head.version.size() != 8 || m_head.version[6] != '.')
        return fail(400, QStringLiteral("malformed HTTP version"));
    if (m_head.version != "HTTP/1.1" && m_head.version != "HTTP/1.0")
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are spoken here"));
    if (!m_head.target.startsWith('/'))
        return fail(400, QStringLiteral("the request target must be a path (origin-form)"));
    if (lines.size() - 1 > kMaxHeaders)
        return fail(431, QStringLiteral("too many header fields"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("obsolete line folding"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return fail(400, QStringLiteral("malformed header field"));
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControl(value))
            return fail(400, QStringLiteral("control character in a header field"));
        m_head.headers.append({line.left(colon).toLower(), value});
    }
    int hosts = 0;
    for (const auto &h : std::as_const(m_head.headers)) {
        if (h.first == "host")
            ++hosts;
        if (h.first == "transfer-encoding" || (h.first == "content-length" && h.second != "0"))
            return fail(400, QStringLiteral("a request body is not accepted"));
    }
    if (hosts > 1 || (hosts == 0 && m_head.version == "HTTP/1.1"))
        return fail(400, QStringLiteral("HTTP/1.1 needs exactly one Host header"));
    m_state = Result::Complete;
    return m_state;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out += "Connection: close\r\n";
    for (const auto &h : extraHeaders)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

} // namespace ct
