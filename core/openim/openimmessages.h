#pragma once
// The OpenIM wire messages ChannelTray itself sends and reads (core/openim/proto/*.proto, the
// field numbers of docs/protocols.md "MsgData"), as plain structs with our own protobuf codec
// (openimwire.h). The .proto files and the code protoc makes of them stay for the tests and the
// loopback server, which check this codec against protobuf's.
// Decoding keeps protobuf's rules: the last value of a field repeated on the wire wins, a
// repeated field appends, a map entry replaces an earlier one of the same key (a missing key or
// value is its default), an embedded message seen twice is merged, unknown fields are skipped.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ct::openim {

struct OfflinePushInfo
{
    QString title;
    QString desc;
    QString ex;
    QString iOSPushSound;
    bool iOSBadgeCount = false;
    QString signalInfo;
};

struct MsgData
{
    QString sendID;
    QString recvID;
    QString groupID;
    QString clientMsgID;
    QString serverMsgID;
    int senderPlatformID = 0;
    QString senderNickname;
    QString senderFaceURL;
    int sessionType = 0; // 1 single, 3 group
    int msgFrom = 0;     // 100 user, 200 system
    int contentType = 0;
    QByteArray content; // UTF-8 JSON, but `bytes` on the wire: never checked as UTF-8
    qint64 seq = 0;
    qint64 sendTime = 0;   // ms
    qint64 createTime = 0; // ms
    int status = 0;        // 1 sending, 2 ok
    bool isRead = false;
    QMap<QString, bool> options;
    std::optional<OfflinePushInfo> offlinePushInfo;
    QStringList atUserIDList;
    QString attachedInfo;
    QString ex;
};

struct PullMsgs
{
    QList<MsgData> msgs;
    bool isEnd = false;
    qint64 endSeq = 0;
};

// 1001
struct GetMaxSeqReq
{
    QString userID;
};

struct GetMaxSeqResp
{
    QMap<QString, qint64> maxSeqs;
    QMap<QString, qint64> minSeqs;
};

// 1002
enum PullOrder : int { PullOrderAsc = 0, PullOrderDesc = 1 };

struct SeqRange
{
    QString conversationID;
    qint64 begin = 0;
    qint64 end = 0;
    qint64 num = 0; // the server returns only the last `num` seqs of a longer range
};

struct PullMessageBySeqsReq
{
    QString userID;
    QList<SeqRange> seqRanges;
    int order = PullOrderAsc; // an open enum: a value we do not know is kept
};

// Conversation ID → its messages; a 2001 push has the same two fields as a 1002 answer.
struct PullMessageBySeqsResp
{
    QMap<QString, PullMsgs> msgs;
    QMap<QString, PullMsgs> notificationMsgs;
};
using PushMessages = PullMessageBySeqsResp;

// 1003: the request is a bare MsgData.
struct SendMsgResp
{
    QString serverMsgID;
    QString clientMsgID;
    qint64 sendTime = 0;
};

// The message's bytes in the wire format (fields in number order, proto3 defaults left out).
QByteArray encode(const OfflinePushInfo &m);
QByteArray encode(const MsgData &m);
QByteArray encode(const PullMsgs &m);
QByteArray encode(const GetMaxSeqReq &m);
QByteArray encode(const GetMaxSeqResp &m);
QByteArray encode(const SeqRange &m);
QByteArray encode(const PullMessageBySeqsReq &m);
QByteArray encode(const PullMessageBySeqsResp &m);
QByteArray encode(const SendMsgResp &m);

// One Message read from `bytes`; nullopt when they are not one (openimwire.h says what is
// refused), with the reason and its byte offset in *error.
template <typename Message> std::optional<Message> decode(QByteArrayView bytes, QString *error = nullptr);

} // namespace ct::openim
