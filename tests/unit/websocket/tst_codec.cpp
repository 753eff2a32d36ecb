// The frame codec and the handshake reader on bytes alone (RFC 6455 sections 4, 5 and 7): what a
// server may send is decoded into whole messages and control frames however the bytes are cut,
// what it must not send is refused with the close code the RFC names.
#include "websocket/websocketframe.h"
#include "websocket/websockethandshake.h"

#include <QTest>

using namespace ct;
using Kind = WebSocketEvent::Kind;

namespace {
QByteArray frame(WebSocketOpcode op, const QByteArray &payload, bool fin = true)
{
    return encodeWebSocketFrame(op, payload, std::nullopt, fin);
}

QList<WebSocketEvent> decodeAll(const QByteArray &bytes, qint64 max = 1 << 20, qsizetype piece = 0)
{
    WebSocketDecoder decoder(max);
    QList<WebSocketEvent> events;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        decoder.append(QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at)));
        while (auto e = decoder.next())
            events << *e;
    }
    return events;
}

QByteArray closeFrame(quint16 code, const QByteArray &reason = {})
{
    QByteArray payload(2, Qt::Uninitialized);
    payload[0] = char(code >> 8);
    payload[1] = char(code & 0xFF);
    return frame(WebSocketOpcode::Close, payload + reason);
}
} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientFrame_isMaskedWithItsKey_andLengthsUseTheShortestForm_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("headerBytes");
        QTest::newRow("0") << 0 << 6;
        QTest::newRow("125") << 125 << 6;
        QTest::newRow("126") << 126 << 8;
        QTest::newRow("65535") << 65535 << 8;
        QTest::newRow("65536") << 65536 << 14;
    }
    void clientFrame_isMaskedWithItsKey_andLengthsUseTheShortestForm()
    {
        QFETCH(int, size);
        QFETCH(int, headerBytes);
        QByteArray payload(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            payload[i] = char(i * 7);
        const QByteArray out = encodeWebSocketFrame(WebSocketOpcode::Binary, payload, 0x11223344u);
        QCOMPARE(out.size(), headerBytes + size);
        QCOMPARE(uchar(out[0]), uchar(0x82));
        QVERIFY(uchar(out[1]) & 0x80); // the mask bit
        const char key[4] = {0x11, 0x22, 0x33, 0x44};
        QCOMPARE(out.mid(headerBytes - 4, 4), QByteArray(key, 4));
        for (int i = 0; i < size; ++i)
            QCOMPARE(char(out[headerBytes + i] ^ key[i % 4]), payload[i]);
    }

    void serverFrames_decodeTheSameWhateverTheCut()
    {
        const QByteArray big(70000, 'x');
        const QByteArray bytes = frame(WebSocketOpcode::Text, "h\xC3\xA9llo") + frame(WebSocketOpcode::Binary, big)
                                 + frame(WebSocketOpcode::Ping, "p") + frame(WebSocketOpcode::Pong, "q");
        for (const qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(3), qsizetype(1000)}) {
            const QList<WebSocketEvent> e = decodeAll(bytes, 1 << 20, piece);
            QCOMPARE(e.size(), 4);
            QCOMPARE(e[0].kind, Kind::Text);
            QCOMPARE(e[0].text, QStringLiteral("h\u00E9llo"));
            QCOMPARE(e[1].kind, Kind::Binary);
            QCOMPARE(e[1].payload, big);
            QCOMPARE(e[2].kind, Kind::Ping);
            QCOMPARE(e[2].payload, QByteArray("p"));
            QCOMPARE(e[3].kind, Kind::Pong);
        }
    }

    void fragmentedMessage_isJoined_andControlFramesBetweenFragmentsComeAtOnce()
    {
        // "é" is cut between two fragments: UTF-8 is checked on the whole message.
        const QByteArray bytes = frame(WebSocketOpcode::Text, "ab\xC3", false) + frame(WebSocketOpcode::Ping, "1")
                                 + frame(WebSocketOpcode::Continuation,
                                         "\xA9"
                                         "c",
                                         false)
                                 + frame(WebSocketOpcode::Pong, "2") + frame(WebSocketOpcode::Continuation, "d");
        const QList<WebSocketEvent> e = decodeAll(bytes, 1 << 20, 2);
        QCOMPARE(e.size(), 3);
        QCOMPARE(e[0].kind, Kind::Ping);
        QCOMPARE(e[1].kind, Kind::Pong);
        QCOMPARE(e[2].kind, Kind::Text);
        QCOMPARE(e[2].text, QStringLiteral("ab\u00E9cd"));
    }

    void oversizedFrame_isRefusedWith1009_fromItsHeader_beforeThePayloadArrives()
    {
        WebSocketDecoder decoder(1000);
        decoder.append(RawHeader::of(WebSocketOpcode::Binary, 1001)); // the header alone
        const auto e = decoder.next();
        QVERIFY(e);
        QCOMPARE(e->kind, Kind::Error);
        QCOMPARE(e->code, quint16(WebSocketCloseCode::TooBig));
        QVERIFY(!decoder.next());
        // A 2^63-ish length too, and fragments that together pass the limit.
        QCOMPARE(decodeAll(RawHeader::of(WebSocketOpcode::Binary, Q_INT64_C(0x7FFFFFFFFFFFFFFF))).value(0).code,
                 quint16(WebSocketCloseCode::TooBig));
        const QByteArray fragments = frame(WebSocketOpcode::Binary, QByteArray(600, 'a'), false)
                                     + frame(WebSocketOpcode::Continuation, QByteArray(600, 'b'));
        const auto f = decodeAll(fragments, 1000);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].code, quint16(WebSocketCloseCode::TooBig));
        QCOMPARE(decodeAll(frame(WebSocketOpcode::Binary, QByteArray(1000, 'c')), 1000).value(0).kind,
                 Kind::Binary);
    }

    void invalidUtf8Text_isRefusedWith1007_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("stray continuation byte") << QByteArray("a\x80"
                                                               "b");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("cut at the end") << QByteArray("ok\xE2\x82");
    }
    void invalidUtf8Text_isRefusedWith1007()
    {
        QFETCH(QByteArray, bytes);
        const auto e = decodeAll(frame(WebSocketOpcode::Text, bytes));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Error);
        QCOMPARE(e[0].code, quint16(WebSocketCloseCode::InvalidPayload));
        // The same bytes as a binary message are fine.
        QCOMPARE(decodeAll(frame(WebSocketOpcode::Binary, bytes)).value(0).kind, Kind::Binary);
    }

    void whatAServerMustNotSend_isRefusedWith1002_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray masked = frame(WebSocketOpcode::Text, "x");
        masked[1] = char(masked[1] | 0x80);
        QTest::newRow("masked frame") << masked + QByteArray(4, '\0');
        QByteArray rsv = frame(WebSocketOpcode::Text, "x");
        rsv[0] = char(rsv[0] | 0x40);
        QTest::newRow("reserved bit") << rsv;
        QByteArray opcode = frame(WebSocketOpcode::Text, "x");
        opcode[0] = char(0x83);
        QTest::newRow("unknown opcode") << opcode;
        QTest::newRow("fragmented ping") << frame(WebSocketOpcode::Ping, "x", false);
        QTest::newRow("long ping") << frame(WebSocketOpcode::Ping, QByteArray(126, 'x'));
        QTest::newRow("continuation first") << frame(WebSocketOpcode::Continuation, "x");
        QTest::newRow("new message inside one")
            << frame(WebSocketOpcode::Text, "a", false) + frame(WebSocketOpcode::Text, "b");
        QTest::newRow("close of one byte") << frame(WebSocketOpcode::Close, "\x03");
        QTest::newRow("close code 1005") << closeFrame(1005);
        QTest::newRow("close code 999") << closeFrame(999);
        QTest::newRow("close code 5000") << closeFrame(5000);
    }
    void whatAServerMustNotSend_isRefusedWith1002()
    {
        QFETCH(QByteArray, bytes);
        const auto e = decodeAll(bytes);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Error);
        QCOMPARE(e[0].code, quint16(WebSocketCloseCode::ProtocolError));
        QVERIFY(!e[0].text.isEmpty());
    }

    void closeFrame_givesCodeAndReason_andEndsTheStream()
    {
        const auto e = decodeAll(closeFrame(4001, "bye \xE2\x9C\x93") + frame(WebSocketOpcode::Text, "late"));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].kind, Kind::Close);
        QCOMPARE(e[0].code, quint16(4001));
        QCOMPARE(e[0].text, QStringLiteral("bye \u2713"));
        const auto none = decodeAll(frame(WebSocketOpcode::Close, {}));
        QCOMPARE(none.value(0).code, quint16(WebSocketCloseCode::NoStatus));
        QCOMPARE(decodeAll(closeFrame(1000, "\xFF")).value(0).code, quint16(WebSocketCloseCode::InvalidPayload));
    }

    void closePayload_cutsALongReasonAtACharacterBoundary()
    {
        const QByteArray p = webSocketClosePayload(1000, QString(100, QChar(0x00E9))); // 200 bytes of UTF-8
        QVERIFY(p.size() <= 125);
        QCOMPARE(decodeAll(frame(WebSocketOpcode::Close, p)).value(0).kind, Kind::Close);
    }

    void acceptKey_isTheRfcExample()
    {
        QCOMPARE(webSocketAccept("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void upgradeRequest_carriesHostKeyAndHeaders_andNoCredentialInTheUrl()
    {
        const QByteArray r = webSocketUpgradeRequest(QUrl(QStringLiteral("ws://[::1]:8080/gotify/stream")), "KEY",
                                                     {{"X-Gotify-Key", "secret"}});
        QVERIFY(r.startsWith("GET /gotify/stream HTTP/1.1\r\nHost: [::1]:8080\r\n"));
        QVERIFY(r.contains("\r\nSec-WebSocket-Key: KEY\r\n"));
        QVERIFY(r.contains("\r\nSec-WebSocket-Version: 13\r\n"));
        QVERIFY(r.contains("\r\nX-Gotify-Key: secret\r\n"));
        QVERIFY(r.endsWith("\r\n\r\n"));
        QVERIFY(webSocketUpgradeRequest(QUrl(QStringLiteral("wss://h/")), "K", {}).contains("Host: h\r\n"));
    }

    void answer_upgrade_keepsTheFramesThatFollowIt()
    {
        WebSocketHandshakeReader reader("dGhlIHNhbXBsZSBub25jZQ==");
        QByteArray buffer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\nConnection: keep-alive, "
                            "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\nFRAMES";
        QCOMPARE(reader.read(buffer), WebSocketHandshakeReader::Result::Upgraded);
        QCOMPARE(buffer, QByteArray("FRAMES"));
        WebSocketHandshakeReader wrong("dGhlIHNhbXBsZSBub25jZQ==");
        QByteArray bad =
            "HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n";
        QCOMPARE(wrong.read(bad), WebSocketHandshakeReader::Result::Invalid);
    }

    void answer_refusal_keepsStatusAndBody_byLengthChunksOrClose()
    {
        const QByteArray json = R"({"error":"Unauthorized","errorCode":401})";
        WebSocketHandshakeReader byLength("k");
        QByteArray a = "HTTP/1.1 401 Unauthorized\r\nContent-Length: " + QByteArray::number(json.size())
                       + "\r\n\r\n" + json.left(10);
        QCOMPARE(byLength.read(a), WebSocketHandshakeReader::Result::NeedMore);
        a += json.mid(10);
        QCOMPARE(byLength.read(a), WebSocketHandshakeReader::Result::Refused);
        QCOMPARE(byLength.status(), 401);
        QCOMPARE(byLength.reason(), QByteArray("Unauthorized"));
        QCOMPARE(byLength.body(), json);

        WebSocketHandshakeReader chunked("k");
        QByteArray c =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        QCOMPARE(chunked.read(c), WebSocketHandshakeReader::Result::Refused);
        QCOMPARE(chunked.status(), 200);
        QCOMPARE(chunked.body(), QByteArray("hello world"));

        WebSocketHandshakeReader toClose("k");
        QByteArray d = "HTTP/1.0 502 Bad Gateway\r\n\r\npart";
        QCOMPARE(toClose.read(d), WebSocketHandshakeReader::Result::NeedMore);
        QCOMPARE(toClose.finish(d), WebSocketHandshakeReader::Result::Refused);
        QCOMPARE(toClose.body(), QByteArray("part"));
    }

private:
    struct RawHeader
    {
        // A frame header announcing `length` bytes, without them.
        static QByteArray of(WebSocketOpcode op, qint64 length)
        {
            QByteArray h;
            h += char(0x80 | quint8(op));
            h += char(127);
            for (int shift = 56; shift >= 0; shift -= 8)
                h += char((quint64(length) >> shift) & 0xFF);
            return h;
        }
    };
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
