// Fuzzer of an OpenIM gateway frame as the connection reads it (openimconnection.cpp): a binary
// frame, gunzipped when the session asked for gzip, the JSON envelope (decodeResponse), its
// base64 protobuf read by our codec (openimmessages.h) as the message its reqIdentifier names,
// each message to an InboundMessage; and a text frame as a handshake answer (decodeHandshake).
//
// Input: a first byte, then the frame. Bit 0 of the first byte: the session uses gzip. Bit 1:
// the rest is not a frame but an envelope's data (the protobuf itself, which mutations of base64
// inside JSON inside gzip reach slowly), read as the message of reqIdentifier 1001, 1002, 1003
// or 2001 by bits 2-3.
// Properties beside "no crash, no leak, no read past the input": gzip round-trips; a decoded
// envelope survives encodeRequest's shape (what we send is what we read back); a message we
// decode encodes to bytes we decode to the same message; and where protobuf's generated code
// (the tests' reference, not the product's) also reads the bytes, it reads the same fields.
#include "../fuzzsupport.h"
#include "openim/openimcontent.h"
#include "openim/openimframe.h"
#include "openim/openimmessages.h"

#include "msg.pb.h"
#include "sdkws.pb.h"

using namespace ct;
namespace oim = ct::openim;

namespace {
const AccountAddress kAccount{kOpenImChannel, QStringLiteral("fuzz")};

void deliverAll(const oim::PullMessageBySeqsResp &pulled)
{
    for (const bool notification : {false, true}) {
        const auto &conversations = notification ? pulled.notificationMsgs : pulled.msgs;
        for (auto it = conversations.constBegin(); it != conversations.constEnd(); ++it)
            for (const oim::MsgData &msg : it.value().msgs) {
                const InboundMessage m = oim::toInbound(msg, it.key(), kAccount, QStringLiteral("self"),
                                                        notification, InboundMessage::Via::Stream);
                FUZZ_CHECK(!m.text.isNull(), it.key());
            }
    }
}

// Ours decodes `bytes` as Message or refuses them with a reason. What it decodes encodes to
// bytes it decodes again to the same (the same bytes once more: encode() is deterministic). Where
// protobuf (Pb) reads `bytes` too, its reading, written out and read by us, is ours.
template <typename Message, typename Pb> std::optional<Message> decodeChecked(const QByteArray &bytes)
{
    QString error;
    const auto mine = oim::decode<Message>(bytes, &error);
    if (!mine) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return std::nullopt;
    }
    const QByteArray encoded = oim::encode(*mine);
    const auto again = oim::decode<Message>(encoded);
    FUZZ_CHECK(again && oim::encode(*again) == encoded, QStringLiteral("our own encoding does not read back"));
    Pb theirs;
    if (theirs.ParseFromArray(bytes.constData(), int(bytes.size()))) {
        const auto viaProtobuf = oim::decode<Message>(QByteArray::fromStdString(theirs.SerializeAsString()));
        FUZZ_CHECK(viaProtobuf && oim::encode(*viaProtobuf) == encoded,
                   QStringLiteral("protobuf reads other fields: %1").arg(QString::fromLatin1(bytes.toHex())));
    }
    return mine;
}

void readData(const oim::Response &r)
{
    switch (r.reqIdentifier) {
    case oim::PushMsg:
        if (const auto push = decodeChecked<oim::PushMessages, ::openim::sdkws::PushMessages>(r.data))
            deliverAll(*push);
        break;
    case oim::PullMsgBySeqList:
        if (const auto pull = decodeChecked<oim::PullMessageBySeqsResp, ::openim::sdkws::PullMessageBySeqsResp>(
                r.data))
            deliverAll(*pull);
        break;
    case oim::GetNewestSeq:
        decodeChecked<oim::GetMaxSeqResp, ::openim::sdkws::GetMaxSeqResp>(r.data);
        break;
    case oim::SendMsg:
        decodeChecked<oim::SendMsgResp, ::openim::msg::SendMsgResp>(r.data);
        break;
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
