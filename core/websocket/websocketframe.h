#pragma once
// RFC 6455 framing, as a client needs it (section 5): one function that writes a frame, and a
// decoder that reads the server's byte stream into whole messages and control frames.
//
//   WebSocketDecoder decoder(8 << 20);
//   decoder.append(bytes);                      // as they arrive, in any pieces
//   while (auto event = decoder.next()) { … }   // Text, Binary, Ping, Pong, Close or Error
//
// The decoder joins fragmented messages, hands over control frames that arrive between the
// fragments at once, checks that text is UTF-8 and that a close frame is well formed, and
// refuses what a server must not send (masked frames, reserved bits without an extension,
// unknown opcodes, fragmented or long control frames, a message or frame over the limit). An
// Error names the close code to fail the connection with (1002, 1007 or 1009); nothing is
// decoded after it.
#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ct {

// Close codes (RFC 6455 section 7.4.1).
namespace WebSocketCloseCode {
enum : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    NoStatus = 1005, // a close frame without a code (never sent)
    Abnormal = 1006, // the TCP connection ended without a close frame (never sent)
    InvalidPayload = 1007,
    PolicyViolation = 1008,
    TooBig = 1009,
    InternalError = 1011,
};
} // namespace WebSocketCloseCode

enum class WebSocketOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// One frame. A client masks every frame with a fresh key (`mask`); without one the frame goes
// unmasked, as a server's (tests).
QByteArray encodeWebSocketFrame(WebSocketOpcode opcode, QByteArrayView payload, std::optional<quint32> mask,
                                bool fin = true);
// The payload of a close frame: the code, then the reason as UTF-8 cut to fit 125 bytes.
QByteArray webSocketClosePayload(quint16 code, const QString &reason);

struct WebSocketEvent
{
    enum class Kind { Text, Binary, Ping, Pong, Close, Error };
    Kind kind = Kind::Error;
    QByteArray payload; // the message, or a ping's/pong's application data, as received
    QString text;       // Text: the message; Close: the reason; Error: what was wrong
    quint16 code = 0;   // Close: the peer's code (1005 when it gave none); Error: the code to close with
};

class WebSocketDecoder
{
public:
    // Frames and whole messages longer than `maxMessageBytes` are an Error with code 1009,
    // noticed from the frame header, before the payload is held.
    explicit WebSocketDecoder(qint64 maxMessageBytes) : m_max(maxMessageBytes) {}

    void append(QByteArrayView bytes);
    // The next whole message or control frame, or nothing until more bytes arrive. After an
    // Error (or a Close) there is nothing more.
    std::optional<WebSocketEvent> next();
    // Bytes received and not yet part of an event (a partial frame, or fragments so far).
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos + m_message.size(); }
    void reset();

private:
    WebSocketEvent fail(quint16 code, const QString &why);
    std::optional<WebSocketEvent> control(WebSocketOpcode opcode, QByteArray payload);
    std::optional<WebSocketEvent> finishMessage(WebSocketOpcode opcode, QByteArray payload);

    QByteArray m_buffer;
    qsizetype m_pos = 0;                                             // where the next frame starts in m_buffer
    QByteArray m_message;                                            // the fragments of a message so far
    WebSocketOpcode m_messageOpcode = WebSocketOpcode::Continuation; // Continuation: no message open
    qint64 m_max;
    bool m_done = false;
};

} // namespace ct
