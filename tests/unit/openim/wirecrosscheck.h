#pragma once
// Our OpenIM wire messages (openim/openimmessages.h) next to protobuf's generated ones for the
// same .proto: filled the same way, and compared field by field. Each sameAs() is a Qt Test
// check: on a difference it fails the running test and returns (check currentTestFailed()).
#include "msg.pb.h"
#include "openim/openimmessages.h"
#include "sdkws.pb.h"

#include <QStringDecoder>
#include <QtTest>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

namespace ct::testsupport {

namespace ours = ct::openim;
namespace pb = ::openim::sdkws;
namespace pbmsg = ::openim::msg;

// protobuf's string as text, a leading BOM kept (QString::fromStdString would drop it).
inline QString text(const std::string &s)
{
    return QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom)(QByteArrayView(s));
}

// Map entries in key order: protobuf's own order changes from run to run, and a failing input of
// a seeded test must be the same input next time.
template <typename Message> QByteArray bytesOf(const Message &m)
{
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream out(&stream);
        out.SetSerializationDeterministic(true);
        m.SerializeToCodedStream(&out);
    }
    return QByteArray::fromStdString(bytes);
}

template <typename Message> std::optional<Message> protobufParse(const QByteArray &bytes)
{
    Message m;
    if (!m.ParseFromArray(bytes.constData(), int(bytes.size())))
        return std::nullopt;
    return m;
}

inline void sameAs(const pb::OfflinePushInfo &p, const ours::OfflinePushInfo &o)
{
    QCOMPARE(o.title, text(p.title()));
    QCOMPARE(o.desc, text(p.desc()));
    QCOMPARE(o.ex, text(p.ex()));
    QCOMPARE(o.iOSPushSound, text(p.iospushsound()));
    QCOMPARE(o.iOSBadgeCount, p.iosbadgecount());
    QCOMPARE(o.signalInfo, text(p.signalinfo()));
}

template <typename PbMap, typename OurMap, typename Same> void sameMap(const PbMap &p, const OurMap &o, Same same)
{
    QCOMPARE(qsizetype(p.size()), o.size());
    for (const auto &[key, value] : p) {
        const QString k = text(key);
        QVERIFY2(o.contains(k), qPrintable(QStringLiteral("no key \"%1\"").arg(k)));
        same(value, o.value(k));
        if (QTest::currentTestFailed())
            return;
    }
}

inline void sameAs(const pb::MsgData &p, const ours::MsgData &o)
{
    QCOMPARE(o.sendID, text(p.sendid()));
    QCOMPARE(o.recvID, text(p.recvid()));
    QCOMPARE(o.groupID, text(p.groupid()));
    QCOMPARE(o.clientMsgID, text(p.clientmsgid()));
    QCOMPARE(o.serverMsgID, text(p.servermsgid()));
    QCOMPARE(o.senderPlatformID, p.senderplatformid());
    QCOMPARE(o.senderNickname, text(p.sendernickname()));
    QCOMPARE(o.senderFaceURL, text(p.senderfaceurl()));
    QCOMPARE(o.sessionType, p.sessiontype());
    QCOMPARE(o.msgFrom, p.msgfrom());
    QCOMPARE(o.contentType, p.contenttype());
    QCOMPARE(o.content, QByteArray::fromStdString(p.content()));
    QCOMPARE(o.seq, p.seq());
    QCOMPARE(o.sendTime, p.sendtime());
    QCOMPARE(o.createTime, p.createtime());
    QCOMPARE(o.status, p.status());
    QCOMPARE(o.isRead, p.isread());
    sameMap(p.options(), o.options, [](bool a, bool b) { QCOMPARE(b, a); });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(o.offlinePushInfo.has_value(), p.has_offlinepushinfo());
    if (o.offlinePushInfo)
        sameAs(p.offlinepushinfo(), *o.offlinePushInfo);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(o.atUserIDList.size(), qsizetype(p.atuseridlist_size()));
    for (int i = 0; i < p.atuseridlist_size(); ++i)
        QCOMPARE(o.atUserIDList[i], text(p.atuseridlist(i)));
    QCOMPARE(o.attachedInfo, text(p.attachedinfo()));
    QCOMPARE(o.ex, text(p.ex()));
}

inline void sameAs(const pb::PullMsgs &p, const ours::PullMsgs &o)
{
    QCOMPARE(o.isEnd, p.isend());
    QCOMPARE(o.endSeq, p.endseq());
    QCOMPARE(o.msgs.size(), qsizetype(p.msgs_size()));
    for (int i = 0; i < p.msgs_size() && !QTest::currentTestFailed(); ++i)
        sameAs(p.msgs(i), o.msgs[i]);
}

// PullMessageBySeqsResp and PushMessages: the same two maps.
template <typename PbPulled> void sameAs(const PbPulled &p, const ours::PullMessageBySeqsResp &o)
{
    const auto same = [](const pb::PullMsgs &a, const ours::PullMsgs &b) { sameAs(a, b); };
    sameMap(p.msgs(), o.msgs, same);
    if (!QTest::currentTestFailed())
        sameMap(p.notificationmsgs(), o.notificationMsgs, same);
}

