#pragma once
// A JSON5 parser that keeps where every value sits in the text, so the config can be edited
// byte for byte (see configdocument.h). It accepts what OpenClaw's reader (the `json5` npm
// package) accepts: // and /* */ comments, trailing commas, unquoted (ECMAScript identifier)
// keys, single-quoted strings with JSON5 escapes and line continuations, hexadecimal numbers,
// leading/trailing decimal points, an explicit '+', Infinity and NaN (signed too), and the
// JSON5 white space (U+00A0, U+FEFF, U+2028, U+2029, any Zs). A key given twice keeps its
// last value, as JSON5.parse does.
//
// Offsets are byte offsets into the UTF-8 text.
#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ct {

struct Json5Entry;

struct Json5Node
{
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    qsizetype begin = 0; // first byte of the value ('{', '[', the quote, the first digit…)
    qsizetype end = 0;   // one past its last byte
    QJsonValue scalar;   // the value of a scalar (strings decoded, numbers as double)
    char quote = 0;      // '"' or '\'' for a string
    // Members of an object (in text order, duplicates included) or items of an array.
    std::vector<Json5Entry> entries;

    bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    // The entry holding `key` in an object (the last one when the key is repeated), or null.
    const Json5Entry *member(const QString &key) const;
    // The whole value as Qt JSON (Infinity and NaN stay doubles).
    QJsonValue toJson() const;
};

struct Json5Entry
{
    QString key;             // object members only
    qsizetype keyBegin = -1; // first byte of the key (its quote when quoted); items: the value
    qsizetype keyEnd = -1;
    char keyQuote = 0; // '"', '\'' or 0 for an identifier key
    Json5Node value;
    qsizetype comma = -1; // the ',' after this entry, -1 when there is none
};

struct Json5Error
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in characters
    qsizetype offset = 0;
    QString path; // JSON path of the value being read ("channels.gotify.accounts[0]")
    QString message;

    // "invalid JSON5 at line 2, column 3 (in channels.gotify): <message>"; just the message
    // when line is 0 (a problem with the document as a whole).
    QString toString() const;
};

// How deep values may nest (a deeper document is refused as invalid).
inline constexpr int kJson5MaxDepth = 256;

// Parses `text` (UTF-8). Returns nullopt and fills `*error` when it is not JSON5.
std::optional<Json5Node> parseJson5(const QByteArray &text, Json5Error *error = nullptr);

// "channels.gotify.accounts" for {"channels","gotify","accounts"}, as config problems name
// paths.
QString json5PathString(const QStringList &path);

} // namespace ct
