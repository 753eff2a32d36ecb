#pragma once
// The protobuf wire format (protobuf.dev "Encoding"), as much of it as the OpenIM messages
// (openimmessages.h) need: tags, varints, length-delimited fields and embedded messages. Our own
// instead of libprotobuf-lite, which cost every process ~0.4 MiB just to map (issue 11).
// Reader never reads past the bytes it was given: the first malformed thing (a truncated varint
// or field, a length past the end, field number 0, wire type 6 or 7, invalid UTF-8 in a string,
// nesting deeper than kMaxDepth) stops it, and every read after that returns nothing.
#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ct::openim::wire {

enum class WireType : quint8 { Varint = 0, I64 = 1, Len = 2, GroupStart = 3, GroupEnd = 4, I32 = 5 };

class Reader
{
public:
    // As protobuf's default recursion limit: embedded messages and (skipped) groups together.
    static constexpr int kMaxDepth = 100;

    explicit Reader(QByteArrayView bytes);

    // Moves to the next field of the message being read: false at its end or after an error.
    bool nextField();
    int field() const { return m_field; }
    WireType type() const { return m_type; }

    // The current field's value; false when none was read. Each first checks the wire type: a
    // known field number with another wire type is skipped as an unknown field, as protobuf does,
    // and `value` is kept.
    bool read(qint64 &value);
    bool read(int &value); // int32 and enums: the low 32 bits of the varint
    bool read(bool &value);
    bool read(QByteArray &value); // bytes
    bool read(QString &value);    // string: must be valid UTF-8
    // An embedded message: `readFields` reads the fields of the current Len field, bounded by it.
    // False when the field was not one (skipped) or reading failed.
    template <typename ReadFields> bool message(ReadFields &&readFields)
    {
        QByteArrayView inner;
        if (!expect(WireType::Len) || !lengthDelimited(&inner) || !enter())
            return false;
        const uchar *outerEnd = m_end;
        m_pos = reinterpret_cast<const uchar *>(inner.data());
        m_end = m_pos + inner.size();
        readFields();
        m_pos = m_end; // the embedded message ends where its length says, read or not (an error)
        m_end = outerEnd;
        --m_depth;
        return !failed();
    }
    // Skips the current field, whatever its wire type (a group with everything nested in it).
    void skip();

    bool failed() const { return m_error != nullptr; }
    // Why reading stopped, and where ("truncated varint at byte 17"); empty when it did not.
    QString error() const;

private:
    bool expect(WireType type);
    bool varint(quint64 *value);
    bool lengthDelimited(QByteArrayView *value);
    bool advance(qsizetype bytes);
    bool enter();
    void skipGroup(int field);
    bool fail(const char *why);

    const uchar *m_begin;
    const uchar *m_pos;
    const uchar *m_end;
    int m_field = 0;
    WireType m_type = WireType::Varint;
    int m_depth = 0;
    const char *m_error = nullptr;
    qsizetype m_errorAt = 0;
};

// Appends fields in the wire format. The proto3 helpers write nothing for a default value (0,
// false, empty), as protobuf does; the put* ones always write (map entries).
class Writer
{
public:
    void int64(int field, qint64 value)
    {
        if (value != 0)
            putVarint(field, quint64(value));
    }
    void int32(int field, int value) { int64(field, value); } // negative: ten bytes, sign-extended
    void boolean(int field, bool value) { int64(field, value ? 1 : 0); }
    void string(int field, const QString &value);
    void bytes(int field, QByteArrayView value);
    // An embedded message, already encoded: written even when empty (its presence is its value).
    void message(int field, QByteArrayView encoded) { putBytes(field, encoded); }

    void putVarint(int field, quint64 value);
    void putBytes(int field, QByteArrayView value);

    const QByteArray &data() const { return m_data; }

private:
    void tag(int field, WireType type);
    void varint(quint64 value);

    QByteArray m_data;
};

} // namespace ct::openim::wire
