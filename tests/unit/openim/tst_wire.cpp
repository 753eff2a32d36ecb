// Our protobuf codec for the OpenIM messages (openim/openimmessages.h) against protobuf's own
// generated code for the same .proto: what protobuf encodes we decode to the same fields, what we
// encode protobuf parses to the same fields, byte for byte where protobuf's output is fixed.
#include "wirecrosscheck.h"

#include <QtTest>

#include <limits>

using namespace ct::testsupport;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

pb::PullMsgs protobufPull(qint64 firstSeq, int count, bool isEnd)
{
    pb::PullMsgs pull;
    for (int i = 0; i < count; ++i)
        *pull.add_msgs() = fullProtobufMsgData(firstSeq + i);
    pull.set_isend(isEnd);
    pull.set_endseq(firstSeq + count - 1);
    return pull;
}

ours::PullMsgs ourPull(qint64 firstSeq, int count, bool isEnd)
{
    ours::PullMsgs pull;
    for (int i = 0; i < count; ++i)
        pull.msgs.append(fullMsgData(firstSeq + i));
    pull.isEnd = isEnd;
    pull.endSeq = firstSeq + count - 1;
    return pull;
}

// Three conversations (one with no messages, one with the empty ID) and a notification one.
template <typename PbPulled> PbPulled protobufPulled()
{
    PbPulled p;
    (*p.mutable_msgs())["si_u_alice_u_bot"] = protobufPull(1, 3, true);
    (*p.mutable_msgs())["sg_g_ops"] = pb::PullMsgs();
    (*p.mutable_msgs())[""] = protobufPull(kMax - 1, 1, false);
    (*p.mutable_notificationmsgs())["n_u_bot"] = protobufPull(7, 2, true);
    return p;
}

ours::PullMessageBySeqsResp ourPulled()
{
    ours::PullMessageBySeqsResp p;
    p.msgs.insert(QStringLiteral("si_u_alice_u_bot"), ourPull(1, 3, true));
    p.msgs.insert(QStringLiteral("sg_g_ops"), ours::PullMsgs());
    p.msgs.insert(QString(), ourPull(kMax - 1, 1, false));
    p.notificationMsgs.insert(QStringLiteral("n_u_bot"), ourPull(7, 2, true));
    return p;
}

// Both directions for one message: protobuf's bytes decode to its fields, ours parse to ours.
template <typename Ours, typename Pb> void crossCheck(const Pb &theirs, const Ours &mine)
{
    QString error;
    const auto decoded = ours::decode<Ours>(bytesOf(theirs), &error);
    QVERIFY2(decoded, qPrintable(error));
    sameAs(theirs, *decoded);
    if (QTest::currentTestFailed())
        return;
    const auto parsed = protobufParse<Pb>(ours::encode(mine));
    QVERIFY(parsed);
    sameAs(*parsed, mine);
}
} // namespace

class TestOpenImWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void msgData_everyFieldSet_crossChecksBothWays() { crossCheck(fullProtobufMsgData(), fullMsgData()); }

    void msgData_withAOneEntryMap_isTheSameBytesAsProtobufs()
    {
        // With one map entry protobuf's output has one order: ours must be the same bytes.
        pb::MsgData theirs = fullProtobufMsgData();
        theirs.mutable_options()->erase("persistent");
        theirs.mutable_options()->erase("");
        ours::MsgData mine = fullMsgData();
        mine.options = {{QStringLiteral("history"), true}};
        QCOMPARE(ours::encode(mine).toHex(), bytesOf(theirs).toHex());
    }

    void pulledMessages_mapsOfConversations_crossCheckBothWays()
    {
        crossCheck(protobufPulled<pb::PullMessageBySeqsResp>(), ourPulled());
    }

    void pushedMessages_sameFieldsAsPulled_crossCheckBothWays()
    {
        crossCheck(protobufPulled<pb::PushMessages>(), ourPulled());
    }

    void newestSeqs_mapsOfExtremeSeqs_crossCheckBothWays()
    {
        pb::GetMaxSeqResp theirs;
        ours::GetMaxSeqResp mine;
        const QList<QPair<QString, qint64>> seqs{
            {"si_a", 0}, {"si_b", 1}, {"sg_c", kMax}, {"n_d", kMin}, {"", -1}};
        for (const auto &[id, seq] : seqs) {
            // Negated in two's complement: kMin stays kMin (plain -seq overflows for it).
            const qint64 negated = qint64(0 - quint64(seq));
            (*theirs.mutable_maxseqs())[id.toStdString()] = seq;
            (*theirs.mutable_minseqs())[id.toStdString()] = negated;
            mine.maxSeqs.insert(id, seq);
            mine.minSeqs.insert(id, negated);
        }
        crossCheck(theirs, mine);
    }

    void requests_newestSeqAndPullBySeqs_crossCheckBothWays()
    {
        pb::GetMaxSeqReq theirNewest;
        theirNewest.set_userid("u_bot");
        crossCheck(theirNewest, ours::GetMaxSeqReq{QStringLiteral("u_bot")});

        pb::PullMessageBySeqsReq theirPull;
        ours::PullMessageBySeqsReq myPull;
        theirPull.set_userid("u_bot");
        myPull.userID = QStringLiteral("u_bot");
        for (int i = 0; i < 3; ++i) {
            auto *range = theirPull.add_seqranges();
            range->set_conversationid("si_" + std::to_string(i));
            range->set_begin(i * 100 + 1);
            range->set_end(i * 100 + 100);
            range->set_num(100);
            myPull.seqRanges.append({QStringLiteral("si_%1").arg(i), i * 100 + 1, i * 100 + 100, 100});
        }
        theirPull.set_order(pb::PullOrderDesc);
        myPull.order = ours::PullOrderDesc;
        crossCheck(theirPull, myPull);
        // An enum value this .proto does not name is kept as the number (proto3 enums are open).
        theirPull.set_order(static_cast<pb::PullOrder>(7));
        myPull.order = 7;
        crossCheck(theirPull, myPull);
    }

    void sendAnswer_crossChecksBothWays()
    {
        pbmsg::SendMsgResp theirs;
        theirs.set_servermsgid("s-9");
        theirs.set_clientmsgid("c-9");
        theirs.set_sendtime(1700000000123);
        crossCheck(theirs, ours::SendMsgResp{QStringLiteral("s-9"), QStringLiteral("c-9"), 1700000000123});
    }

    void defaults_encodeToNoBytes_andNoBytesDecodeToDefaults()
    {
        QCOMPARE(ours::encode(ours::MsgData()), QByteArray());
        QCOMPARE(bytesOf(pb::MsgData()), QByteArray());
        QCOMPARE(ours::encode(ours::PullMessageBySeqsResp()), QByteArray());
        QCOMPARE(ours::encode(ours::GetMaxSeqResp()), QByteArray());
        QCOMPARE(ours::encode(ours::PullMessageBySeqsReq()), QByteArray());
        QCOMPARE(ours::encode(ours::SendMsgResp()), QByteArray());
        crossCheck(pb::MsgData(), ours::MsgData());
        crossCheck(pb::PullMessageBySeqsResp(), ours::PullMessageBySeqsResp());
        crossCheck(pbmsg::SendMsgResp(), ours::SendMsgResp());
    }

    void emptyEmbeddedMessage_isPresentBothWays()
    {
        // An empty OfflinePushInfo is still there (has_offlinepushinfo): two bytes, tag and length 0.
        pb::MsgData theirs;
        theirs.mutable_offlinepushinfo();
        ours::MsgData mine;
        mine.offlinePushInfo = ours::OfflinePushInfo();
        QCOMPARE(ours::encode(mine).toHex(), bytesOf(theirs).toHex());
        crossCheck(theirs, mine);
    }

    void varints_atEveryLengthBoundary_areTheSameBytesAsProtobufs()
    {
        QList<qint64> values{0, -1, kMax, kMin};
        for (int bits = 7; bits < 64; bits += 7)
            values << qint64((quint64(1) << bits) - 1) << qint64(quint64(1) << bits); // 2^63 wraps to kMin
        for (const qint64 v : values) {
            pb::SeqRange theirs;
            theirs.set_begin(v);
            const qint64 negated = qint64(0 - quint64(v)); // kMin stays kMin
            theirs.set_num(negated);
            const ours::SeqRange mine{{}, v, 0, negated};
            QCOMPARE(ours::encode(mine).toHex(), bytesOf(theirs).toHex());
            crossCheck(theirs, mine);
        }
        for (const int v : {std::numeric_limits<int>::min(), -1, 1, std::numeric_limits<int>::max()}) {
            pb::MsgData theirs;
            theirs.set_senderplatformid(v);
            ours::MsgData mine;
            mine.senderPlatformID = v;
            QCOMPARE(ours::encode(mine).toHex(), bytesOf(theirs).toHex());
            crossCheck(theirs, mine);
        }
    }

    void varintsPastTheirFieldsWidth_keepTheLowBits_asProtobufDoes()
    {
        // begin (field 2) as ten bytes whose last carries bits past the 64th; senderPlatformID
        // (an int32, field 6) as 2^32 + 5.
        const QByteArray range = QByteArray::fromHex("10ffffffffffffffffff7f");
        const auto theirs = protobufParse<pb::SeqRange>(range);
        const auto mine = ours::decode<ours::SeqRange>(range);
        QVERIFY(theirs && mine);
        QCOMPARE(mine->begin, theirs->begin());
        QCOMPARE(mine->begin, -1);
        const QByteArray msg = QByteArray::fromHex("308580808010");
        const auto theirMsg = protobufParse<pb::MsgData>(msg);
        const auto myMsg = ours::decode<ours::MsgData>(msg);
        QVERIFY(theirMsg && myMsg);
        QCOMPARE(myMsg->senderPlatformID, theirMsg->senderplatformid());
        QCOMPARE(myMsg->senderPlatformID, 5);
    }
};

QTEST_GUILESS_MAIN(TestOpenImWire)
#include "tst_wire.moc"
