// Reading the OpenIM wire messages (openimmessages.h; the field numbers of core/openim/proto/*.proto).
#include "openimmessages.h"

#include "openimwire.h"

namespace ct::openim {

using wire::Reader;

namespace {

// Declared before the templates below that read embedded messages: they are found by ordinary
// lookup (argument-dependent lookup does not see this unnamed namespace).
void readFields(Reader &r, OfflinePushInfo &m);
void readFields(Reader &r, MsgData &m);
void readFields(Reader &r, PullMsgs &m);
void readFields(Reader &r, SeqRange &m);

// Embedded messages: a singular one seen twice merges, as in protobuf.
template <typename Message> void read(Reader &r, Message &m)
{
    r.message([&] { readFields(r, m); });
}
template <typename Message> void read(Reader &r, std::optional<Message> &m)
{
    Message value = m.value_or(Message());
    if (r.message([&] { readFields(r, value); }))
        m = std::move(value);
}
template <typename Message> void read(Reader &r, QList<Message> &list)
{
    Message item;
    if (r.message([&] { readFields(r, item); }))
        list.append(std::move(item));
}
void read(Reader &r, qint64 &v)
{
    r.read(v);
}
void read(Reader &r, bool &v)
{
    r.read(v);
}
void read(Reader &r, QStringList &list)
{
    QString item;
    if (r.read(item))
        list.append(std::move(item));
}
// A map entry: key 1, value 2.
template <typename Value> void read(Reader &r, QMap<QString, Value> &map)
{
    QString key;
    Value value{};
    const bool entry = r.message([&] {
        while (r.nextField()) {
            if (r.field() == 1)
                r.read(key);
            else if (r.field() == 2)
                read(r, value);
            else
                r.skip();
        }
    });
    if (entry)
        map.insert(key, std::move(value));
}

void readFields(Reader &r, OfflinePushInfo &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            r.read(m.title);
            break;
        case 2:
            r.read(m.desc);
            break;
        case 3:
            r.read(m.ex);
            break;
        case 4:
            r.read(m.iOSPushSound);
            break;
        case 5:
            r.read(m.iOSBadgeCount);
            break;
        case 6:
            r.read(m.signalInfo);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, MsgData &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            r.read(m.sendID);
            break;
        case 2:
            r.read(m.recvID);
            break;
        case 3:
            r.read(m.groupID);
            break;
        case 4:
            r.read(m.clientMsgID);
            break;
        case 5:
            r.read(m.serverMsgID);
            break;
        case 6:
            r.read(m.senderPlatformID);
            break;
        case 7:
            r.read(m.senderNickname);
            break;
        case 8:
            r.read(m.senderFaceURL);
            break;
        case 9:
            r.read(m.sessionType);
            break;
        case 10:
            r.read(m.msgFrom);
            break;
        case 11:
            r.read(m.contentType);
            break;
        case 12:
            r.read(m.content);
            break;
        case 14:
            r.read(m.seq);
            break;
        case 15:
            r.read(m.sendTime);
            break;
        case 16:
            r.read(m.createTime);
            break;
        case 17:
            r.read(m.status);
            break;
        case 18:
            r.read(m.isRead);
            break;
        case 19:
            read(r, m.options);
            break;
        case 20:
            read(r, m.offlinePushInfo);
            break;
        case 21:
            read(r, m.atUserIDList);
            break;
        case 22:
            r.read(m.attachedInfo);
            break;
        case 23:
            r.read(m.ex);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, PullMsgs &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            read(r, m.msgs);
            break;
        case 2:
            r.read(m.isEnd);
            break;
        case 3:
            r.read(m.endSeq);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, GetMaxSeqReq &m)
{
    while (r.nextField()) {
        if (r.field() == 1)
            r.read(m.userID);
        else
            r.skip();
    }
}

void readFields(Reader &r, GetMaxSeqResp &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            read(r, m.maxSeqs);
            break;
        case 2:
            read(r, m.minSeqs);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, SeqRange &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            r.read(m.conversationID);
            break;
        case 2:
            r.read(m.begin);
            break;
        case 3:
            r.read(m.end);
            break;
        case 4:
            r.read(m.num);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, PullMessageBySeqsReq &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            r.read(m.userID);
            break;
        case 2:
            read(r, m.seqRanges);
            break;
        case 3:
            r.read(m.order);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, PullMessageBySeqsResp &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            read(r, m.msgs);
            break;
        case 2:
            read(r, m.notificationMsgs);
            break;
        default:
            r.skip();
        }
    }
}

void readFields(Reader &r, SendMsgResp &m)
{
    while (r.nextField()) {
        switch (r.field()) {
        case 1:
            r.read(m.serverMsgID);
            break;
        case 2:
            r.read(m.clientMsgID);
            break;
        case 3:
            r.read(m.sendTime);
            break;
        default:
            r.skip();
        }
    }
}

} // namespace

template <typename Message> std::optional<Message> decode(QByteArrayView bytes, QString *error)
{
    Reader r(bytes);
    Message m;
    readFields(r, m);
    if (error)
        *error = r.error();
    if (r.failed())
        return std::nullopt;
    return m;
}

template std::optional<OfflinePushInfo> decode(QByteArrayView, QString *);
template std::optional<MsgData> decode(QByteArrayView, QString *);
template std::optional<PullMsgs> decode(QByteArrayView, QString *);
template std::optional<GetMaxSeqReq> decode(QByteArrayView, QString *);
template std::optional<GetMaxSeqResp> decode(QByteArrayView, QString *);
template std::optional<SeqRange> decode(QByteArrayView, QString *);
template std::optional<PullMessageBySeqsReq> decode(QByteArrayView, QString *);
template std::optional<PullMessageBySeqsResp> decode(QByteArrayView, QString *);
template std::optional<SendMsgResp> decode(QByteArrayView, QString *);

} // namespace ct::openim
