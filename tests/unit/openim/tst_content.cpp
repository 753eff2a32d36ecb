// openimcontent: MsgData content JSON → readable text (raw content kept), and malformed
// content never crashes. docs/protocols.md "Content JSON".
#include "openim/openimcontent.h"
#include "openim/openimmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ct;

namespace {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray pictureJson(const QString &url)
{
    const QJsonObject picture{{"uuid", "p1"}, {"type", "image/png"}, {"size", 10},
                              {"width", 4},   {"height", 3},         {"url", url}};
    return json(
        {{"sourcePath", ""}, {"sourcePicture", picture}, {"bigPicture", picture}, {"snapshotPicture", picture}});
}

ct::openim::MsgData msgData(const QString &from, const QString &to, const QString &group, int type,
                            const QByteArray &content)
{
    ct::openim::MsgData m;
    m.sendID = from;
    m.recvID = to;
    m.groupID = group;
    m.clientMsgID = QStringLiteral("cmid-1");
    m.serverMsgID = QStringLiteral("smid-1");
    m.sessionType = group.isEmpty() ? 1 : 3;
    m.contentType = type;
    m.content = content;
    m.seq = 42;
    m.sendTime = 1700000000123;
    m.senderNickname = QStringLiteral("Alice");
    return m;
}
} // namespace

