#pragma once
// The opening handshake of a WebSocket client (RFC 6455 section 4): the upgrade request, and a
// reader for the server's answer. A 101 with the right Sec-WebSocket-Accept opens the
// connection; any other status is a refusal whose status, reason and body (up to 16 KiB, by
// Content-Length, chunked, or up to the end of the connection) are kept for the caller, who
// may read an error document from it (Gotify's 401 JSON, OpenIM's errCode JSON).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ct {

using WebSocketHeaders = QList<QPair<QByteArray, QByteArray>>;

// The GET request for `url` (ws or wss) with `key` and the caller's extra headers.
QByteArray webSocketUpgradeRequest(const QUrl &url, const QByteArray &key, const WebSocketHeaders &headers);
// base64(SHA-1(key + the RFC's GUID)): what the server must answer in Sec-WebSocket-Accept.
QByteArray webSocketAccept(const QByteArray &key);

class WebSocketHandshakeReader
{
public:
    enum class Result { NeedMore, Upgraded, Refused, Invalid };
    static constexpr qsizetype kMaxHead = 16 * 1024;
    static constexpr qsizetype kMaxBody = 16 * 1024;

    explicit WebSocketHandshakeReader(QByteArray key) : m_key(std::move(key)) {}

    // Reads the answer from the front of `buffer`. Upgraded: the head is removed and what is
    // left are the first frames. Refused: status(), reason() and body() tell why.
    Result read(QByteArray &buffer);
    // The server closed the connection: a body that runs to the end is complete now.
    Result finish(QByteArray &buffer);

    QByteArray key() const { return m_key; }
    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    QByteArray body() const { return m_body; }
    QString error() const { return m_error; } // Invalid: what was wrong

private:
    Result readHead(QByteArray &buffer);
    Result readBody(QByteArray &buffer, bool atEnd);
    Result invalid(const QString &why);

    QByteArray m_key;
    int m_status = 0;
    QByteArray m_reason;
    QByteArray m_body;
    QString m_error;
    bool m_headDone = false;
    bool m_chunked = false;
    qint64 m_contentLength = -1;
};

} // namespace ct
