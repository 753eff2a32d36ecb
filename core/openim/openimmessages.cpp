// Writing the OpenIM wire messages (openimmessages.h; the field numbers of core/openim/proto/*.proto).
#include "openimmessages.h"

#include "openimwire.h"

namespace ct::openim {

using wire::Writer;

namespace {

// A map entry's value is its field 2; key and value are always written, as protobuf writes them.
void putValue(Writer &entry, qint64 value)
{
    entry.putVarint(2, quint64(value));
}
void putValue(Writer &entry, bool value)
{
    entry.putVarint(2, value ? 1 : 0);
}
void putValue(Writer &entry, const PullMsgs &value)
{
    entry.message(2, encode(value));
}

template <typename Value> void putEntries(Writer &w, int field, const QMap<QString, Value> &map)
{
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        Writer entry;
        entry.putBytes(1, it.key().toUtf8());
        putValue(entry, it.value());
        w.message(field, entry.data());
    }
}

} // namespace

QByteArray encode(const OfflinePushInfo &m)
{
    Writer w;
    w.string(1, m.title);
    w.string(2, m.desc);
    w.string(3, m.ex);
    w.string(4, m.iOSPushSound);
    w.boolean(5, m.iOSBadgeCount);
    w.string(6, m.signalInfo);
    return w.data();
}

QByteArray encode(const MsgData &m)
{
    Writer w;
    w.string(1, m.sendID);
    w.string(2, m.recvID);
    w.string(3, m.groupID);
    w.string(4, m.clientMsgID);
    w.string(5, m.serverMsgID);
    w.int32(6, m.senderPlatformID);
    w.string(7, m.senderNickname);
    w.string(8, m.senderFaceURL);
    w.int32(9, m.sessionType);
    w.int32(10, m.msgFrom);
    w.int32(11, m.contentType);
    w.bytes(12, m.content);
    w.int64(14, m.seq);
    w.int64(15, m.sendTime);
    w.int64(16, m.createTime);
    w.int32(17, m.status);
    w.boolean(18, m.isRead);
    putEntries(w, 19, m.options);
    if (m.offlinePushInfo)
        w.message(20, encode(*m.offlinePushInfo));
    for (const QString &id : m.atUserIDList)
        w.putBytes(21, id.toUtf8()); // an element is written even when empty
    w.string(22, m.attachedInfo);
    w.string(23, m.ex);
    return w.data();
}

QByteArray encode(const PullMsgs &m)
{
    Writer w;
    for (const MsgData &msg : m.msgs)
        w.message(1, encode(msg));
    w.boolean(2, m.isEnd);
    w.int64(3, m.endSeq);
    return w.data();
}

QByteArray encode(const GetMaxSeqReq &m)
{
    Writer w;
    w.string(1, m.userID);
    return w.data();
}

QByteArray encode(const GetMaxSeqResp &m)
{
    Writer w;
    putEntries(w, 1, m.maxSeqs);
    putEntries(w, 2, m.minSeqs);
    return w.data();
}

QByteArray encode(const SeqRange &m)
{
    Writer w;
    w.string(1, m.conversationID);
    w.int64(2, m.begin);
    w.int64(3, m.end);
    w.int64(4, m.num);
    return w.data();
}

QByteArray encode(const PullMessageBySeqsReq &m)
{
    Writer w;
    w.string(1, m.userID);
    for (const SeqRange &range : m.seqRanges)
        w.message(2, encode(range));
    w.int32(3, m.order);
    return w.data();
}

QByteArray encode(const PullMessageBySeqsResp &m)
{
    Writer w;
    putEntries(w, 1, m.msgs);
    putEntries(w, 2, m.notificationMsgs);
    return w.data();
}

QByteArray encode(const SendMsgResp &m)
{
    Writer w;
    w.string(1, m.serverMsgID);
    w.string(2, m.clientMsgID);
    w.int64(3, m.sendTime);
    return w.data();
}

} // namespace ct::openim
