// Our protobuf codec for the OpenIM messages (openim/openimmessages.h) on input protobuf would not
// write but may read: unknown fields, known fields of another wire type, fields repeated on the
// wire, cut and garbled bytes. Each case is also given to protobuf's generated code: we accept
// what it accepts, with the same fields, and refuse (with a reason, never a crash) what it refuses.
#include "wirecrosscheck.h"

#include <QRandomGenerator>
#include <QtTest>

#include <google/protobuf/stubs/logging.h>

using namespace ct::testsupport;

namespace {
// The wire format written by hand here, so that the input does not come from the code tested.
QByteArray varint(quint64 v)
{
    QByteArray out;
    for (; v >= 0x80; v >>= 7)
        out.append(char(v | 0x80));
    return out.append(char(v));
}
QByteArray tag(int field, int wireType)
{
    return varint(quint64(field) << 3 | quint64(wireType));
}
QByteArray len(int field, const QByteArray &value)
{
    return tag(field, 2) + varint(quint64(value.size())) + value;
}
QByteArray num(int field, quint64 value)
{
    return tag(field, 0) + varint(value);
}

// One unknown field of each wire type, a group holding a nested group among them, and field 13
// (a gap in MsgData's numbers).
QByteArray unknownFields()
{
    return num(99, 12345) + tag(100, 1) + QByteArray(8, 'x') + len(101, "xyz") + tag(102, 3) + num(1, 1)
           + tag(103, 3) + len(2, "in a group") + tag(103, 4) + tag(102, 4) + tag(104, 5) + QByteArray(4, 'y')
           + num(13, 5);
}

// Decodes `bytes` with both; both must accept or both refuse, and agree on the fields.
template <typename Ours, typename Pb> std::optional<Ours> bothDecode(const QByteArray &bytes)
{
    QString error;
    const auto mine = ours::decode<Ours>(bytes, &error);
    const auto theirs = protobufParse<Pb>(bytes);
    const QString input = QString::fromLatin1(bytes.toHex(' '));
    if (mine.has_value() != theirs.has_value()) {
        QTest::qFail(qPrintable(QStringLiteral("we %1, protobuf %2: %3 (%4)")
                                    .arg(QLatin1String(mine ? "accept" : "refuse"),
                                         QLatin1String(theirs ? "accepts" : "refuses"), input, error)),
                     __FILE__, __LINE__);
        return std::nullopt;
    }
    if (!mine) {
        if (error.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("refused without a reason: %1").arg(input)), __FILE__,
                         __LINE__);
        return std::nullopt;
    }
    sameAs(*theirs, *mine);
    return mine;
}

QByteArray pushedBytes()
{
    pb::PushMessages push;
    pb::PullMsgs pull;
    for (qint64 seq = 1; seq <= 3; ++seq)
        *pull.add_msgs() = fullProtobufMsgData(seq);
    (*push.mutable_msgs())["si_u_alice_u_bot"] = pull;
    (*push.mutable_notificationmsgs())["n_u_bot"] = pull;
    return bytesOf(push);
}
} // namespace

class TestOpenImWireFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        google::protobuf::SetLogHandler(nullptr); // its log line for each invalid UTF-8 case here
    }

    void unknownFieldsOfEveryWireType_areSkippedAtEveryLevel()
    {
        const QByteArray msg = bytesOf(fullProtobufMsgData()) + unknownFields();
        const QByteArray pull = unknownFields() + len(1, msg) + unknownFields();
        const QByteArray entry = len(1, "si_u_alice_u_bot") + unknownFields() + len(2, pull);
        const auto push = bothDecode<ours::PushMessages, pb::PushMessages>(unknownFields() + len(1, entry));
        QVERIFY(push);
        QCOMPARE(push->msgs.value("si_u_alice_u_bot").msgs.size(), 1);
        QCOMPARE(push->msgs.value("si_u_alice_u_bot").msgs[0].content, fullMsgData().content);
    }

    void knownFieldsOfAnotherWireType_areSkippedAsUnknown()
    {
        // seq as bytes, sendID as a number, offlinePushInfo as a number, options as fixed32,
        // atUserIDList as fixed64; then a well-formed contentType.
        const QByteArray bytes = len(14, "ab") + num(1, 3) + num(20, 1) + tag(19, 5) + QByteArray(4, 'o')
                                 + tag(21, 1) + QByteArray(8, 'a') + num(11, 101);
        const auto msg = bothDecode<ours::MsgData, pb::MsgData>(bytes);
        QVERIFY(msg);
        QCOMPARE(msg->seq, 0);
        QVERIFY(msg->sendID.isEmpty());
        QVERIFY(!msg->offlinePushInfo);
        QVERIFY(msg->options.isEmpty());
        QVERIFY(msg->atUserIDList.isEmpty());
        QCOMPARE(msg->contentType, 101);
    }

    void fieldsRepeatedOnTheWire_lastValueWinsListsAppendMessagesMergeMapKeysReplace()
    {
        const QByteArray bytes = len(1, "first") + len(1, "last") + num(14, 9) + num(14, 10)
                                 + len(20, len(1, "title")) + len(20, len(2, "desc")) + len(21, "a") + len(21, "b")
                                 + len(19, len(1, "k") + num(2, 1)) + len(19, len(1, "k") + num(2, 0))
                                 + len(19, len(1, "keyOnly")) + len(19, num(2, 1))
                                 + len(19, len(1, "x") + len(1, "twice") + num(2, 1));
        const auto msg = bothDecode<ours::MsgData, pb::MsgData>(bytes);
        QVERIFY(msg);
        QCOMPARE(msg->sendID, QString("last"));
        QCOMPARE(msg->seq, 10);
        QCOMPARE(msg->offlinePushInfo->title, QString("title"));
        QCOMPARE(msg->offlinePushInfo->desc, QString("desc"));
        QCOMPARE(msg->atUserIDList, QStringList({"a", "b"}));
        const QMap<QString, bool> options{{"k", false}, {"keyOnly", false}, {"", true}, {"twice", true}};
        QCOMPARE(msg->options, options);
    }

    void cutAtEveryByte_isAcceptedExactlyWhereProtobufAcceptsIt()
    {
        const QByteArray whole = pushedBytes();
        for (qsizetype cut = 0; cut < whole.size(); ++cut) {
            bothDecode<ours::PushMessages, pb::PushMessages>(whole.left(cut));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("at cut %1 of %2").arg(cut).arg(whole.size())));
        }
        const QByteArray msg = bytesOf(fullProtobufMsgData());
        for (qsizetype cut = 0; cut < msg.size(); ++cut) {
            bothDecode<ours::MsgData, pb::MsgData>(msg.left(cut));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("MsgData at cut %1 of %2").arg(cut).arg(msg.size())));
        }
    }

    void garbled_isRefusedWithAReason_asProtobufRefusesIt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("field number 0") << QByteArray::fromHex("0001");
        QTest::newRow("field number 0, bytes") << QByteArray::fromHex("0200");
        QTest::newRow("wire type 6") << QByteArray::fromHex("0e00");
        QTest::newRow("wire type 7") << QByteArray::fromHex("0f00");
        QTest::newRow("end of a group never started") << QByteArray::fromHex("0c");
        QTest::newRow("group never ended") << QByteArray::fromHex("0b0801");
        QTest::newRow("group ended by another field") << QByteArray::fromHex("0b14");
        QTest::newRow("length past the end") << QByteArray::fromHex("0a056162");
        QTest::newRow("length of 4 GiB") << QByteArray::fromHex("0affffffff0f61");
        QTest::newRow("varint of eleven bytes") << QByteArray::fromHex("70ffffffffffffffffffff01");
        QTest::newRow("varint cut") << QByteArray::fromHex("70ff");
        QTest::newRow("tag past 32 bits") << QByteArray::fromHex("ffffffff7f00");
        QTest::newRow("string past its embedded message") << len(20, QByteArray::fromHex("0a0561")) + "bcde";
        QTest::newRow("map entry cut") << len(19, QByteArray::fromHex("0a05"));
        QTest::newRow("string of byte ff") << len(1, "\xff");
        QTest::newRow("string with an overlong form") << len(1, "\xc0\x80");
        QTest::newRow("string with a surrogate") << len(1, "\xed\xa0\x80");
        QTest::newRow("string past U+10FFFF") << len(1, "\xf4\x90\x80\x80");
        QTest::newRow("string with a cut sequence") << len(1, "ok\xe2\x82");
        QTest::newRow("map key not UTF-8") << len(19, len(1, "\xff") + num(2, 1));
        QTest::newRow("@ list entry not UTF-8") << len(21, "\x80");
        QTest::newRow("push info title not UTF-8") << len(20, len(1, "\xfe"));
    }

    void garbled_isRefusedWithAReason_asProtobufRefusesIt()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        QVERIFY(!ours::decode<ours::MsgData>(bytes, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!protobufParse<pb::MsgData>(bytes));
    }

    void unusualButValidUtf8_isReadAsProtobufReadsIt()
    {
        static constexpr char kName[] = "\xef\xbb\xbf"
                                        "BOM first, U+FFFF \xef\xbf\xbf, NUL \0 and \xf0\x9f\xa6\x8a";
        const QByteArray name(kName, sizeof(kName) - 1);
        const auto msg = bothDecode<ours::MsgData, pb::MsgData>(len(7, name));
        QVERIFY(msg);
        QVERIFY(msg->senderNickname.startsWith(QChar(0xFEFF)));
        QCOMPARE(msg->senderNickname.toUtf8(), name);
    }

    void nestedGroups_areSkippedUpToTheDepthLimit_andRefusedPastIt()
    {
        const auto groups = [](int depth) {
            return tag(99, 3).repeated(depth) + num(11, 101) + tag(99, 4).repeated(depth) + num(11, 102);
        };
        const auto shallow = bothDecode<ours::MsgData, pb::MsgData>(groups(50));
        QVERIFY(shallow);
        QCOMPARE(shallow->contentType, 102);
        const auto deep = bothDecode<ours::MsgData, pb::MsgData>(groups(150));
        QVERIFY(!deep && !QTest::currentTestFailed());
        // Far deeper than any stack would hold if each level recursed without a limit.
        QVERIFY(!ours::decode<ours::MsgData>(groups(1000000)));
    }

    void randomlyMutatedPushes_neverCrash_andAgreeWithProtobuf()
    {
        const QByteArray whole = pushedBytes();
        QRandomGenerator random(11); // fixed: a failure is the same failure on every run
        int accepted = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = whole;
            for (int edits = 1 + random.bounded(4); edits > 0 && !bytes.isEmpty(); --edits) {
                const auto at = qsizetype(random.bounded(int(bytes.size())));
                switch (random.bounded(4)) {
                case 0:
                    bytes[at] = char(random.bounded(256));
                    break;
                case 1:
                    bytes.insert(at, char(random.bounded(256)));
                    break;
                case 2:
                    bytes.remove(at, 1 + random.bounded(8));
                    break;
                default:
                    bytes.truncate(at);
                    break;
                }
            }
            if (bothDecode<ours::PushMessages, pb::PushMessages>(bytes))
                ++accepted;
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("round %1").arg(round)));
        }
        qInfo("%d of 3000 mutated pushes decoded (by both)", accepted);
    }
};

QTEST_GUILESS_MAIN(TestOpenImWireFaults)
#include "tst_wirefaults.moc"
