#include "websocketframe.h"

#include <QStringDecoder>
#include <QtEndian>

#include <cstring>

namespace ct {

namespace {
constexpr qsizetype kMaxControlPayload = 125;

bool isKnownOpcode(quint8 op)
{
    switch (WebSocketOpcode(op)) {
    case WebSocketOpcode::Continuation:
    case WebSocketOpcode::Text:
    case WebSocketOpcode::Binary:
    case WebSocketOpcode::Close:
    case WebSocketOpcode::Ping:
    case WebSocketOpcode::Pong:
        return true;
    }
    return false;
}

// A code a close frame may carry (RFC 6455 section 7.4, and the IANA registry's 1012-1014).
bool isValidCloseCode(quint16 code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
}

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF): Qt's decoder
// counts each of them as an error. A byte order mark stays part of the text.
std::optional<QString> decodeUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}
} // namespace

QByteArray encodeWebSocketFrame(WebSocketOpcode opcode, QByteArrayView payload, std::optional<quint32> mask,
                                bool fin)
{
    const qsizetype n = payload.size();
    const qsizetype lengthBytes = n > 0xFFFF ? 8 : n > kMaxControlPayload ? 2 : 0;
    const qsizetype header = 2 + lengthBytes + (mask ? 4 : 0);
    QByteArray out(header + n, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    p[0] = uchar((fin ? 0x80 : 0x00) | quint8(opcode));
    qsizetype at = 2;
    if (lengthBytes == 8) {
        p[1] = 127;
        qToBigEndian<quint64>(quint64(n), p + 2);
    } else if (lengthBytes == 2) {
        p[1] = 126;
        qToBigEndian<quint16>(quint16(n), p + 2);
    } else {
        p[1] = uchar(n);
    }
    at += lengthBytes;
    const auto *in = reinterpret_cast<const uchar *>(payload.data());
    if (!mask) {
        if (n > 0)
            std::memcpy(p + at, in, size_t(n));
        return out;
    }
    p[1] |= 0x80;
    qToBigEndian<quint32>(*mask, p + at);
    const uchar key[4] = {p[at], p[at + 1], p[at + 2], p[at + 3]};
    at += 4;
    for (qsizetype i = 0; i < n; ++i)
        p[at + i] = in[i] ^ key[i & 3];
    return out;
}

QByteArray webSocketClosePayload(quint16 code, const QString &reason)
{
    QByteArray out(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, out.data());
    QByteArray text = reason.toUtf8();
    if (text.size() > kMaxControlPayload - 2) {
        text.truncate(kMaxControlPayload - 2);
        while (!text.isEmpty() && (uchar(text.back()) & 0xC0) == 0x80) // not inside a character
            text.chop(1);
        if (!text.isEmpty() && uchar(text.back()) >= 0xC0)
            text.chop(1);
    }
    return out + text;
}

void WebSocketDecoder::append(QByteArrayView bytes)
{
    if (m_done || bytes.isEmpty())
        return;
    if (m_pos > 0) { // what is left is at most one partial frame
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

void WebSocketDecoder::reset()
{
    m_buffer = {};
    m_pos = 0;
    m_message = {};
    m_messageOpcode = WebSocketOpcode::Continuation;
    m_done = false;
}

WebSocketEvent WebSocketDecoder::fail(quint16 code, const QString &why)
{
    m_done = true;
    m_buffer = {};
    m_pos = 0;
    m_message = {};
    WebSocketEvent e;
    e.kind = WebSocketEvent::Kind::Error;
    e.code = code;
    e.text = why;
    return e;
}

std::optional<WebSocketEvent> WebSocketDecoder::next()
{
    while (!m_done) {
        const qsizetype available = m_buffer.size() - m_pos;
        if (available < 2)
            break;
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + m_pos);
        const bool fin = p[0] & 0x80;
        const quint8 op = p[0] & 0x0F;
        quint64 length = p[1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (available < 4)
                break;
            length = qFromBigEndian<quint16>(p + 2);
            header = 4;
        } else if (length == 127) {
            if (available < 10)
                break;
            length = qFromBigEndian<quint64>(p + 2);
            header = 10;
        }
        if (p[0] & 0x70)
            return fail(WebSocketCloseCode::ProtocolError,
                        QStringLiteral("reserved bits set without an extension"));
        if (p[1] & 0x80)
            return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("a masked frame from the server"));
        if (!isKnownOpcode(op))
            return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("unknown opcode %1").arg(op));
        const auto opcode = WebSocketOpcode(op);
        const bool isControl = op & 0x8;
        if (isControl) {
            if (!fin)
                return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("a fragmented control frame"));
            if (length > quint64(kMaxControlPayload))
                return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("a control frame over 125 bytes"));
        } else {
            const bool open = m_messageOpcode != WebSocketOpcode::Continuation;
            if (opcode == WebSocketOpcode::Continuation && !open)
                return fail(WebSocketCloseCode::ProtocolError,
                            QStringLiteral("a continuation frame outside a message"));
            if (opcode != WebSocketOpcode::Continuation && open)
                return fail(WebSocketCloseCode::ProtocolError,
                            QStringLiteral("a new message before the previous one ended"));
            if (length > quint64(m_max) || qint64(length) > m_max - m_message.size())
                return fail(WebSocketCloseCode::TooBig, QStringLiteral("a message over %1 bytes").arg(m_max));
        }
        if (quint64(available - header) < length) {
            if (m_buffer.capacity() < m_pos + header + qsizetype(length))
                m_buffer.reserve(m_pos + header + qsizetype(length)); // one allocation for a long frame
            break;
        }
        QByteArray payload = m_buffer.mid(m_pos + header, qsizetype(length));
        m_pos += header + qsizetype(length);
        if (m_pos == m_buffer.size()) {
            m_buffer.clear(); // an idle connection holds no buffer
            m_pos = 0;
        }
        if (isControl)
            return control(opcode, std::move(payload));
        if (!fin) {
            if (opcode != WebSocketOpcode::Continuation)
                m_messageOpcode = opcode;
            m_message.append(payload);
            continue;
        }
        if (opcode != WebSocketOpcode::Continuation)
            return finishMessage(opcode, std::move(payload));
        m_message.append(payload);
        const WebSocketOpcode first = m_messageOpcode;
        m_messageOpcode = WebSocketOpcode::Continuation;
        return finishMessage(first, std::exchange(m_message, {}));
    }
    return std::nullopt;
}

