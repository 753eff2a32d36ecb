// Fuzzer of the WebSocket frame decoder (what a hostile server's bytes can do to the client).
//
// Input: one byte that picks the piece size the stream is fed in, one byte that picks the
// message limit, then the server's byte stream. Properties:
//   - fed whole or in pieces, the stream gives the same events (kind, code, payload, text);
//   - nothing comes after an Error or a Close, and an Error names 1002, 1007 or 1009;
//   - a message is never longer than the limit, and a text message is the UTF-8 of its text;
//   - a decoded message or control frame, encoded again (unmasked, as a server sends it, and in
//     fragments), decodes to the same event.
#include "../fuzzsupport.h"
#include "websocket/websocketframe.h"

#include <QList>

using namespace ct;

namespace {
QList<WebSocketEvent> decode(const QByteArray &bytes, qint64 max, qsizetype piece)
{
    WebSocketDecoder decoder(max);
    QList<WebSocketEvent> events;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        decoder.append(QByteArrayView(bytes).sliced(at, qMin(piece, bytes.size() - at)));
        while (auto e = decoder.next())
            events << *e;
    }
    if (bytes.isEmpty())
        while (auto e = decoder.next())
            events << *e;
    return events;
}

bool same(const WebSocketEvent &a, const WebSocketEvent &b)
{
    return a.kind == b.kind && a.code == b.code && a.payload == b.payload && a.text == b.text;
}

QString describe(const WebSocketEvent &e)
{
    return QStringLiteral("kind %1 code %2 payload %3 text %4")
        .arg(int(e.kind))
        .arg(e.code)
        .arg(QString::fromLatin1(e.payload.left(64).toHex()), e.text.left(64));
}

WebSocketOpcode opcodeOf(WebSocketEvent::Kind kind)
{
    switch (kind) {
    case WebSocketEvent::Kind::Text:
        return WebSocketOpcode::Text;
    case WebSocketEvent::Kind::Binary:
        return WebSocketOpcode::Binary;
    case WebSocketEvent::Kind::Ping:
        return WebSocketOpcode::Ping;
    case WebSocketEvent::Kind::Pong:
        return WebSocketOpcode::Pong;
    default:
        return WebSocketOpcode::Close;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const qsizetype piece = 1 + in.byte() % 17;
    const qint64 max = 1 + qint64(in.byte()) * 97;
    const QByteArray stream = in.rest();

    const QList<WebSocketEvent> whole = decode(stream, max, qMax<qsizetype>(stream.size(), 1));
    const QList<WebSocketEvent> cut = decode(stream, max, piece);
    FUZZ_CHECK(whole.size() == cut.size(),
               QStringLiteral("%1 events whole, %2 in pieces of %3").arg(whole.size()).arg(cut.size()).arg(piece));
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const WebSocketEvent &e = whole.at(i);
        FUZZ_CHECK(same(e, cut.at(i)), describe(e) + QStringLiteral(" / ") + describe(cut.at(i)));
        const bool last = i == whole.size() - 1;
        if (e.kind == WebSocketEvent::Kind::Error) {
            FUZZ_CHECK(last, describe(e));
            FUZZ_CHECK(e.code == WebSocketCloseCode::ProtocolError || e.code == WebSocketCloseCode::InvalidPayload
                           || e.code == WebSocketCloseCode::TooBig,
                       describe(e));
            continue;
        }
        if (e.kind == WebSocketEvent::Kind::Close) {
            FUZZ_CHECK(last, describe(e));
            continue;
        }
        if (e.kind == WebSocketEvent::Kind::Text || e.kind == WebSocketEvent::Kind::Binary)
            FUZZ_CHECK(e.payload.size() <= max, describe(e));
        else
            FUZZ_CHECK(e.payload.size() <= 125, describe(e));
        if (e.kind == WebSocketEvent::Kind::Text)
            FUZZ_CHECK(e.text.toUtf8() == e.payload, describe(e));

        // Encoded again (data messages in two fragments when they can be cut), it decodes the same.
        QByteArray again;
        const WebSocketOpcode op = opcodeOf(e.kind);
        if (op == WebSocketOpcode::Ping || op == WebSocketOpcode::Pong || e.payload.size() < 2) {
            again = encodeWebSocketFrame(op, e.payload, std::nullopt);
        } else {
            const qsizetype half = e.payload.size() / 2;
            again = encodeWebSocketFrame(op, QByteArrayView(e.payload).first(half), std::nullopt, false)
                    + encodeWebSocketFrame(WebSocketOpcode::Ping, "x", std::nullopt)
                    + encodeWebSocketFrame(WebSocketOpcode::Continuation, QByteArrayView(e.payload).sliced(half),
                                           std::nullopt);
        }
        QList<WebSocketEvent> back = decode(again, max, piece);
        if (back.size() == 2) // the ping between the fragments comes first
            back.removeFirst();
        FUZZ_CHECK(back.size() == 1 && same(back.at(0), e), describe(e));
    }
    return 0;
}
