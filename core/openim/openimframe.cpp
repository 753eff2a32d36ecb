#include "openimframe.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

namespace ct::openim {

QByteArray encodeRequest(const Request &request)
{
    QJsonObject o;
    o.insert(QStringLiteral("reqIdentifier"), request.reqIdentifier);
    o.insert(QStringLiteral("token"), QString()); // the token travels in the handshake only
    o.insert(QStringLiteral("sendID"), request.sendID);
    o.insert(QStringLiteral("operationID"), request.operationID);
    o.insert(QStringLiteral("msgIncr"), request.msgIncr);
    o.insert(QStringLiteral("data"), QString::fromLatin1(request.data.toBase64()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Response> decodeResponse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.value(QStringLiteral("reqIdentifier")).isDouble())
        return std::nullopt;
    Response r;
    r.reqIdentifier = o.value(QStringLiteral("reqIdentifier")).toInt();
    const QJsonValue incr = o.value(QStringLiteral("msgIncr"));
    r.msgIncr = incr.isDouble() ? QString::number(incr.toInteger()) : incr.toString();
    r.operationID = o.value(QStringLiteral("operationID")).toString();
    r.errCode = o.value(QStringLiteral("errCode")).toInt();
    r.errMsg = o.value(QStringLiteral("errMsg")).toString();
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (data.isString()) {
        auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        r.data = *decoded;
    } else if (!data.isNull() && !data.isUndefined()) {
        return std::nullopt;
    }
    return r;
}

std::optional<HandshakeResult> decodeHandshake(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.contains(QStringLiteral("errCode")))
        return std::nullopt;
    HandshakeResult r;
    r.errCode = o.value(QStringLiteral("errCode")).toInt();
    r.errMsg = o.value(QStringLiteral("errMsg")).toString();
    return r;
}

bool isPong(QStringView text)
{
    // What handlerTextMessage writes (json.Marshal: no spaces, fields in this order); a server
    // that writes it otherwise goes through the parse below with the same answer.
    if (text == u"{\"type\":\"pong\",\"body\":null}" || text == u"{\"type\":\"pong\"}")
        return true;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.object().value(QLatin1String("type")).toString() == QLatin1String("pong");
}

QByteArray gzipCompress(const QByteArray &plain)
{
    z_stream s{};
    if (deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&s, uLong(plain.size()))) + 32, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    s.avail_in = uInt(plain.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    const int rc = deflate(&s, Z_FINISH);
    out.resize(int(s.total_out));
    deflateEnd(&s);
    return rc == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> gzipDecompress(const QByteArray &gz, int maxSize, bool *overLimit)
{
    if (overLimit)
        *overLimit = false;
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return std::nullopt;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData()));
    s.avail_in = uInt(gz.size());
    QByteArray out;
    char buffer[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buffer, int(sizeof buffer - s.avail_out));
        if (out.size() > maxSize) {
            if (overLimit)
                *overLimit = true;
            rc = Z_DATA_ERROR;
            break;
        }
        if (rc == Z_OK && s.avail_in == 0 && s.avail_out != 0)
            break; // truncated input
    }
    inflateEnd(&s);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}

} // namespace ct::openim
