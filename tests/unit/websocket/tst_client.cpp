// WebSocketClient on real sockets on 127.0.0.1: a scripted raw peer (tests/servers/websocket)
// sends exactly the bytes each case needs — fragments with control frames between them, a frame
// over the limit, text that is not UTF-8, a close with a code, a TCP drop without one, a 401 with
// a body — and decodes what the client sends (every frame masked). QWebSocketServer is the peer
// where a real WebSocket stack should agree with this one. Every case runs twice: with the
// upgraded stream on its QTcpSocket, and handed over to a SocketHub (as the tray and watch run).
#include "rawwebsocketpeer.h"
#include "websocket/sockethub.h"
#include "websocket/websocketclient.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace ct;
using ct::testserver::RawWebSocketPeer;

namespace {
bool tlsLibraryMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return true; // cannot tell: fail the check
    static const QRegularExpression tls(QStringLiteral("/lib(ssl|crypto)\\.so|qopensslbackend"));
    return tls.match(QString::fromLatin1(maps.readAll())).hasMatch();
}

using Frames = QList<RawWebSocketPeer::ClientFrame>;
} // namespace

class TestClient : public QObject
{
    Q_OBJECT
    std::unique_ptr<RawWebSocketPeer> m_peer;
    SocketHub m_hub; // outlives every client
    std::unique_ptr<WebSocketClient> m_client;

    // Opens the client on the raw peer and waits for the upgrade.
    bool openOnPeer(qint64 maxMessage = 1 << 20)
    {
        m_client->setMaxIncomingMessageBytes(maxMessage);
        QSignalSpy connected(m_client.get(), &WebSocketClient::connected);
        m_client->open(m_peer->url(QStringLiteral("/stream")), {{"X-Gotify-Key", "the-token"}});
        return connected.wait(5000) && m_client->state() == QAbstractSocket::ConnectedState;
    }
    Frames framesOf(int opcode) const
    {
        Frames out;
        for (const auto &f : m_peer->frames())
            if (f.opcode == opcode)
                out << f;
        return out;
    }
    static quint16 codeOf(const RawWebSocketPeer::ClientFrame &close)
    {
        if (close.payload.size() < 2)
            return 0;
        return quint16((uchar(close.payload.at(0)) << 8) | uchar(close.payload.at(1)));
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("hub");
        QTest::newRow("on its QTcpSocket") << false;
        QTest::newRow("on a socket hub") << true;
    }
    void init()
    {
        QFETCH_GLOBAL(bool, hub);
        m_peer = std::make_unique<RawWebSocketPeer>();
        QVERIFY(m_peer->listen());
        m_client = std::make_unique<WebSocketClient>();
        if (hub)
            m_client->setSocketHub(&m_hub);
    }
    void cleanup()
    {
        m_client.reset();
        m_peer.reset();
        QCOMPARE(m_hub.watchedCount(), 0); // every stream left the hub with its client
    }

    // First, while nothing in this process has touched TLS yet.
    void wsUrl_connectsWithoutLoadingTheTlsLibrary()
    {
        QVERIFY(!tlsLibraryMapped());
        QVERIFY(openOnPeer());
        QVERIFY(m_client->sendTextMessage(QStringLiteral("hi")));
        QTRY_COMPARE(framesOf(0x1).size(), 1);
        QVERIFY2(!tlsLibraryMapped(), "libssl/libcrypto mapped for a ws:// connection");
    }

    void upgradeRequest_carriesTheHeader_notTheToken_inTheUrl_andEveryClientFrameIsMasked()
    {
        QVERIFY(openOnPeer());
        const QByteArray head = m_peer->heads().value(0);
        QVERIFY2(head.startsWith("GET /stream HTTP/1.1\r\n"), head.constData());
        QVERIFY(head.contains("\r\nX-Gotify-Key: the-token\r\n"));
        m_client->sendTextMessage(QStringLiteral("t\u00E9xt"));
        m_client->sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
        m_client->ping("p");
        QTRY_COMPARE(m_peer->frames().size(), 3);
        QCOMPARE(m_peer->frames().at(0).payload, QByteArray("t\xC3\xA9xt"));
        QCOMPARE(m_peer->frames().at(1).payload, QByteArray("\x00\x01\x02", 3));
        QCOMPARE(m_peer->frames().at(2).opcode, 0x9);
        QVERIFY(!m_peer->protocolViolation()); // all masked
    }

