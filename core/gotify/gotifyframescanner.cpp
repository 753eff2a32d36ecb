#include "gotifyframescanner.h"

#include <QtAlgorithms>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ct {

namespace {

using namespace std::string_view_literals;

// A character that stands for itself inside a JSON string, as far as this scanner goes: not
// the closing quote, not an escape, not a control character (JSON forbids them raw), not a
// surrogate (left to QJsonDocument).
constexpr bool isPlain(char16_t c)
{
    return c >= 0x20 && c != u'"' && c != u'\\' && !(c >= 0xD800 && c <= 0xDFFF);
}

// The first character in [p, end) that is not plain (or end). Most of a frame is string
// content, so this is the scanner's inner loop: with SSE2 it tests eight characters at once.
const char16_t *skipPlain(const char16_t *p, const char16_t *end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi16(u'"');
    const __m128i backslash = _mm_set1_epi16(u'\\');
    // SSE2 compares 16-bit lanes as signed: flipping the top bit turns "c < 0x20" unsigned
    // into a signed comparison.
    const __m128i flip = _mm_set1_epi16(short(0x8000));
    const __m128i space = _mm_set1_epi16(short(0x20 ^ 0x8000));
    const __m128i surrogateMask = _mm_set1_epi16(short(0xF800)); // D800..DFFF: top 5 bits 11011
    const __m128i surrogate = _mm_set1_epi16(short(0xD800));
    for (; end - p >= 8; p += 8) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi16(c, quote), _mm_cmpeq_epi16(c, backslash)),
            _mm_or_si128(_mm_cmplt_epi16(_mm_xor_si128(c, flip), space),
                         _mm_cmpeq_epi16(_mm_and_si128(c, surrogateMask), surrogate)));
        // Two mask bits per 16-bit lane.
        if (const uint mask = uint(_mm_movemask_epi8(special)))
            return p + qCountTrailingZeroBits(mask) / 2;
    }
#endif
    while (p < end && isPlain(*p))
        ++p;
    return p;
}

