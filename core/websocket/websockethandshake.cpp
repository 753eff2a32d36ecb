#include "websockethandshake.h"

#include <QCryptographicHash>

namespace ct {

namespace {
// RFC 6455 section 1.3.
constexpr char kAcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool headerHasToken(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &part : value.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
} // namespace

QByteArray webSocketAccept(const QByteArray &key)
{
    return QCryptographicHash::hash(key + kAcceptGuid, QCryptographicHash::Sha1).toBase64();
}

QByteArray webSocketUpgradeRequest(const QUrl &url, const QByteArray &key, const WebSocketHeaders &headers)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const bool secure = url.scheme() == QLatin1String("wss");
    if (url.port() != -1 && url.port() != (secure ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    QByteArray out;
    out.reserve(256);
    out += "GET " + target + " HTTP/1.1\r\nHost: " + host
           + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
           + "\r\nSec-WebSocket-Version: 13\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    return out;
}

WebSocketHandshakeReader::Result WebSocketHandshakeReader::invalid(const QString &why)
{
    m_error = why;
    return Result::Invalid;
}

WebSocketHandshakeReader::Result WebSocketHandshakeReader::read(QByteArray &buffer)
{
    if (!m_headDone)
        return readHead(buffer);
    return readBody(buffer, false);
}

WebSocketHandshakeReader::Result WebSocketHandshakeReader::finish(QByteArray &buffer)
{
    if (!m_headDone)
        return invalid(buffer.isEmpty() ? QStringLiteral("the server closed the connection without an answer")
                                        : QStringLiteral("the server closed the connection inside its answer"));
    return readBody(buffer, true);
}

WebSocketHandshakeReader::Result WebSocketHandshakeReader::readHead(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return buffer.size() > kMaxHead ? invalid(QStringLiteral("an answer head over 16 KiB")) : Result::NeedMore;
    if (end > kMaxHead)
        return invalid(QStringLiteral("an answer head over 16 KiB"));
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.remove(0, end + 4);
    m_headDone = true;
    // "HTTP/1.1 101 Switching Protocols"
    const QByteArray statusLine = lines.value(0).trimmed();
    const qsizetype sp = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/1.") || sp < 0)
        return invalid(QStringLiteral("an answer that is not HTTP/1.1"));
    const QByteArray rest = statusLine.mid(sp + 1);
    const qsizetype sp2 = rest.indexOf(' ');
    bool ok = false;
    m_status = (sp2 < 0 ? rest : rest.left(sp2)).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 999)
        return invalid(QStringLiteral("an answer without a status code"));
    m_reason = sp2 < 0 ? QByteArray() : rest.mid(sp2 + 1);
    QByteArray upgrade, connection, accept, encoding;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "upgrade")
            upgrade = value;
        else if (name == "connection")
            connection = value;
        else if (name == "sec-websocket-accept")
            accept = value;
        else if (name == "transfer-encoding")
            encoding = value;
        else if (name == "content-length") {
            const qint64 length = value.toLongLong(&ok);
            m_contentLength = ok && length >= 0 ? length : -1;
        } else if (name == "sec-websocket-extensions" && m_status == 101)
            return invalid(QStringLiteral("an extension the client did not ask for"));
    }
    if (m_status != 101) {
        m_chunked = headerHasToken(encoding, "chunked");
        return readBody(buffer, false);
    }
    if (upgrade.compare("websocket", Qt::CaseInsensitive) != 0 || !headerHasToken(connection, "upgrade"))
        return invalid(QStringLiteral("a 101 answer without the WebSocket upgrade headers"));
    if (accept != webSocketAccept(m_key))
        return invalid(QStringLiteral("a wrong Sec-WebSocket-Accept"));
    return Result::Upgraded;
}

WebSocketHandshakeReader::Result WebSocketHandshakeReader::readBody(QByteArray &buffer, bool atEnd)
{
    if (m_chunked) {
        // size CRLF data CRLF … 0 CRLF CRLF; a body cut short counts as far as it went.
        qsizetype at = 0;
        QByteArray body;
        for (;;) {
            const qsizetype eol = buffer.indexOf("\r\n", at);
            if (eol < 0)
                break;
            bool ok = false;
            const qint64 size = buffer.mid(at, eol - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return invalid(QStringLiteral("a chunked body that is not well formed"));
            if (size == 0) {
                m_body = body.left(kMaxBody);
                return Result::Refused;
            }
            if (buffer.size() < eol + 2 + size + 2)
                break;
            body += buffer.mid(eol + 2, size);
            at = eol + 2 + size + 2;
            if (body.size() >= kMaxBody) {
                m_body = body.left(kMaxBody);
                return Result::Refused;
            }
        }
        if (!atEnd && buffer.size() <= kMaxBody + 64)
            return Result::NeedMore;
        m_body = body.left(kMaxBody);
        return Result::Refused;
    }
    if (m_contentLength >= 0) {
        const qsizetype want = qsizetype(qMin<qint64>(m_contentLength, kMaxBody));
        if (buffer.size() < want && !atEnd)
            return Result::NeedMore;
        m_body = buffer.left(want);
        return Result::Refused;
    }
    if (!atEnd && buffer.size() < kMaxBody)
        return Result::NeedMore; // the body runs to the end of the connection
    m_body = buffer.left(kMaxBody);
    return Result::Refused;
}

} // namespace ct
