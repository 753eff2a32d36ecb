#include "json5parser.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace ct {

namespace {

constexpr int kMaxDepth = kJson5MaxDepth;

class Parser
{
public:
    explicit Parser(const QByteArray &text) : m_text(text) {}

    std::optional<Json5Node> parse()
    {
        // A UTF-8 byte order mark is white space in JSON5.
        skipSpace();
        if (m_failed)
            return std::nullopt;
        if (atEnd()) {
            fail(QStringLiteral("the text ends before any value"));
            return std::nullopt;
        }
        Json5Node root;
        if (!value(root, 0))
            return std::nullopt;
        skipSpace();
        if (m_failed)
            return std::nullopt;
        if (!atEnd()) {
            fail(QStringLiteral("unexpected %1 after the end of the value").arg(describeHere()));
            return std::nullopt;
        }
        return root;
    }

    Json5Error error() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : '\0';
    }

    // The code point at `pos` and its length in bytes (an invalid byte counts as U+FFFD).
    char32_t codePointAt(qsizetype pos, int *length) const
    {
        const auto b = static_cast<unsigned char>(m_text.at(pos));
        int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || pos + n > m_text.size()) {
            *length = 1;
            return 0xFFFD;
        }
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (int i = 1; i < n; ++i) {
            const auto c = static_cast<unsigned char>(m_text.at(pos + i));
            if ((c & 0xC0) != 0x80) {
                *length = 1;
                return 0xFFFD;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        *length = n;
        return cp;
    }

    QString describeHere() const
    {
        if (atEnd())
            return QStringLiteral("end of input");
        int len = 1;
        const char32_t cp = codePointAt(m_pos, &len);
        if (cp == '\n')
            return QStringLiteral("line break");
        if (cp < 0x20 || cp == 0x7F)
            return QStringLiteral("control character U+%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        // Letters and digits may be part of a token: they are named, never shown.
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return QStringLiteral("a letter");
        if (cp >= '0' && cp <= '9')
            return QStringLiteral("a digit");
        if (cp > 0x7F)
            return QStringLiteral("a non-ASCII character");
        return QStringLiteral("'%1'").arg(QChar(char16_t(cp)));
    }

    QString pathString() const
    {
        QString out;
        for (const QString &segment : m_path)
            out += (out.isEmpty() || segment.startsWith(QLatin1Char('[')) ? QString() : QStringLiteral("."))
                   + segment;
        return out;
    }

    bool fail(const QString &message, qsizetype at = -1)
    {
        if (m_failed)
            return false;
        m_failed = true;
        const qsizetype offset = qBound<qsizetype>(0, at < 0 ? m_pos : at, m_text.size());
        const QByteArray before = m_text.left(offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        m_error.line = int(before.count('\n')) + 1;
        m_error.column = int(QString::fromUtf8(before.mid(lineStart)).toUcs4().size()) + 1;
        m_error.offset = offset;
        m_error.path = pathString();
        m_error.message = message;
        return false;
    }

    static bool isSpaceCodePoint(char32_t cp)
    {
        switch (cp) {
        case '\t':
        case '\n':
        case '\v':
        case '\f':
        case '\r':
        case ' ':
        case 0xA0:
        case 0x2028:
        case 0x2029:
        case 0xFEFF:
            return true;
        default:
            return cp > 0x7F && QChar::category(cp) == QChar::Separator_Space;
        }
    }

    static bool isLineTerminator(char32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

    // White space and comments.
    void skipSpace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == '/' && peek(1) == '/') {
                m_pos += 2;
                while (!atEnd()) {
                    int len = 1;
                    if (isLineTerminator(codePointAt(m_pos, &len)))
                        break;
                    m_pos += len;
                }
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                const qsizetype start = m_pos;
                const qsizetype close = m_text.indexOf("*/", m_pos + 2);
                if (close < 0) {
                    fail(QStringLiteral("a /* comment is never closed"), start);
                    return;
                }
                m_pos = close + 2;
                continue;
            }
            int len = 1;
            if (!isSpaceCodePoint(codePointAt(m_pos, &len)))
                return;
            m_pos += len;
        }
    }

    bool value(Json5Node &node, int depth)
    {
        if (depth > kMaxDepth)
            return fail(QStringLiteral("values are nested more than %1 deep").arg(kMaxDepth));
        node.begin = m_pos;
        const char c = peek();
        bool ok = false;
        if (c == '{')
            ok = object(node, depth);
        else if (c == '[')
            ok = array(node, depth);
        else if (c == '"' || c == '\'')
            ok = string(node);
        else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))
            ok = number(node);
        else
            ok = literal(node);
        node.end = m_pos;
        return ok;
    }

    bool word(const char *w)
    {
        const qsizetype n = qsizetype(qstrlen(w));
        if (m_text.mid(m_pos, n) != w)
            return false;
        m_pos += n;
        return true;
    }

    bool literal(Json5Node &node)
    {
        if (word("true")) {
            node.kind = Json5Node::Kind::Bool;
            node.scalar = true;
        } else if (word("false")) {
            node.kind = Json5Node::Kind::Bool;
            node.scalar = false;
        } else if (word("null")) {
            node.kind = Json5Node::Kind::Null;
            node.scalar = QJsonValue::Null;
        } else if (word("Infinity")) {
            node.kind = Json5Node::Kind::Number;
            node.scalar = std::numeric_limits<double>::infinity();
        } else if (word("NaN")) {
            node.kind = Json5Node::Kind::Number;
            node.scalar = std::numeric_limits<double>::quiet_NaN();
        } else {
            return fail(QStringLiteral("unexpected %1; expected a value").arg(describeHere()));
        }
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number(Json5Node &node)
    {
        node.kind = Json5Node::Kind::Number;
        double sign = 1;
        if (peek() == '+' || peek() == '-') {
            sign = peek() == '-' ? -1 : 1;
            ++m_pos;
        }
        if (word("Infinity")) {
            node.scalar = sign * std::numeric_limits<double>::infinity();
            return true;
        }
        if (word("NaN")) {
            node.scalar = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            m_pos += 2;
            if (hexDigit(peek()) < 0)
                return fail(QStringLiteral("unexpected %1 in a hexadecimal number").arg(describeHere()));
            double v = 0;
            while (hexDigit(peek()) >= 0)
                v = v * 16 + hexDigit(m_text.at(m_pos++));
            node.scalar = sign * v;
            return true;
        }
        const qsizetype start = m_pos;
        bool digits = false;
        if (peek() == '0') {
            ++m_pos;
            digits = true;
        } else {
            while (isDigit(peek())) {
                ++m_pos;
                digits = true;
            }
        }
        if (peek() == '.') {
            ++m_pos;
            while (isDigit(peek())) {
                ++m_pos;
                digits = true;
            }
        }
        if (!digits)
            return fail(QStringLiteral("unexpected %1 in a number").arg(describeHere()));
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit(peek()))
                return fail(QStringLiteral("unexpected %1 in the exponent of a number").arg(describeHere()));
            while (isDigit(peek()))
                ++m_pos;
        }
        bool ok = false;
        const double v = m_text.mid(start, m_pos - start).toDouble(&ok);
        // "5." is a JSON5 number that toDouble() may refuse; read it without the point.
        const double value = ok ? v : m_text.mid(start, m_pos - start - 1).toDouble();
        node.scalar = sign * value;
        return true;
    }

    // After a backslash inside a string or an identifier: \uXXXX.
    bool unicodeEscape(QString &out)
    {
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hexDigit(peek());
            if (d < 0)
                return fail(QStringLiteral("unexpected %1 in a \\u escape").arg(describeHere()));
            v = v * 16 + d;
            ++m_pos;
        }
        out += QChar(char16_t(v));
        return true;
    }

    bool quoted(QString &out, char quote)
    {
        const qsizetype start = m_pos;
        ++m_pos;        // the opening quote
        QByteArray run; // raw UTF-8 between escapes
        auto flush = [&] {
            out += QString::fromUtf8(run);
            run.clear();
        };
        while (true) {
            if (atEnd())
                return fail(QStringLiteral("a string is never closed"), start);
            const char c = peek();
            if (c == quote) {
                ++m_pos;
                flush();
                return true;
            }
            if (c == '\n' || c == '\r')
                return fail(QStringLiteral("a line break inside a string (end the line with '\\' to "
                                           "continue it)"));
            if (c != '\\') {
                run += c;
                ++m_pos;
                continue;
            }
            flush();
            ++m_pos;
            if (atEnd())
                return fail(QStringLiteral("a string is never closed"), start);
            const char e = peek();
            int len = 1;
            const char32_t cp = codePointAt(m_pos, &len);
            switch (e) {
            case 'b':
                out += QChar(u'\b');
                break;
            case 'f':
                out += QChar(u'\f');
                break;
            case 'n':
                out += QChar(u'\n');
                break;
            case 'r':
                out += QChar(u'\r');
                break;
            case 't':
                out += QChar(u'\t');
                break;
            case 'v':
                out += QChar(u'\v');
                break;
            case '0':
                if (isDigit(peek(1))) {
                    ++m_pos;
                    return fail(QStringLiteral("unexpected %1 after \\0 in a string").arg(describeHere()));
                }
                out += QChar(u'\0');
                break;
            case 'x': {
                ++m_pos;
                const int hi = hexDigit(peek());
                const int lo = hexDigit(peek(1));
                if (hi < 0 || lo < 0)
                    return fail(QStringLiteral("a \\x escape needs two hexadecimal digits"));
                out += QChar(char16_t(hi * 16 + lo));
                m_pos += 2;
                continue;
            }
            case 'u':
                ++m_pos;
                if (!unicodeEscape(out))
                    return false;
                continue;
            case '\r':
                if (peek(1) == '\n')
                    ++m_pos; // \ CR LF is one line continuation
                break;
            case '\n':
                break;
            default:
                if (e >= '1' && e <= '9')
                    return fail(QStringLiteral("unexpected %1 after '\\' in a string").arg(describeHere()));
                if (cp == 0x2028 || cp == 0x2029) {
                    m_pos += len; // a line continuation
                    continue;
                }
                // Any other character escapes to itself.
                out += QString::fromUcs4(&cp, 1);
                m_pos += len;
                continue;
            }
            ++m_pos;
        }
    }

    bool string(Json5Node &node)
    {
        node.kind = Json5Node::Kind::String;
        node.quote = peek();
        QString s;
        if (!quoted(s, node.quote))
            return false;
        node.scalar = s;
        return true;
    }

    static bool isIdStart(char32_t cp)
    {
        if (cp == '$' || cp == '_' || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return true;
        if (cp < 0x80)
            return false;
        switch (QChar::category(cp)) {
        case QChar::Letter_Uppercase:
        case QChar::Letter_Lowercase:
        case QChar::Letter_Titlecase:
        case QChar::Letter_Modifier:
        case QChar::Letter_Other:
        case QChar::Number_Letter:
            return true;
        default:
            return false;
        }
    }
    static bool isIdPart(char32_t cp)
    {
        if (isIdStart(cp) || (cp >= '0' && cp <= '9') || cp == 0x200C || cp == 0x200D)
            return true;
        if (cp < 0x80)
            return false;
        switch (QChar::category(cp)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Number_DecimalDigit:
        case QChar::Punctuation_Connector:
            return true;
        default:
            return false;
        }
    }

    bool identifier(QString &out)
    {
        bool first = true;
        while (!atEnd()) {
            int len = 1;
            char32_t cp = codePointAt(m_pos, &len);
            QString piece;
            if (cp == '\\') {
                const qsizetype at = m_pos;
                ++m_pos;
                if (peek() != 'u')
                    return fail(QStringLiteral("only \\u escapes may appear in a key"));
                ++m_pos;
                if (!unicodeEscape(piece))
                    return false;
                cp = piece.at(0).unicode();
                if (!(first ? isIdStart(cp) : isIdPart(cp)))
                    return fail(QStringLiteral("the escape does not name a character allowed in a key"), at);
                out += piece;
                first = false;
                continue;
            }
            if (!(first ? isIdStart(cp) : isIdPart(cp)))
                break;
            out += QString::fromUcs4(&cp, 1);
            m_pos += len;
            first = false;
        }
        if (first)
            return fail(QStringLiteral("unexpected %1; expected a key").arg(describeHere()));
        return true;
    }

    bool object(Json5Node &node, int depth)
    {
        node.kind = Json5Node::Kind::Object;
        ++m_pos; // '{'
        while (true) {
            skipSpace();
            if (m_failed)
                return false;
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            if (atEnd())
                return fail(QStringLiteral("the text ends inside an object; expected '}'"));
            Json5Entry entry;
            entry.keyBegin = m_pos;
            if (peek() == '"' || peek() == '\'') {
                entry.keyQuote = peek();
                if (!quoted(entry.key, entry.keyQuote))
                    return false;
            } else if (!identifier(entry.key)) {
                return false;
            }
            entry.keyEnd = m_pos;
            skipSpace();
            if (m_failed)
                return false;
            m_path.append(entry.key);
            if (peek() != ':')
                return fail(QStringLiteral("unexpected %1 after a key; expected ':'").arg(describeHere()));
            ++m_pos;
            skipSpace();
            if (m_failed)
                return false;
            if (atEnd())
                return fail(QStringLiteral("the text ends before the value of a key"));
            if (!value(entry.value, depth + 1))
                return false;
            skipSpace();
            if (m_failed)
                return false;
            const bool comma = peek() == ',';
            if (comma)
                entry.comma = m_pos++;
            node.entries.push_back(std::move(entry));
            if (comma || peek() == '}')
                m_path.removeLast();
            if (comma)
                continue;
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            if (atEnd())
                return fail(QStringLiteral("the text ends inside an object; expected '}'"));
            return fail(QStringLiteral("unexpected %1 after a value; expected ',' or '}'").arg(describeHere()));
        }
    }

    bool array(Json5Node &node, int depth)
    {
        node.kind = Json5Node::Kind::Array;
        ++m_pos; // '['
        while (true) {
            skipSpace();
            if (m_failed)
                return false;
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            if (atEnd())
                return fail(QStringLiteral("the text ends inside an array; expected ']'"));
            Json5Entry entry;
            entry.keyBegin = m_pos;
            m_path.append(QStringLiteral("[%1]").arg(node.entries.size()));
            if (!value(entry.value, depth + 1))
                return false;
            skipSpace();
            if (m_failed)
                return false;
            const bool comma = peek() == ',';
            if (comma)
                entry.comma = m_pos++;
            node.entries.push_back(std::move(entry));
            if (comma || peek() == ']')
                m_path.removeLast();
            if (comma)
                continue;
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            if (atEnd())
                return fail(QStringLiteral("the text ends inside an array; expected ']'"));
            return fail(QStringLiteral("unexpected %1 after a value; expected ',' or ']'").arg(describeHere()));
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    bool m_failed = false;
    QStringList m_path;
    Json5Error m_error;
};

} // namespace

const Json5Entry *Json5Node::member(const QString &key) const
{
    if (kind != Kind::Object)
        return nullptr;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->key == key)
            return &*it;
    return nullptr;
}

QJsonValue Json5Node::toJson() const
{
    if (kind == Kind::Object) {
        QJsonObject o;
        for (const Json5Entry &e : entries)
            o.insert(e.key, e.value.toJson()); // a later duplicate replaces an earlier one
        return o;
    }
    if (kind == Kind::Array) {
        QJsonArray a;
        for (const Json5Entry &e : entries)
            a.append(e.value.toJson());
        return a;
    }
    return scalar;
}

QString Json5Error::toString() const
{
    if (line == 0)
        return message; // about the document as a whole
    const QString where = path.isEmpty() ? QString() : QStringLiteral(" (in %1)").arg(path);
    return QStringLiteral("invalid JSON5 at line %1, column %2%3: %4").arg(line).arg(column).arg(where, message);
}

std::optional<Json5Node> parseJson5(const QByteArray &text, Json5Error *error)
{
    Parser parser(text);
    auto root = parser.parse();
    if (!root && error)
        *error = parser.error();
    return root;
}

QString json5PathString(const QStringList &path)
{
    return path.join(QLatin1Char('.'));
}

} // namespace ct
