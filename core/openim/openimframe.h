#pragma once
// OpenIM gateway framing (docs/protocols.md "Frames"): binary frames holding a JSON envelope
// whose `data` is base64 protobuf; with compression=gzip every binary frame is gzipped.
#include <QByteArray>
#include <QString>

#include <optional>

namespace ct::openim {

enum ReqIdentifier : int {
    GetNewestSeq = 1001,
    PullMsgBySeqList = 1002,
    SendMsg = 1003,
    PushMsg = 2001,
    KickOnline = 2002,
    LogoutMsg = 2003,
};

struct Request
{
    int reqIdentifier = 0;
    QString sendID;
    QString operationID;
    QString msgIncr;
    QByteArray data; // serialized protobuf (not base64)
};

struct Response
{
    int reqIdentifier = 0;
    QString msgIncr;
    QString operationID;
    int errCode = 0;
    QString errMsg;
    QByteArray data; // serialized protobuf (decoded from base64); empty when null
};

// The first text frame after the handshake, or the HTTP body of a refused handshake.
struct HandshakeResult
{
    int errCode = 0;
    QString errMsg;
};

QByteArray encodeRequest(const Request &request);
std::optional<Response> decodeResponse(const QByteArray &json);
std::optional<HandshakeResult> decodeHandshake(const QByteArray &text);
// The gateway's answer to the application ping (docs/protocols.md "Frames"): a JSON object whose
// "type" is "pong". The form the gateway writes, `{"type":"pong",...`, is recognised without a
// JSON parse (every connection gets one per heartbeat beat); any other text is parsed.
bool isPong(QStringView text);

// gzip (RFC 1952) with zlib; nullopt when the input is not valid gzip, or when it inflates past
// `maxSize` bytes (then `*overLimit` is set: a compression bomb, not a broken frame).
QByteArray gzipCompress(const QByteArray &plain);
std::optional<QByteArray> gzipDecompress(const QByteArray &gz, int maxSize = 16 * 1024 * 1024,
                                         bool *overLimit = nullptr);

} // namespace ct::openim