std::optional<WebSocketEvent> WebSocketDecoder::control(WebSocketOpcode opcode, QByteArray payload)
{
    WebSocketEvent e;
    if (opcode == WebSocketOpcode::Ping || opcode == WebSocketOpcode::Pong) {
        e.kind = opcode == WebSocketOpcode::Ping ? WebSocketEvent::Kind::Ping : WebSocketEvent::Kind::Pong;
        e.payload = std::move(payload);
        return e;
    }
    e.kind = WebSocketEvent::Kind::Close;
    e.code = WebSocketCloseCode::NoStatus;
    if (payload.size() == 1)
        return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("a close frame of one byte"));
    if (payload.size() >= 2) {
        e.code = qFromBigEndian<quint16>(payload.constData());
        if (!isValidCloseCode(e.code))
            return fail(WebSocketCloseCode::ProtocolError, QStringLiteral("close code %1").arg(e.code));
        const std::optional<QString> reason = decodeUtf8(QByteArrayView(payload).sliced(2));
        if (!reason)
            return fail(WebSocketCloseCode::InvalidPayload, QStringLiteral("a close reason that is not UTF-8"));
        e.text = *reason;
    }
    e.payload = std::move(payload);
    m_done = true; // nothing follows a close frame
    m_buffer = {};
    m_pos = 0;
    m_message = {};
    return e;
}

std::optional<WebSocketEvent> WebSocketDecoder::finishMessage(WebSocketOpcode opcode, QByteArray payload)
{
    WebSocketEvent e;
    if (opcode == WebSocketOpcode::Text) {
        std::optional<QString> text = decodeUtf8(payload);
        if (!text)
            return fail(WebSocketCloseCode::InvalidPayload, QStringLiteral("a text message that is not UTF-8"));
        e.kind = WebSocketEvent::Kind::Text;
        e.text = std::move(*text);
    } else {
        e.kind = WebSocketEvent::Kind::Binary;
    }
    e.payload = std::move(payload);
    return e;
}

} // namespace ct
