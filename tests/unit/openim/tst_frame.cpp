// openimframe: JSON envelope encode/decode, base64 data, gzip with zlib, and a clean error
// (nullopt, no crash) for every truncated or garbled frame. docs/protocols.md "Frames".
#include "openim/openimframe.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <zlib.h>

using namespace ct;

namespace {
QByteArray envelope(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray binaryPayload()
{
    QByteArray b;
    for (int i = 0; i < 256; ++i)
        b.append(char(i));
    return b;
}
} // namespace

class TestOpenImFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodeRequest_writesEveryEnvelopeFieldAndBase64Data()
    {
        openim::Request r;
        r.reqIdentifier = openim::SendMsg;
        r.sendID = "u_bot";
        r.operationID = "op-1";
        r.msgIncr = "7";
        r.data = binaryPayload();
        const QJsonObject o = QJsonDocument::fromJson(openim::encodeRequest(r)).object();
        QCOMPARE(o.value("reqIdentifier").toInt(), 1003);
        QCOMPARE(o.value("token").toString(), QString()); // the token travels in the handshake only
        QVERIFY(o.contains("token"));
        QCOMPARE(o.value("sendID").toString(), QString("u_bot"));
        QCOMPARE(o.value("operationID").toString(), QString("op-1"));
        QCOMPARE(o.value("msgIncr").toString(), QString("7")); // a string on the wire
        QCOMPARE(QByteArray::fromBase64(o.value("data").toString().toLatin1()), binaryPayload());
    }

    void encodeRequest_emptyData_isEmptyBase64String()
    {
        openim::Request r;
        r.reqIdentifier = openim::GetNewestSeq;
        const QJsonObject o = QJsonDocument::fromJson(openim::encodeRequest(r)).object();
        QVERIFY(o.value("data").isString());
        QCOMPARE(o.value("data").toString(), QString());
    }

    void decodeResponse_readsEnvelopeAndDecodesBase64()
    {
        const auto r = openim::decodeResponse(
            envelope({{"reqIdentifier", 1002},
                      {"msgIncr", "12"},
                      {"operationID", "op"},
                      {"errCode", 0},
                      {"errMsg", ""},
                      {"data", QString::fromLatin1(binaryPayload().toBase64())}}));
        QVERIFY(r.has_value());
        QCOMPARE(r->reqIdentifier, 1002);
        QCOMPARE(r->msgIncr, QString("12"));
        QCOMPARE(r->operationID, QString("op"));
        QCOMPARE(r->errCode, 0);
        QCOMPARE(r->data, binaryPayload());
    }

