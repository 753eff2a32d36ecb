#pragma once
// A fast reader for the common Gotify stream frame (decodeGotifyFrame's fast path).
//
// It reads one flat JSON object straight from the frame's UTF-16 text and only says "handled"
// when the result is certain to equal the QJsonDocument path's. The shape it handles:
//   - one object, JSON white space (space, tab, LF, CR) around tokens, nothing after it;
//   - keys without escapes; the known keys id, appid, priority (integer or null) and
//     title, message, date (string or null), each at most once;
//   - other keys with a scalar value (string, integer, null, true, false), skipped;
//   - integers: optional '-', then 0 or 1-9 followed by digits, at most 18 digits;
//   - strings: no raw control character (< 0x20), surrogates only as raw pairs (an emoji;
//     never from \u, never alone), and only the escapes \" \\ \/ \b \f \n \r \t \uXXXX.
// Anything else (extras or any nested object/array, fractions, exponents, longer numbers,
// other escapes, escaped or lone surrogates, a known key twice or with another type, broken JSON) is not handled: the
// caller decodes the frame with QJsonDocument instead.
#include <QString>
#include <QStringView>
#include <optional>

namespace ct {

// A JSON string value as it stands in the frame: the characters between its quotes, escapes
// not yet decoded. A null or absent value is a null view, which reads as QString().
struct GotifyFrameString
{
    QStringView raw;
    bool hasEscapes = false;

    // The value as JSON defines it; a plain copy when there are no escapes.
    QString toString() const;
};

// The fields a handled frame gave. An absent or null key keeps its default, as QJsonValue's
// toInteger() and toString() give for those.
struct GotifyFrameFields
{
    qint64 id = 0;
    qint64 appid = 0;
    qint64 priority = 0; // as read; decodeGotifyFrame narrows it to int like QJsonValue::toInt()
    GotifyFrameString title;
    GotifyFrameString message;
    GotifyFrameString date;
};

// nullopt: the frame is not the flat shape above and must be decoded with QJsonDocument.
// The views in the result point into `frame`.
std::optional<GotifyFrameFields> scanGotifyFrame(QStringView frame);

} // namespace ct