    void fragmentedMessage_withPingsBetweenFragments_arrivesWhole_andEachPingIsAnswered()
    {
        QVERIFY(openOnPeer());
        QSignalSpy texts(m_client.get(), &WebSocketClient::textMessageReceived);
        QSignalSpy pings(m_client.get(), &WebSocketClient::pingReceived);
        m_peer->send(RawWebSocketPeer::frame(0x1, "one ", false) + RawWebSocketPeer::frame(0x9, "a")
                     + RawWebSocketPeer::frame(0x0, "two ", false) + RawWebSocketPeer::frame(0x9, "b")
                     + RawWebSocketPeer::frame(0x0, "three"));
        QTRY_COMPARE(texts.size(), 1);
        QCOMPARE(texts.at(0).at(0).toString(), QStringLiteral("one two three"));
        QCOMPARE(pings.size(), 2);
        QCOMPARE(pings.at(1).at(0).toByteArray(), QByteArray("b"));
        QTRY_COMPARE(framesOf(0xA).size(), 2); // the pongs echo the pings' data
        QCOMPARE(framesOf(0xA).at(0).payload, QByteArray("a"));
        QCOMPARE(framesOf(0xA).at(1).payload, QByteArray("b"));
    }

    void clientPing_isAnsweredByPong_withTheElapsedTime()
    {
        QVERIFY(openOnPeer());
        QSignalSpy pongs(m_client.get(), &WebSocketClient::pong);
        QVERIFY(m_client->ping("xyz"));
        QTRY_COMPARE(framesOf(0x9).size(), 1);
        m_peer->send(RawWebSocketPeer::frame(0xA, framesOf(0x9).at(0).payload));
        QTRY_COMPARE(pongs.size(), 1);
        QCOMPARE(pongs.at(0).at(1).toByteArray(), QByteArray("xyz"));
    }

    void msSinceReceived_restartsWithEveryServerFrame()
    {
        QVERIFY(openOnPeer());
        QTRY_VERIFY(m_client->msSinceReceived() >= 50);
        QSignalSpy pings(m_client.get(), &WebSocketClient::pingReceived);
        m_peer->send(RawWebSocketPeer::frame(0x9, {}));
        QTRY_COMPARE(pings.size(), 1);
        QVERIFY(m_client->msSinceReceived() < 50);
    }

