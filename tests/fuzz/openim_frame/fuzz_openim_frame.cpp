// Fuzzer of an OpenIM gateway frame as the connection reads it (openimconnection.cpp): a binary
// frame, gunzipped when the session asked for gzip, the JSON envelope (decodeResponse), its
// base64 protobuf read as the message its reqIdentifier names, each message to an
// InboundMessage; and a text frame as a handshake answer (decodeHandshake).
//
// Input: a first byte, then the frame. Bit 0 of the first byte: the session uses gzip. Bit 1:
// the rest is not a frame but an envelope's data (the protobuf itself, which mutations of base64
// inside JSON inside gzip reach slowly), read as the message of reqIdentifier 1001, 1002, 1003
// or 2001 by bits 2-3.
// Properties beside "no crash, no leak": gzip round-trips, and a decoded envelope survives
// encodeRequest's shape (what we send is what we read back).
#include "../fuzzsupport.h"
#include "openim/openimcontent.h"
#include "openim/openimframe.h"

#include "msg.pb.h"
#include "sdkws.pb.h"

using namespace ct;
namespace oim = ct::openim;
namespace wire = ::openim;

namespace {
const AccountAddress kAccount{kOpenImChannel, QStringLiteral("fuzz")};

void deliver(const QString &conversationID, const wire::sdkws::PullMsgs &pull, bool notification)
{
    for (const auto &msg : pull.msgs()) {
        const InboundMessage m = oim::toInbound(msg, conversationID, kAccount, QStringLiteral("self"),
                                                notification, InboundMessage::Via::Stream);
        FUZZ_CHECK(!m.text.isNull(), conversationID);
    }
}

template <typename Pushed> void deliverAll(const Pushed &p)
{
    for (const auto &[id, pull] : p.msgs())
        deliver(QString::fromStdString(id), pull, false);
    for (const auto &[id, pull] : p.notificationmsgs())
        deliver(QString::fromStdString(id), pull, true);
}

void readData(const oim::Response &r)
{
    const int size = int(r.data.size());
    switch (r.reqIdentifier) {
    case oim::PushMsg: {
        wire::sdkws::PushMessages push;
        if (push.ParseFromArray(r.data.constData(), size))
            deliverAll(push);
        break;
    }
    case oim::PullMsgBySeqList: {
        wire::sdkws::PullMessageBySeqsResp pull;
        if (pull.ParseFromArray(r.data.constData(), size))
            deliverAll(pull);
        break;
    }
    case oim::GetNewestSeq: {
        wire::sdkws::GetMaxSeqResp seqs;
        if (seqs.ParseFromArray(r.data.constData(), size))
            for (const auto &[id, max] : seqs.maxseqs())
                (void)QString::fromStdString(id), (void)max;
        break;
    }
    case oim::SendMsg: {
        wire::msg::SendMsgResp sent;
        if (sent.ParseFromArray(r.data.constData(), size))
            (void)QString::fromStdString(sent.servermsgid());
        break;
    }
    default:
        break;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const uint8_t mode = in.byte();
    const QByteArray frame = in.rest();
    if (mode & 2) {
        static const int kReqIds[] = {oim::GetNewestSeq, oim::PullMsgBySeqList, oim::SendMsg, oim::PushMsg};
        oim::Response r;
        r.reqIdentifier = kReqIds[(mode >> 2) & 3];
        r.data = frame;
        readData(r);
        return 0;
    }
    const bool gzip = mode & 1;

    // gzip: a small limit, so that a bomb is cut off cheaply; whatever inflates inflates back.
    QByteArray json = frame;
    if (gzip) {
        const auto plain = oim::gzipDecompress(frame, 1 << 20);
        if (!plain)
            return 0;
        json = *plain;
    }
    const QByteArray again = oim::gzipCompress(frame);
    FUZZ_CHECK(oim::gzipDecompress(again, int(frame.size()) + 1) == frame, QStringLiteral("gzip round trip"));

    if (const auto response = oim::decodeResponse(json)) {
        readData(*response);
        // An envelope we would send with the same fields reads back as the same fields.
        oim::Request echo;
        echo.reqIdentifier = response->reqIdentifier;
        echo.msgIncr = response->msgIncr;
        echo.operationID = response->operationID;
        echo.data = response->data;
        const auto back = oim::decodeResponse(oim::encodeRequest(echo));
        FUZZ_CHECK(back && back->reqIdentifier == echo.reqIdentifier && back->msgIncr == echo.msgIncr
                       && back->operationID == echo.operationID && back->data == echo.data,
                   QStringLiteral("envelope round trip"));
    }
    (void)oim::decodeHandshake(json);
    return 0;
}
