// The protobuf wire format's primitives (openimwire.h; protobuf.dev "Encoding").
#include "openimwire.h"

#include <QStringDecoder>

namespace ct::openim::wire {

Reader::Reader(QByteArrayView bytes)
    : m_begin(reinterpret_cast<const uchar *>(bytes.data())), m_pos(m_begin), m_end(m_begin + bytes.size())
{
}

bool Reader::nextField()
{
    quint64 tag = 0;
    if (failed() || m_pos == m_end || !varint(&tag))
        return false;
    // protobuf reads a tag as 32 bits; field 0 and wire types 6, 7 exist in no message.
    if (tag > 0xFFFFFFFFu)
        return !fail("field tag out of range");
    m_field = int(tag >> 3);
    const auto type = quint8(tag & 7);
    if (m_field == 0)
        return !fail("field number 0");
    if (type > quint8(WireType::I32))
        return !fail("unknown wire type");
    m_type = WireType(type);
    if (m_type == WireType::GroupEnd) // only skipGroup() reads the end of a group
        return !fail("end of a group that never started");
    return true;
}

bool Reader::expect(WireType type)
{
    if (m_type == type)
        return true;
    skip();
    return false;
}

bool Reader::read(qint64 &value)
{
    quint64 v = 0;
    if (!expect(WireType::Varint) || !varint(&v))
        return false;
    value = qint64(v);
    return true;
}

bool Reader::read(int &value)
{
    quint64 v = 0;
    if (!expect(WireType::Varint) || !varint(&v))
        return false;
    value = qint32(quint32(v));
    return true;
}

bool Reader::read(bool &value)
{
    quint64 v = 0;
    if (!expect(WireType::Varint) || !varint(&v))
        return false;
    value = v != 0;
    return true;
}

bool Reader::read(QByteArray &value)
{
    QByteArrayView v;
    if (!expect(WireType::Len) || !lengthDelimited(&v))
        return false;
    value = v.toByteArray();
    return true;
}

bool Reader::read(QString &value)
{
    QByteArrayView v;
    if (!expect(WireType::Len) || !lengthDelimited(&v))
        return false;
    // proto3 strings are UTF-8 and protobuf refuses a message whose strings are not (overlong
    // forms, surrogates, cut sequences). A leading BOM is text like any other: kept.
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = utf8(v);
    if (utf8.hasError()) {
        m_pos = reinterpret_cast<const uchar *>(v.data()); // the error names where the string starts
        return fail("invalid UTF-8 in a string");
    }
    value = std::move(text);
    return true;
}

void Reader::skip()
{
    QByteArrayView ignored;
    quint64 v = 0;
    switch (m_type) {
    case WireType::Varint:
        varint(&v);
        break;
    case WireType::I64:
        advance(8);
        break;
    case WireType::I32:
        advance(4);
        break;
    case WireType::Len:
        lengthDelimited(&ignored);
        break;
    case WireType::GroupStart:
        skipGroup(m_field);
        break;
    case WireType::GroupEnd:
        fail("end of a group that never started");
        break;
    }
}

// A group (proto2's deprecated nested form) ends at a GroupEnd tag with its own field number.
void Reader::skipGroup(int field)
{
    if (!enter())
        return;
    while (!failed()) {
        quint64 tag = 0;
        if (m_pos == m_end) {
            fail("truncated group");
            break;
        }
        if (!varint(&tag))
            break;
        if (tag > 0xFFFFFFFFu || (tag >> 3) == 0 || (tag & 7) > quint64(WireType::I32)) {
            fail("malformed tag in a group");
            break;
        }
        m_field = int(tag >> 3);
        m_type = WireType(tag & 7);
        if (m_type == WireType::GroupEnd) {
            if (m_field != field)
                fail("group ends with another field number");
            break;
        }
        skip();
    }
    --m_depth;
}

bool Reader::varint(quint64 *value)
{
    // At most ten bytes; bits past the 64th are dropped, as protobuf does.
    quint64 v = 0;
    for (int i = 0; i < 10; ++i) {
        if (m_pos == m_end)
            return fail("truncated varint");
        const uchar b = *m_pos++;
        v |= quint64(b & 0x7F) << (7 * i);
        if (!(b & 0x80)) {
            *value = v;
            return true;
        }
    }
    return fail("varint longer than ten bytes");
}

bool Reader::lengthDelimited(QByteArrayView *value)
{
    quint64 length = 0;
    if (!varint(&length))
        return false;
    if (length > quint64(m_end - m_pos))
        return fail("length past the end");
    *value = QByteArrayView(m_pos, qsizetype(length));
    m_pos += length;
    return true;
}

bool Reader::advance(qsizetype bytes)
{
    if (m_end - m_pos < bytes)
        return fail("truncated fixed-size field");
    m_pos += bytes;
    return true;
}

bool Reader::enter()
{
    if (m_depth >= kMaxDepth)
        return fail("nested too deep");
    ++m_depth;
    return true;
}

bool Reader::fail(const char *why)
{
    if (!m_error) {
        m_error = why;
        m_errorAt = m_pos - m_begin;
    }
    m_pos = m_end; // nothing more is read
    return false;
}

QString Reader::error() const
{
    return m_error ? QStringLiteral("%1 at byte %2").arg(QLatin1String(m_error)).arg(m_errorAt) : QString();
}

void Writer::string(int field, const QString &value)
{
    if (!value.isEmpty())
        putBytes(field, value.toUtf8());
}

void Writer::bytes(int field, QByteArrayView value)
{
    if (!value.isEmpty())
        putBytes(field, value);
}

void Writer::putVarint(int field, quint64 value)
{
    tag(field, WireType::Varint);
    varint(value);
}

void Writer::putBytes(int field, QByteArrayView value)
{
    tag(field, WireType::Len);
    varint(quint64(value.size()));
    m_data.append(value);
}

void Writer::tag(int field, WireType type)
{
    varint((quint64(field) << 3) | quint64(type));
}

void Writer::varint(quint64 value)
{
    while (value >= 0x80) {
        m_data.append(char(value | 0x80));
        value >>= 7;
    }
    m_data.append(char(value));
}

} // namespace ct::openim::wire