inline void sameAs(const pb::GetMaxSeqReq &p, const ours::GetMaxSeqReq &o)
{
    QCOMPARE(o.userID, text(p.userid()));
}

inline void sameAs(const pb::GetMaxSeqResp &p, const ours::GetMaxSeqResp &o)
{
    const auto same = [](qint64 a, qint64 b) { QCOMPARE(b, a); };
    sameMap(p.maxseqs(), o.maxSeqs, same);
    if (!QTest::currentTestFailed())
        sameMap(p.minseqs(), o.minSeqs, same);
}

inline void sameAs(const pb::SeqRange &p, const ours::SeqRange &o)
{
    QCOMPARE(o.conversationID, text(p.conversationid()));
    QCOMPARE(o.begin, p.begin());
    QCOMPARE(o.end, p.end());
    QCOMPARE(o.num, p.num());
}

inline void sameAs(const pb::PullMessageBySeqsReq &p, const ours::PullMessageBySeqsReq &o)
{
    QCOMPARE(o.userID, text(p.userid()));
    QCOMPARE(o.order, int(p.order()));
    QCOMPARE(o.seqRanges.size(), qsizetype(p.seqranges_size()));
    for (int i = 0; i < p.seqranges_size() && !QTest::currentTestFailed(); ++i)
        sameAs(p.seqranges(i), o.seqRanges[i]);
}

inline void sameAs(const pbmsg::SendMsgResp &p, const ours::SendMsgResp &o)
{
    QCOMPARE(o.serverMsgID, text(p.servermsgid()));
    QCOMPARE(o.clientMsgID, text(p.clientmsgid()));
    QCOMPARE(o.sendTime, p.sendtime());
}

// A MsgData with every field set, in protobuf's generated form and ours: non-ASCII text, content
// that is not UTF-8 (a `bytes` field), negative and extreme numbers, a map, a list, the
// embedded push info.
constexpr char kNotUtf8Content[] = "{\"content\":\"hi\"}\xff\xfe\0tail";

inline pb::MsgData fullProtobufMsgData(qint64 seq = 42)
{
    pb::MsgData m;
    m.set_sendid("u_alice");
    m.set_recvid("u_bot");
    m.set_groupid("g_ops");
    m.set_clientmsgid("c-1");
    m.set_servermsgid("s-1");
    m.set_senderplatformid(-7); // negative int32: ten bytes on the wire
    m.set_sendernickname("Zoë ✓ 🦊");
    m.set_senderfaceurl("https://example.invalid/a.png");
    m.set_sessiontype(3);
    m.set_msgfrom(100);
    m.set_contenttype(std::numeric_limits<int>::max());
    m.set_content(std::string(kNotUtf8Content, sizeof(kNotUtf8Content) - 1));
    m.set_seq(seq);
    m.set_sendtime(std::numeric_limits<qint64>::max());
    m.set_createtime(std::numeric_limits<qint64>::min());
    m.set_status(2);
    m.set_isread(true);
    (*m.mutable_options())["history"] = true;
    (*m.mutable_options())["persistent"] = false;
    (*m.mutable_options())[""] = true;
    m.mutable_offlinepushinfo()->set_title("title");
    m.mutable_offlinepushinfo()->set_iosbadgecount(true);
    m.add_atuseridlist("u_carol");
    m.add_atuseridlist("");
    m.add_atuseridlist("u_dave");
    m.set_attachedinfo("{\"x\":1}");
    m.set_ex("ex");
    return m;
}

inline ours::MsgData fullMsgData(qint64 seq = 42)
{
    ours::MsgData m;
    m.sendID = QStringLiteral("u_alice");
    m.recvID = QStringLiteral("u_bot");
    m.groupID = QStringLiteral("g_ops");
    m.clientMsgID = QStringLiteral("c-1");
    m.serverMsgID = QStringLiteral("s-1");
    m.senderPlatformID = -7;
    m.senderNickname = QStringLiteral("Zoë ✓ 🦊");
    m.senderFaceURL = QStringLiteral("https://example.invalid/a.png");
    m.sessionType = 3;
    m.msgFrom = 100;
    m.contentType = std::numeric_limits<int>::max();
    m.content = QByteArray(kNotUtf8Content, sizeof(kNotUtf8Content) - 1);
    m.seq = seq;
    m.sendTime = std::numeric_limits<qint64>::max();
    m.createTime = std::numeric_limits<qint64>::min();
    m.status = 2;
    m.isRead = true;
    m.options = {{QStringLiteral("history"), true}, {QStringLiteral("persistent"), false}, {QString(), true}};
    m.offlinePushInfo = ours::OfflinePushInfo{};
    m.offlinePushInfo->title = QStringLiteral("title");
    m.offlinePushInfo->iOSBadgeCount = true;
    m.atUserIDList = {QStringLiteral("u_carol"), QString(), QStringLiteral("u_dave")};
    m.attachedInfo = QStringLiteral("{\"x\":1}");
    m.ex = QStringLiteral("ex");
    return m;
}

} // namespace ct::testsupport