class TestOpenImContent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readableText_eachContentType_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("imageUrl");
        QTest::newRow("101 text") << 101 << json({{"content", "hello"}}) << "hello"
                                  << "";
        QTest::newRow("101 text, unicode")
            << 101 << json({{"content", QString::fromUtf8("h\xC3\xA9 \xE2\x9C\x93")}})
            << QString::fromUtf8("h\xC3\xA9 \xE2\x9C\x93") << "";
        QTest::newRow("102 picture") << 102 << pictureJson("http://x/p.png") << "[picture] http://x/p.png"
                                     << "http://x/p.png";
        QTest::newRow("104 video") << 104
                                   << json({{"videoUrl", "http://x/v.mp4"},
                                            {"videoType", "video/mp4"},
                                            {"videoSize", 100},
                                            {"duration", 3},
                                            {"snapshotUrl", "http://x/s.jpg"}})
                                   << "[video] http://x/v.mp4"
                                   << "";
        QTest::newRow("105 file") << 105
                                  << json({{"uuid", "f1"},
                                           {"sourceUrl", "http://x/report.pdf"},
                                           {"fileName", "report.pdf"},
                                           {"fileSize", 2048}})
                                  << "[file] report.pdf http://x/report.pdf"
                                  << "";
        QTest::newRow("106 @-text")
            << 106 << json({{"text", "@bob look"}, {"atUserList", QJsonArray{"u_bob"}}, {"isAtSelf", false}})
            << "@bob look"
            << "";
        QTest::newRow("118 markdown (content)") << 118 << json({{"content", "**bold**"}}) << "**bold**"
                                                << "";
        QTest::newRow("118 markdown (markdown key)") << 118 << json({{"markdown", "# title"}}) << "# title"
                                                     << "";
        QTest::newRow("unknown type with content") << 1400 << json({{"content", "custom"}}) << "custom"
                                                   << "";
        QTest::newRow("unknown type without content") << 1400 << json({{"x", 1}}) << "[content type 1400]"
                                                      << "";
        QTest::newRow("102 picture without url") << 102 << json({{"sourcePicture", QJsonObject{}}}) << "[picture]"
                                                 << "";
        QTest::newRow("105 file without name") << 105 << json({{"sourceUrl", "http://x/f"}}) << "[file] http://x/f"
                                               << "";
    }
    void readableText_eachContentType()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, content);
        QFETCH(QString, text);
        QFETCH(QString, imageUrl);
        QString image;
        QCOMPARE(ct::openim::readableText(type, content, &image), text);
        QCOMPARE(image, imageUrl);
        QCOMPARE(ct::openim::readableText(type, content), text); // imageUrl is optional
    }

    void readableText_malformedContent_readableFallbackNoCrash_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("text");
        QTest::newRow("101 plain text, not JSON") << 101 << QByteArray("just words") << "just words";
        QTest::newRow("101 truncated JSON") << 101 << QByteArray("{\"content\":\"hel") << "{\"content\":\"hel";
        QTest::newRow("101 empty") << 101 << QByteArray() << "[content type 101]";
        QTest::newRow("101 whitespace") << 101 << QByteArray("  \n") << "[content type 101]";
        QTest::newRow("101 JSON array") << 101 << QByteArray("[1,2]") << "[1,2]";
        QTest::newRow("106 garbage") << 106 << QByteArray("@x {") << "@x {";
        QTest::newRow("118 invalid UTF-8") << 118 << QByteArray("\xff\xfe ok") << QString::fromUtf8("\xff\xfe ok");
        QTest::newRow("102 truncated") << 102 << QByteArray("{\"sourcePicture\":{\"url\":\"htt")
                                       << "[content type 102]";
        QTest::newRow("104 not JSON") << 104 << QByteArray("video!") << "[content type 104]";
        QTest::newRow("105 JSON string") << 105 << QByteArray("\"file\"") << "[content type 105]";
        QTest::newRow("102 sourcePicture not an object") << 102 << json({{"sourcePicture", 7}}) << "[picture]";
        QTest::newRow("101 content not a string") << 101 << json({{"content", 5}}) << "[content type 101]";
        QTest::newRow("binary noise") << 101 << QByteArray("\x00\x01\x02", 3)
                                      << QString::fromUtf8(QByteArray("\x00\x01\x02", 3));
    }
    void readableText_malformedContent_readableFallbackNoCrash()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, content);
        QFETCH(QString, text);
        QString image;
        QCOMPARE(ct::openim::readableText(type, content, &image), text);
        QVERIFY(image.isEmpty());
    }

    void readableText_hugeMalformedText_isCappedNotCopiedWhole()
    {
        const QByteArray big(100000, 'a');
        QCOMPARE(ct::openim::readableText(101, big).size(), 2000);
    }

    void toInbound_direct_keepsRawContentAndFields()
    {
        const QByteArray content = pictureJson("http://x/p.png");
        const auto m = ct::openim::toInbound(msgData("u_alice", "u_bot", {}, 102, content), "si_u_alice_u_bot",
                                             AccountAddress::parse("multi-openim/primary"), "u_bot", false,
                                             InboundMessage::Via::Stream);
        QCOMPARE(m.text, QString("[picture] http://x/p.png"));
        QCOMPARE(m.imageUrl, QString("http://x/p.png"));
        QCOMPARE(m.rawContent, QString::fromUtf8(content));
        QCOMPARE(m.contentType, QString("102"));
        QCOMPARE(m.id, QString("cmid-1"));
        QCOMPARE(m.seq, qint64(42));
        QCOMPARE(m.peer, QString("u_alice"));
        QCOMPARE(m.sender, QString("u_alice"));
        QCOMPARE(m.senderName, QString("Alice"));
        QVERIFY(m.groupId.isEmpty());
        QCOMPARE(m.direction, InboundMessage::Direction::In);
        QCOMPARE(m.serverTime.toMSecsSinceEpoch(), qint64(1700000000123));
        QCOMPARE(m.via, InboundMessage::Via::Stream);
        QVERIFY(!m.isNotification);
    }

    void toInbound_sentBySelf_isOutgoingAndPeerIsRecipient()
    {
        const auto m = ct::openim::toInbound(msgData("u_bot", "u_alice", {}, 101, json({{"content", "hi"}})),
                                             "si_u_alice_u_bot", AccountAddress{}, "u_bot", false,
                                             InboundMessage::Via::Catchup);
        QCOMPARE(m.direction, InboundMessage::Direction::Out);
        QCOMPARE(m.peer, QString("u_alice"));
        QCOMPARE(m.via, InboundMessage::Via::Catchup);
    }

    void toInbound_groupAtText_peerIsGroupAndAtListKept()
    {
        auto data = msgData("u_bob", {}, "g_ops", 106, json({{"text", "@u_bot ping"}}));
        data.atUserIDList = QStringList{"u_bot", "AtAllTag"};
        const auto m = ct::openim::toInbound(data, "sg_g_ops", AccountAddress{}, "u_bot", false,
                                             InboundMessage::Via::Stream);
        QCOMPARE(m.peer, QString("g_ops"));
        QCOMPARE(m.groupId, QString("g_ops"));
        QCOMPARE(m.text, QString("@u_bot ping"));
        QCOMPARE(m.atUserIds, QStringList({"u_bot", "AtAllTag"}));
    }

    void toInbound_notificationConversation_isNotification()
    {
        const auto m = ct::openim::toInbound(msgData("imAdmin", "u_bot", {}, 1400, json({{"detail", "{}"}})),
                                             "n_imAdmin_u_bot", AccountAddress{}, "u_bot", false,
                                             InboundMessage::Via::Stream);
        QVERIFY(m.isNotification);
        QCOMPARE(m.text, QString("[content type 1400]"));
    }

    void toInbound_malformedContent_keepsRawAndFallsBack()
    {
        auto data = msgData("u_alice", "u_bot", {}, 101, QByteArray("{broken"));
        data.clientMsgID.clear();
        const auto m = ct::openim::toInbound(data, "si_u_alice_u_bot", AccountAddress{}, "u_bot", false,
                                             InboundMessage::Via::Stream);
        QCOMPARE(m.text, QString("{broken"));
        QCOMPARE(m.rawContent, QString("{broken"));
        QCOMPARE(m.id, QString("smid-1")); // serverMsgID when no clientMsgID
    }

    void sendContent_roundTripsThroughReadableText()
    {
        QCOMPARE(ct::openim::readableText(101, ct::openim::textContent("x y")), QString("x y"));
        QCOMPARE(ct::openim::readableText(102, ct::openim::pictureContent("http://h/a.png")),
                 QString("[picture] http://h/a.png"));
        QCOMPARE(ct::openim::readableText(104, ct::openim::videoContent("http://h/a.mp4")),
                 QString("[video] http://h/a.mp4"));
        QCOMPARE(ct::openim::readableText(105, ct::openim::fileContent("http://h/a.pdf")),
                 QString("[file] a.pdf http://h/a.pdf"));
    }
};

QTEST_GUILESS_MAIN(TestOpenImContent)
#include "tst_content.moc"