// The value of the four hex digits at p (which has at least four characters); -1 when one is
// not a hex digit.
int hex4(const char16_t *p)
{
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char16_t c = p[i];
        int d;
        if (c >= u'0' && c <= u'9')
            d = c - u'0';
        else if (c >= u'a' && c <= u'f')
            d = c - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            d = c - u'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

// The keys decodeGotifyMessage reads, except extras (which is never flat). Bit flags, so that
// a key seen twice is noticed: QJsonDocument keeps the last one; we simply leave such a frame
// to it.
enum KnownKey : unsigned { Unknown = 0, Id = 1, AppId = 2, Priority = 4, Title = 8, Message = 16, Date = 32 };

KnownKey knownKey(QStringView key)
{
    // std::u16string_view and ""sv: the literals' lengths are known at compile time
    // (QStringView would look for a NUL in each at run time).
    const std::u16string_view k(key.utf16(), size_t(key.size()));
    switch (k.size()) {
    case 2:
        return k == u"id"sv ? Id : Unknown;
    case 4:
        return k == u"date"sv ? Date : Unknown;
    case 5:
        return k == u"appid"sv ? AppId : k == u"title"sv ? Title : Unknown;
    case 7:
        return k == u"message"sv ? Message : Unknown;
    case 8:
        return k == u"priority"sv ? Priority : Unknown;
    default:
        return Unknown;
    }
}

// A cursor over the frame. Every scan function returns false as soon as the text leaves the
// handled shape; the result is then thrown away, so the cursor position no longer matters.
class Scanner
{
public:
    explicit Scanner(QStringView text) : m_p(text.utf16()), m_end(text.utf16() + text.size()) {}

    // frame = '{' [ member *( ',' member ) ] '}', white space around any token, then the end.
    bool scanFrame(GotifyFrameFields *fields)
    {
        if (!take(u'{'))
            return false;
        if (!take(u'}')) {
            unsigned seen = 0;
            do {
                // member = key ':' value
                GotifyFrameString key;
                if (!take(u'"') || !scanString(&key) || key.hasEscapes) // "t\u0069tle" is "title"
                    return false;
                const KnownKey known = knownKey(key.raw);
                if (seen & known)
                    return false;
                seen |= known;
                if (!take(u':') || !scanValue(known, fields))
                    return false;
            } while (take(u','));
            // A number followed by '.', 'e' or 'E' (a fraction or exponent) ends up here too.
            if (!take(u'}'))
                return false;
        }
        skipSpace();
        return m_p == m_end; // else trailing garbage
    }

private:
    // JSON white space: exactly space, tab, LF and CR.
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == u' ' || *m_p == u'\t' || *m_p == u'\n' || *m_p == u'\r'))
            ++m_p;
    }

    // Skips white space, then consumes c when it comes next.
    bool take(char16_t c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    // A string whose opening quote was just consumed; consumes the closing quote too.
    bool scanString(GotifyFrameString *s)
    {
        const char16_t *start = m_p;
        bool escapes = false;
        while ((m_p = skipPlain(m_p, m_end)) < m_end) {
            const char16_t c = *m_p;
            if (c == u'"') {
                s->raw = QStringView(start, m_p);
                s->hasEscapes = escapes;
                ++m_p;
                return true;
            }
            if (c == u'\\') {
                if (!scanEscape())
                    return false;
                escapes = true;
                continue;
            }
            // A raw pair (an emoji): UTF-8 → UTF-16 made it, so the JSON path reads the same.
            if (QChar::isHighSurrogate(c) && m_end - m_p >= 2 && QChar::isLowSurrogate(m_p[1])) {
                m_p += 2;
                continue;
            }
            return false; // a control character or a lone surrogate
        }
        return false; // unterminated
    }

    // The escape at m_p (a backslash): only the ones JSON defines. QJsonDocument accepts any
    // "\x" as x; such a frame is not ours.
    bool scanEscape()
    {
        if (m_end - m_p < 2)
            return false;
        switch (m_p[1]) {
        case u'"':
        case u'\\':
        case u'/':
        case u'b':
        case u'f':
        case u'n':
        case u'r':
        case u't':
            m_p += 2;
            return true;
        case u'u': {
            if (m_end - m_p < 6)
                return false;
            const int code = hex4(m_p + 2);
            if (code < 0 || QChar::isSurrogate(char16_t(code)))
                return false;
            m_p += 6;
            return true;
        }
        default:
            return false;
        }
    }

    // int = [ '-' ] ( '0' / 1-9 *digit ), at most 18 digits so that it always fits qint64
    // and QJsonDocument reads it as the same integer.
    bool scanInteger(qint64 *v)
    {
        constexpr qsizetype kMaxDigits = 18;
        const bool negative = m_p < m_end && *m_p == u'-';
        if (negative)
            ++m_p;
        const char16_t *first = m_p;
        qint64 n = 0;
        while (m_p < m_end && *m_p >= u'0' && *m_p <= u'9') {
            if (m_p - first == kMaxDigits)
                return false;
            n = n * 10 + (*m_p - u'0');
            ++m_p;
        }
        if (m_p == first || (*first == u'0' && m_p - first > 1)) // no digits, or a leading zero
            return false;
        *v = negative ? -n : n;
        return true;
    }

    // One of the words null, true, false.
    bool scanWord(std::u16string_view word)
    {
        if (size_t(m_end - m_p) < word.size() || word.compare(0, word.size(), m_p, word.size()) != 0)
            return false;
        m_p += word.size();
        return true;
    }

    // The value of a member. A known key's value goes straight into its field and must have
    // the type the JSON path reads (a number as title, a string as id or true as priority are
    // left to it); null reads like an absent key (0 or QString()), so it leaves the field as
    // it is. Any other key's value is skipped when it is a scalar. An object or array is
    // never ours.
    bool scanValue(KnownKey key, GotifyFrameFields *f)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        if (*m_p == u'n')
            return scanWord(u"null"sv);
        switch (key) {
        case Id:
            return scanInteger(&f->id);
        case AppId:
            return scanInteger(&f->appid);
        case Priority:
            return scanInteger(&f->priority);
        case Title:
            return take(u'"') && scanString(&f->title);
        case Message:
            return take(u'"') && scanString(&f->message);
        case Date:
            return take(u'"') && scanString(&f->date);
        case Unknown:
            break;
        }
        GotifyFrameString ignoredString;
        qint64 ignoredNumber;
        switch (*m_p) {
        case u'"':
            ++m_p;
            return scanString(&ignoredString);
        case u't':
            return scanWord(u"true"sv);
        case u'f':
            return scanWord(u"false"sv);
        default:
            return scanInteger(&ignoredNumber);
        }
    }

    const char16_t *m_p;
    const char16_t *m_end;
};

} // namespace

QString GotifyFrameString::toString() const
{
    if (!hasEscapes)
        return raw.toString();
    // Every escape is longer than what it stands for, so raw.size() is enough room. The
    // scanner has already checked each escape.
    QString out(raw.size(), Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    const char16_t *p = raw.utf16();
    const char16_t *const end = p + raw.size();
    while (p < end) {
        if (*p != u'\\') {
            *d++ = *p++;
            continue;
        }
        switch (p[1]) {
        case u'b':
            *d++ = u'\b';
            break;
        case u'f':
            *d++ = u'\f';
            break;
        case u'n':
            *d++ = u'\n';
            break;
        case u'r':
            *d++ = u'\r';
            break;
        case u't':
            *d++ = u'\t';
            break;
        case u'u':
            *d++ = char16_t(hex4(p + 2));
            p += 4;
            break;
        default: // '"', '\\', '/': the character itself
            *d++ = p[1];
            break;
        }
        p += 2;
    }
    out.truncate(d - reinterpret_cast<const char16_t *>(out.constData()));
    return out;
}

std::optional<GotifyFrameFields> scanGotifyFrame(QStringView frame)
{
    // Filled in place and returned as is (no copy of the fields).
    std::optional<GotifyFrameFields> fields(std::in_place);
    if (!Scanner(frame).scanFrame(&*fields))
        fields.reset();
    return fields;
}

} // namespace ct