    void decodeResponse_variants_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("msgIncr");
        QTest::addColumn<int>("errCode");
        QTest::newRow("data null") << envelope({{"reqIdentifier", 2001}, {"msgIncr", ""}, {"data", QJsonValue()}})
                                   << true << "" << 0;
        QTest::newRow("data missing") << envelope({{"reqIdentifier", 2002}}) << true << "" << 0;
        QTest::newRow("numeric msgIncr")
            << envelope({{"reqIdentifier", 1001}, {"msgIncr", 99}}) << true << "99" << 0;
        QTest::newRow("error answer") << envelope(
            {{"reqIdentifier", 1003}, {"msgIncr", "3"}, {"errCode", 1004}, {"errMsg", "RecordNotFoundError"}})
                                      << true << "3" << 1004;
        QTest::newRow("not JSON") << QByteArray("\x01not json") << false << "" << 0;
        QTest::newRow("empty") << QByteArray() << false << "" << 0;
        QTest::newRow("truncated JSON")
            << envelope({{"reqIdentifier", 1001}, {"msgIncr", "1"}}).chopped(3) << false << "" << 0;
        QTest::newRow("JSON array") << QByteArray("[1001]") << false << "" << 0;
        QTest::newRow("no reqIdentifier") << envelope({{"msgIncr", "1"}}) << false << "" << 0;
        QTest::newRow("reqIdentifier a string") << envelope({{"reqIdentifier", "1001"}}) << false << "" << 0;
        QTest::newRow("data not base64")
            << envelope({{"reqIdentifier", 1001}, {"data", "***not base64***"}}) << false << "" << 0;
        QTest::newRow("data a number") << envelope({{"reqIdentifier", 1001}, {"data", 5}}) << false << "" << 0;
        QTest::newRow("data an object")
            << envelope({{"reqIdentifier", 1001}, {"data", QJsonObject{}}}) << false << "" << 0;
    }
    void decodeResponse_variants()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, valid);
        QFETCH(QString, msgIncr);
        QFETCH(int, errCode);
        const auto r = openim::decodeResponse(frame);
        QCOMPARE(r.has_value(), valid);
        if (valid) {
            QCOMPARE(r->msgIncr, msgIncr);
            QCOMPARE(r->errCode, errCode);
            QVERIFY(r->data.isEmpty());
        }
    }

    void decodeResponse_everyPrefixOfAFrame_failsCleanly()
    {
        const QByteArray frame = envelope({{"reqIdentifier", 2001},
                                           {"msgIncr", "1"},
                                           {"operationID", "x"},
                                           {"data", QString::fromLatin1(binaryPayload().toBase64())}});
        for (int n = 0; n < frame.size(); ++n)
            QVERIFY2(!openim::decodeResponse(frame.left(n)).has_value(), qPrintable(QString::number(n)));
        QVERIFY(openim::decodeResponse(frame).has_value());
    }

    void decodeHandshake_readsErrCodeOrRefuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("errCode");
        QTest::newRow("accepted") << QByteArray("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}") << true << 0;
        QTest::newRow("expired") << QByteArray("{\"errCode\":1501,\"errMsg\":\"TokenExpiredError\"}") << true
                                 << 1501;
        QTest::newRow("pong is not a handshake") << QByteArray("{\"type\":\"pong\",\"body\":null}") << false << 0;
        QTest::newRow("garbage") << QByteArray("<html>") << false << 0;
        QTest::newRow("truncated") << QByteArray("{\"errCode\":15") << false << 0;
        QTest::newRow("empty") << QByteArray() << false << 0;
    }
    void decodeHandshake_readsErrCodeOrRefuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(int, errCode);
        const auto r = openim::decodeHandshake(text);
        QCOMPARE(r.has_value(), valid);
        if (valid)
            QCOMPARE(r->errCode, errCode);
    }

    void isPong_theGatewaysAnswerAndOnlyIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("pong");
        QTest::newRow("as the gateway writes it") << QStringLiteral("{\"type\":\"pong\",\"body\":null}") << true;
        QTest::newRow("without a body") << QStringLiteral("{\"type\":\"pong\"}") << true;
        QTest::newRow("spaced and reordered") << QStringLiteral("{ \"body\": {}, \"type\": \"pong\" }") << true;
        QTest::newRow("a ping") << QStringLiteral("{\"type\":\"ping\"}") << false;
        QTest::newRow("the handshake answer") << QStringLiteral("{\"errCode\":0,\"errMsg\":\"\"}") << false;
        QTest::newRow("pong prefix, broken JSON") << QStringLiteral("{\"type\":\"pong\",garbage") << false;
        QTest::newRow("the word alone") << QStringLiteral("pong") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void isPong_theGatewaysAnswerAndOnlyIt()
    {
        QFETCH(QString, text);
        QFETCH(bool, pong);
        QCOMPARE(openim::isPong(text), pong);
    }

    void gzip_roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<bool>("realRfc1952");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("envelope") << envelope({{"reqIdentifier", 1001}, {"msgIncr", "1"}, {"data", ""}}) << true;
        QTest::newRow("binary") << binaryPayload() << true;
        QByteArray big;
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 200000; ++i)
            big.append(char('a' + rng->bounded(4)));
        QTest::newRow("200 KB, more than one inflate buffer") << big << true;
    }
    void gzip_roundTrip()
    {
        QFETCH(QByteArray, plain);
        const QByteArray gz = openim::gzipCompress(plain);
        QVERIFY(gz.size() >= 18);
        QCOMPARE(uchar(gz[0]), uchar(0x1f)); // RFC 1952 magic, so the server's gzip reader accepts it
        QCOMPARE(uchar(gz[1]), uchar(0x8b));
        const auto back = openim::gzipDecompress(gz);
        QVERIFY(back.has_value());
        QCOMPARE(*back, plain);
    }

    void gzipDecompress_readsWhatZlibGzipWrites()
    {
        // Written independently with zlib's own gz stream setup (level 9, other settings).
        const QByteArray plain = envelope({{"reqIdentifier", 2001}, {"msgIncr", ""}, {"data", "AAEC"}});
        z_stream s{};
        QCOMPARE(deflateInit2(&s, 9, Z_DEFLATED, 31, 9, Z_FILTERED), Z_OK);
        QByteArray out(1024, Qt::Uninitialized);
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
        s.avail_in = uInt(plain.size());
        s.next_out = reinterpret_cast<Bytef *>(out.data());
        s.avail_out = uInt(out.size());
        QCOMPARE(deflate(&s, Z_FINISH), Z_STREAM_END);
        out.resize(int(s.total_out));
        deflateEnd(&s);
        QCOMPARE(openim::gzipDecompress(out).value_or(QByteArray("fail")), plain);
    }

    void gzipDecompress_truncatedOrGarbled_failsCleanly_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray gz = openim::gzipCompress(QByteArray(5000, 'x') + binaryPayload());
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain JSON (not gzip)") << envelope({{"reqIdentifier", 1001}});
        QTest::newRow("magic only") << gz.left(2);
        QTest::newRow("header only") << gz.left(10);
        QTest::newRow("half") << gz.left(gz.size() / 2);
        QTest::newRow("trailer cut") << gz.chopped(4);
        QTest::newRow("last byte cut") << gz.chopped(1);
        QByteArray crc = gz;
        crc[crc.size() - 6] = char(crc[crc.size() - 6] ^ 0x5a); // CRC32 mismatch
        QTest::newRow("bad CRC") << crc;
        QByteArray body = gz;
        for (int i = 12; i < 20 && i < body.size(); ++i)
            body[i] = char(0xff);
        QTest::newRow("garbled deflate body") << body;
        QByteArray magic = gz;
        magic[1] = 'X';
        QTest::newRow("wrong magic") << magic;
    }
    void gzipDecompress_truncatedOrGarbled_failsCleanly()
    {
        QFETCH(QByteArray, input);
        QVERIFY(!openim::gzipDecompress(input).has_value());
    }

    void gzipDecompress_aboveMaxSize_isRefused()
    {
        const QByteArray gz = openim::gzipCompress(QByteArray(100000, 'z'));
        QVERIFY(!openim::gzipDecompress(gz, 50000).has_value());
        QCOMPARE(openim::gzipDecompress(gz, 100000).value_or(QByteArray()).size(), 100000);
    }

    void gzipThenEnvelope_garbledFrame_decodesToNothing()
    {
        // A gzip frame that inflates to something that is not an envelope: a clean error too.
        const auto plain = openim::gzipDecompress(openim::gzipCompress("{\"reqIdentifier\":"));
        QVERIFY(plain.has_value());
        QVERIFY(!openim::decodeResponse(*plain).has_value());
    }
};

QTEST_GUILESS_MAIN(TestOpenImFrame)
#include "tst_frame.moc"