    void oversizedFrame_closesWith1009_beforeItsPayloadArrives()
    {
        QVERIFY(openOnPeer(1000));
        QSignalSpy errors(m_client.get(), &WebSocketClient::errorOccurred);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_peer->send(RawWebSocketPeer::frame(0x2, {}, true, 1001)); // the header only
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_client->closeCode(), quint16(WebSocketCloseCode::TooBig));
        QVERIFY2(m_client->errorString().contains(QLatin1String("1009")), qPrintable(m_client->errorString()));
        QTRY_COMPARE(framesOf(0x8).size(), 1);
        QCOMPARE(codeOf(framesOf(0x8).at(0)), quint16(1009));
        QTRY_VERIFY(m_peer->clientClosed());
    }

    void invalidUtf8Text_closesWith1007()
    {
        QVERIFY(openOnPeer());
        QSignalSpy texts(m_client.get(), &WebSocketClient::textMessageReceived);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_peer->send(RawWebSocketPeer::frame(0x1, "ok \xC0\xAF"));
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(texts.size(), 0);
        QCOMPARE(m_client->closeCode(), quint16(WebSocketCloseCode::InvalidPayload));
        QTRY_COMPARE(framesOf(0x8).size(), 1);
        QCOMPARE(codeOf(framesOf(0x8).at(0)), quint16(1007));
    }

    void serverClose_isEchoedWithItsCode_andEndsWithoutAnError()
    {
        QVERIFY(openOnPeer());
        QSignalSpy errors(m_client.get(), &WebSocketClient::errorOccurred);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_peer->send(RawWebSocketPeer::frame(0x8, QByteArray("\x0F\xA1", 2) + "bye")); // 4001
        QTRY_COMPARE(framesOf(0x8).size(), 1);
        QCOMPARE(codeOf(framesOf(0x8).at(0)), quint16(4001));
        m_peer->closeTcp();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(errors.size(), 0);
        QCOMPARE(m_client->closeCode(), quint16(4001));
        QCOMPARE(m_client->closeReason(), QStringLiteral("bye"));
    }

    void clientClose_sendsItsCode_andEndsWhenTheServerAnswers()
    {
        QVERIFY(openOnPeer());
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_client->close(WebSocketCloseCode::GoingAway, QStringLiteral("done"));
        QCOMPARE(m_client->state(), QAbstractSocket::ClosingState);
        QTRY_COMPARE(framesOf(0x8).size(), 1);
        QCOMPARE(codeOf(framesOf(0x8).at(0)), quint16(1001));
        QCOMPARE(framesOf(0x8).at(0).payload.mid(2), QByteArray("done"));
        m_peer->send(RawWebSocketPeer::frame(0x8, QByteArray("\x03\xE9", 2)));
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_client->closeCode(), quint16(1001));
    }

    void clientClose_withASilentServer_endsAfterTheCloseTimeout()
    {
        QVERIFY(openOnPeer());
        m_client->setCloseTimeoutMs(100);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_client->close();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_client->state(), QAbstractSocket::UnconnectedState);
    }

    void serverDropsTcpWithoutClose_isCode1006_andAnError()
    {
        QVERIFY(openOnPeer());
        QSignalSpy errors(m_client.get(), &WebSocketClient::errorOccurred);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_peer->dropTcp();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_client->closeCode(), quint16(WebSocketCloseCode::Abnormal));
        QVERIFY(!m_client->errorString().isEmpty());
    }

    void refusedUpgrade_401_exposesStatusAndBody()
    {
        const QByteArray body =
            R"({"error":"Unauthorized","errorCode":401,"errorDescription":"you need to provide a valid access token"})";
        m_peer->setAnswer(
            [body](const QByteArray &) { return RawWebSocketPeer::httpAnswer(401, "Unauthorized", body); });
        QSignalSpy errors(m_client.get(), &WebSocketClient::errorOccurred);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        QSignalSpy connected(m_client.get(), &WebSocketClient::connected);
        m_client->open(m_peer->url(QStringLiteral("/stream")));
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(connected.size(), 0);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<QAbstractSocket::SocketError>(),
                 QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(m_client->httpStatus(), 401);
        QCOMPARE(m_client->httpBody(), body);
        QVERIFY2(m_client->errorString().contains(QLatin1String("401")), qPrintable(m_client->errorString()));
    }

    void refusedUpgrade_bodyToTheEndOfTheConnection_isReadWhenTheServerCloses()
    {
        m_peer->setAnswer(
            [](const QByteArray &) { return QByteArray("HTTP/1.1 200 OK\r\n\r\n{\"errCode\":1501}"); });
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_client->open(m_peer->url());
        QTRY_COMPARE(m_peer->heads().size(), 1);
        m_peer->closeTcp();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_client->httpStatus(), 200);
        QCOMPARE(m_client->httpBody(), QByteArray("{\"errCode\":1501}"));
    }

    void nothingListening_isAnErrorThenDisconnected()
    {
        const QUrl url = m_peer->url();
        m_peer.reset(); // the port is closed now
        QSignalSpy errors(m_client.get(), &WebSocketClient::errorOccurred);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_client->open(url);
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_client->error(), QAbstractSocket::ConnectionRefusedError);
        m_peer = std::make_unique<RawWebSocketPeer>();
    }

    void upgradedStream_withAHub_movesToIt_andLeavesItWhenItEnds()
    {
        QFETCH_GLOBAL(bool, hub);
        QVERIFY(openOnPeer());
        QCOMPARE(m_client->onHub(), hub);
        QCOMPARE(m_hub.watchedCount(), hub ? 1 : 0);
        // The connection Qt's socket held is still open on the hub's descriptor: both ways work.
        QSignalSpy texts(m_client.get(), &WebSocketClient::textMessageReceived);
        m_peer->send(RawWebSocketPeer::frame(0x1, "from the server"));
        QTRY_COMPARE(texts.size(), 1);
        QVERIFY(m_client->sendTextMessage(QStringLiteral("from the client")));
        QTRY_COMPARE(framesOf(0x1).size(), 1);
        QCOMPARE(framesOf(0x1).at(0).payload, QByteArray("from the client"));
        QVERIFY(!m_peer->clientClosed());
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_peer->dropTcp();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_hub.watchedCount(), 0);
        QCOMPARE(m_client->error(), QAbstractSocket::RemoteHostClosedError);
    }

    void abort_disconnectsBeforeItReturns_andTheClientOpensAgain()
    {
        QVERIFY(openOnPeer());
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        m_client->abort();
        QCOMPARE(gone.size(), 1);
        QCOMPARE(m_client->state(), QAbstractSocket::UnconnectedState);
        m_client->abort(); // nothing more
        QCOMPARE(gone.size(), 1);
        QVERIFY(openOnPeer());
        QCOMPARE(m_peer->connections(), 2);
    }

    void againstQWebSocketServer_messagesBothWays_largeAndSmall()
    {
        QWebSocketServer server(QStringLiteral("t"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebSocket *peer = nullptr;
        QStringList texts;
        QList<QByteArray> binaries;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            connect(peer, &QWebSocket::textMessageReceived, this, [&](const QString &t) { texts << t; });
            connect(peer, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &b) { binaries << b; });
        });
        QSignalSpy connected(m_client.get(), &WebSocketClient::connected);
        QSignalSpy received(m_client.get(), &WebSocketClient::binaryMessageReceived);
        QSignalSpy pongs(m_client.get(), &WebSocketClient::pong);
        m_client->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        QVERIFY(connected.wait(5000));
        QTRY_VERIFY(peer);
        const QByteArray large(1 << 20, 'L');
        m_client->sendTextMessage(QStringLiteral("small \u2713"));
        m_client->sendBinaryMessage(large);
        m_client->ping("q");
        QTRY_COMPARE(binaries.size(), 1);
        QCOMPARE(texts, QStringList{QStringLiteral("small \u2713")});
        QCOMPARE(binaries.at(0), large);
        QTRY_COMPARE(pongs.size(), 1);
        peer->sendBinaryMessage(large);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toByteArray(), large);
        QSignalSpy gone(m_client.get(), &WebSocketClient::disconnected);
        peer->close(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_client->closeCode(), quint16(WebSocketCloseCode::GoingAway));
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
