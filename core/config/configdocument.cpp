#include "configdocument.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ct {

struct ConfigDocument::Style
{
    char keyQuote = '"'; // 0: unquoted where the key is an identifier
    QByteArray separator = ": ";
    bool trailingComma = false;
    bool multiline = true;
    QByteArray indent; // of the container's members
};

namespace {

// The deepest indentation a new value is written with line by line (appendSerialized).
constexpr qsizetype kMaxIndentBytes = 128;

struct Counts
{
    int doubleQuoted = 0, singleQuoted = 0;
    int quotedKeys = 0, bareKeys = 0;
    int trailing = 0, notTrailing = 0;
};

void count(const Json5Node &node, Counts &c)
{
    if (node.kind == Json5Node::Kind::String)
        (node.quote == '\'' ? c.singleQuoted : c.doubleQuoted)++;
    if (!node.isContainer())
        return;
    for (const Json5Entry &e : node.entries) {
        if (node.kind == Json5Node::Kind::Object)
            (e.keyQuote ? c.quotedKeys : c.bareKeys)++;
        count(e.value, c);
    }
    if (!node.entries.empty())
        (node.entries.back().comma >= 0 ? c.trailing : c.notTrailing)++;
}

bool isIdentifier(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*\\z"));
    return re.match(key).hasMatch();
}

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Where a `//` comment that starts at `from` ends: at the first JSON5 line terminator (LF, CR,
// U+2028, U+2029, as Json5Parser reads them), not only at the next LF. Of CR LF, the LF. The end
// of the text when none follows.
qsizetype lineCommentEnd(const QByteArray &text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n')
            return i;
        if (c == '\r')
            return i + 1 < text.size() && text.at(i + 1) == '\n' ? i + 1 : i;
        if (c == '\xE2' && i + 2 < text.size() && text.at(i + 1) == '\x80'
            && (text.at(i + 2) == '\xA8' || text.at(i + 2) == '\xA9'))
            return i;
    }
    return text.size();
}

// A line (trimmed) that holds one comment and nothing else.
bool isCommentLine(const QByteArray &line)
{
    if (line.startsWith("//"))
        return lineCommentEnd(line, 2) == line.size();
    return line.startsWith("/*") && line.indexOf("*/", 2) == line.size() - 2;
}

QByteArray numberText(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d < 0 ? "-Infinity" : "Infinity";
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(d));
    return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

QByteArray stringText(const QString &s, char quote)
{
    QString out = QString(QLatin1Char(quote));
    for (const QChar ch : s) {
        const char16_t u = ch.unicode();
        switch (u) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        case '\f':
            out += QLatin1String("\\f");
            break;
        default:
            if (u == char16_t(quote))
                out += QLatin1Char('\\');
            if (u < 0x20 || u == 0x7F || u == 0x2028 || u == 0x2029)
                out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
            else
                out += ch;
        }
    }
    out += QLatin1Char(quote);
    return out.toUtf8();
}

} // namespace

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double: {
        const double x = a.toDouble(), y = b.toDouble();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it)
            if (!y.contains(it.key()) || !sameJson(it.value(), y.value(it.key())))
                return false;
        return true;
    }
    default:
        return a == b;
    }
}

std::optional<QList<int>> removedItems(const QJsonArray &from, const QJsonArray &to)
{
    QList<int> gone;
    qsizetype j = 0;
    for (qsizetype i = 0; i < from.size(); ++i) {
        if (j < to.size() && sameJson(from.at(i), to.at(j)))
            ++j;
        else
            gone.prepend(int(i));
    }
    if (j != to.size())
        return std::nullopt;
    return gone;
}

std::optional<ConfigDocument> ConfigDocument::fromText(const QByteArray &text, Json5Error *error)
{
    auto root = parseJson5(text, error);
    if (!root)
        return std::nullopt;
    if (root->kind != Json5Node::Kind::Object) {
        if (error) {
            *error = Json5Error{0, 0, 0, QString(),
                                QStringLiteral("expected a JSON object at the top, got %1")
                                    .arg(root->kind == Json5Node::Kind::Array ? QStringLiteral("an array")
                                                                              : QStringLiteral("a single value"))};
        }
        return std::nullopt;
    }
    ConfigDocument doc;
    doc.m_text = text;
    doc.m_root = std::move(*root);
    if (text.contains("\r\n"))
        doc.m_eol = "\r\n";
    Counts c;
    count(doc.m_root, c);
    doc.m_stringQuote = c.singleQuoted > c.doubleQuoted ? '\'' : '"';
    doc.m_unquotedKeys = c.bareKeys > c.quotedKeys;
    doc.m_trailingCommas = c.trailing > c.notTrailing;
    // The indentation step: how much deeper the first own-line member sits than its object.
    std::vector<const Json5Node *> todo{&doc.m_root};
    while (!todo.empty()) {
        const Json5Node *n = todo.back();
        todo.pop_back();
        if (!n->isContainer() || n->entries.empty())
            continue;
        const Json5Entry &first = n->entries.front();
        if (doc.startsLine(first.keyBegin)) {
            const QByteArray outer = doc.indentAt(n->begin);
            const QByteArray inner = doc.indentAt(first.keyBegin);
            if (inner.size() > outer.size() && inner.startsWith(outer)) {
                doc.m_unit = inner.mid(outer.size());
                break;
            }
        }
        for (const Json5Entry &e : n->entries)
            todo.insert(todo.begin(), &e.value);
    }
    return doc;
}

ConfigDocument ConfigDocument::fromJson(const QJsonObject &root)
{
    ConfigDocument empty = *fromText("{}\n");
    Style style;
    style.indent = "";
    QByteArray text = empty.serialize(root, style, "", true) + "\n";
    return *fromText(text);
}

qsizetype ConfigDocument::lineStart(qsizetype pos) const
{
    return pos <= 0 ? 0 : m_text.lastIndexOf('\n', pos - 1) + 1;
}

QByteArray ConfigDocument::indentAt(qsizetype pos) const
{
    qsizetype i = lineStart(pos);
    const qsizetype start = i;
    while (i < m_text.size() && isLineSpace(m_text.at(i)))
        ++i;
    return m_text.mid(start, i - start);
}

bool ConfigDocument::startsLine(qsizetype pos) const
{
    for (qsizetype i = lineStart(pos); i < pos; ++i)
        if (!isLineSpace(m_text.at(i)))
            return false;
    return true;
}

const Json5Node *ConfigDocument::nodeAt(const QStringList &path) const
{
    const Json5Node *node = &m_root;
    for (const QString &key : path) {
        const Json5Entry *e = node->member(key);
        if (!e)
            return nullptr;
        node = &e->value;
    }
    return node;
}

ConfigDocument::Style ConfigDocument::styleFor(const Json5Node &container) const
{
    Style s;
    s.trailingComma = m_trailingCommas;
    s.keyQuote = m_unquotedKeys ? 0 : m_stringQuote;
    if (!container.entries.empty()) {
        const Json5Entry &last = container.entries.back();
        s.multiline = startsLine(last.keyBegin);
        s.indent = s.multiline ? indentAt(last.keyBegin) : indentAt(container.begin) + m_unit;
        s.trailingComma = last.comma >= 0;
        if (container.kind == Json5Node::Kind::Object) {
            s.keyQuote = last.keyQuote;
            const QByteArray between = m_text.mid(last.keyEnd, last.value.begin - last.keyEnd);
            if (!between.contains('\n') && !between.contains('/'))
                s.separator = between;
        }
    } else {
        s.indent = indentAt(container.begin) + m_unit;
        // An empty object is laid out over lines when it already spans lines, or when it is
        // the value of a member that starts its own line ("accounts: {}").
        const QByteArray lead = m_text.mid(lineStart(container.begin),
                                           container.begin - lineStart(container.begin));
        s.multiline = m_text.mid(container.begin, container.end - container.begin).contains('\n')
                      || &container == &m_root || lead.trimmed().isEmpty()
                      || (lead.trimmed().endsWith(':') && !lead.contains('{') && !lead.contains('[')
                          && !lead.contains(','));
    }
    return s;
}

QByteArray ConfigDocument::keyText(const QString &key, const Style &style) const
{
    if (style.keyQuote == 0 && isIdentifier(key))
        return key.toUtf8();
    return stringText(key, style.keyQuote ? style.keyQuote : m_stringQuote);
}

QByteArray ConfigDocument::serialize(const QJsonValue &value, const Style &style, const QByteArray &indent,
                                     bool multiline) const
{
    QByteArray out;
    appendSerialized(out, value, style, indent, multiline);
    return out;
}

void ConfigDocument::appendSerialized(QByteArray &out, const QJsonValue &value, const Style &style,
                                      const QByteArray &indent, bool multiline) const
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        out += numberText(value.toDouble());
        return;
    case QJsonValue::String:
        out += stringText(value.toString(), m_stringQuote);
        return;
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    const bool isObject = value.isObject();
    const QJsonObject object = value.toObject();
    const QJsonArray array = value.toArray();
    const qsizetype n = isObject ? object.size() : array.size();
    const char *open = isObject ? "{" : "[";
    const char *close = isObject ? "}" : "]";
    if (n == 0) {
        out += open;
        out += close;
        return;
    }
    bool scalarsOnly = !isObject;
    for (const QJsonValue &v : array)
        scalarsOnly = scalarsOnly && !v.isArray() && !v.isObject();
    const QByteArray innerIndent = indent + m_unit;
    // Past kMaxIndentBytes of indentation a new value goes on one line: its text then grows with
    // its depth, not with the square of it (a 250-deep value indented by two spaces a level
    // would be 125 KB of spaces).
    const bool lines = multiline && !scalarsOnly && innerIndent.size() <= kMaxIndentBytes;
    const QStringList keys = object.keys();
    out += lines ? QByteArray(open) + m_eol : QByteArray(isObject ? "{ " : "[");
    for (qsizetype i = 0; i < n; ++i) {
        if (lines)
            out += innerIndent;
        else if (i)
            out += ", ";
        if (isObject)
            out += keyText(keys.at(i), style) + style.separator;
        appendSerialized(out, isObject ? object.value(keys.at(i)) : array.at(i), style,
                         lines ? innerIndent : indent, lines);
        if (lines)
            out += (i + 1 < n || style.trailingComma ? "," : "") + m_eol;
    }
    if (lines)
        out += indent + close;
    else
        out += isObject ? " }" : "]";
}

bool ConfigDocument::apply(QList<Edit> edits, QString *error)
{
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.begin > b.begin; });
    QByteArray text = m_text;
    for (const Edit &e : edits)
        text.replace(e.begin, e.end - e.begin, e.text);
    Json5Error parseError;
    auto doc = fromText(text, &parseError);
    if (!doc) {
        // Never expected: an edit that would break the file is refused, the file kept.
        if (error)
            *error = QStringLiteral("the edit would make the file invalid (%1); nothing was changed")
                         .arg(parseError.toString());
        return false;
    }
    *this = std::move(*doc);
    return true;
}

bool ConfigDocument::insertMember(const Json5Node &object, const QString &key, const QJsonValue &value,
                                  QString *error)
{
    const Style style = styleFor(object);
    QByteArray member = keyText(key, style) + style.separator
                        + serialize(value, style, style.indent, style.multiline);
    if (object.entries.empty()) {
        const qsizetype close = object.end - 1;
        const QByteArray inside = m_text.mid(object.begin + 1, close - object.begin - 1);
        const QByteArray outer = indentAt(object.begin);
        const QByteArray comma = style.multiline && style.trailingComma ? "," : "";
        if (inside.trimmed().isEmpty()) {
            const QByteArray body = style.multiline ? m_eol + style.indent + member + comma + m_eol + outer
                                                    : " " + member + " ";
            return apply({{object.begin + 1, close, body}}, error);
        }
        // Only comments inside: keep them, add the member before the closing brace.
        if (startsLine(close))
            return apply({{lineStart(close), lineStart(close), style.indent + member + comma + m_eol}}, error);
        return apply({{close, close, m_eol + style.indent + member + comma + m_eol + outer}}, error);
    }
    const Json5Entry &last = object.entries.back();
    const qsizetype afterLast = last.comma >= 0 ? last.comma + 1 : last.value.end;
    if (style.multiline) {
        // After the rest of the last member's line (its comment stays with it).
        qsizetype i = afterLast;
        while (i < m_text.size()) {
            const char c = m_text.at(i);
            if (isLineSpace(c) || c == '\r') {
                ++i;
            } else if (c == '/' && i + 1 < m_text.size() && m_text.at(i + 1) == '/') {
                i = lineCommentEnd(m_text, i + 2);
                if (i < m_text.size() && m_text.at(i) != '\n')
                    break; // it ends the line with a CR or U+2028/9 alone: stay on the member's line
            } else if (c == '/' && i + 1 < m_text.size() && m_text.at(i + 1) == '*') {
                const qsizetype endComment = m_text.indexOf("*/", i + 2);
                if (endComment < 0 || m_text.mid(i, endComment - i).contains('\n'))
                    break;
                i = endComment + 2;
            } else {
                break;
            }
        }
        if (i < m_text.size() && m_text.at(i) == '\n') {
            QList<Edit> edits{{i + 1, i + 1, style.indent + member + (style.trailingComma ? "," : "") + m_eol}};
            if (last.comma < 0)
                edits.append({last.value.end, last.value.end, ","});
            return apply(edits, error);
        }
    }
    if (last.comma >= 0)
        return apply({{afterLast, afterLast, " " + member + ","}}, error);
    return apply({{afterLast, afterLast, ", " + member}}, error);
}

namespace {
// How many containers deep `value` is (0 for a scalar), counted no further than `limit`.
int depthOf(const QJsonValue &value, int limit)
{
    if (limit <= 0 || (!value.isObject() && !value.isArray()))
        return 0;
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = qMax(deepest, depthOf(it.value(), limit - 1));
    } else {
        for (const QJsonValue &v : value.toArray())
            deepest = qMax(deepest, depthOf(v, limit - 1));
    }
    return deepest + 1;
}
} // namespace

bool ConfigDocument::set(const QStringList &path, const QJsonValue &value, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot set a value at an empty path");
        return false;
    }
    // The root and every key but the last are objects: a path this deep can only give a document
    // the parser refuses, so it is refused before its text is built (which grows with the square
    // of the depth, and was rebuilt at every level: 2,000 keys took 41 s).
    if (path.size() + depthOf(value, kJson5MaxDepth + 2) > kJson5MaxDepth + 1) {
        if (error)
            *error = QStringLiteral("the edit would make values nested more than %1 deep; nothing was changed")
                         .arg(kJson5MaxDepth);
        return false;
    }
    const Json5Node *node = &m_root;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const Json5Entry *e = node->member(path.at(i));
        if (!e) {
            // Build the missing part of the path around the value and insert it here.
            QJsonValue nested = value;
            for (qsizetype j = path.size() - 1; j > i; --j)
                nested = QJsonObject{{path.at(j), nested}};
            return insertMember(*node, path.at(i), nested, error);
        }
        if (i == path.size() - 1) {
            const Json5Node &old = e->value;
            if (sameJson(old.toJson(), value))
                return true;
            // A string keeps its quote character; a container is laid out like its siblings.
            QByteArray text;
            if (old.kind == Json5Node::Kind::String && value.isString()) {
                text = stringText(value.toString(), old.quote);
            } else {
                Style style = styleFor(*node);
                const bool lines = m_text.mid(old.begin, old.end - old.begin).contains('\n')
                                   || (!old.isContainer() && style.multiline);
                Style inner = style;
                inner.trailingComma = m_trailingCommas;
                const QByteArray indent = indentAt(e->keyBegin);
                if (old.isContainer() && !old.entries.empty()) {
                    inner.trailingComma = old.entries.back().comma >= 0;
                    if (old.kind == Json5Node::Kind::Object)
                        inner.keyQuote = old.entries.back().keyQuote;
                }
                text = serialize(value, inner, indent, lines);
            }
            return apply({{old.begin, old.end, text}}, error);
        }
        if (e->value.kind != Json5Node::Kind::Object) {
            if (error)
                *error = QStringLiteral("cannot set %1: %2 is %3, not an object")
                             .arg(json5PathString(path), json5PathString(path.mid(0, i + 1)),
                                  e->value.kind == Json5Node::Kind::Array ? QStringLiteral("an array")
                                                                          : QStringLiteral("a single value"));
            return false;
        }
        node = &e->value;
    }
    return false;
}

QList<ConfigDocument::Edit> ConfigDocument::removal(const Json5Node &container, size_t index) const
{
    const Json5Entry &e = container.entries.at(index);
    const Json5Entry *prev = index > 0 ? &container.entries.at(index - 1) : nullptr;
    const qsizetype afterEntry = e.comma >= 0 ? e.comma + 1 : e.value.end;
    // Does the rest of its line hold nothing but space and a comment?
    qsizetype i = afterEntry;
    while (i < m_text.size() && (isLineSpace(m_text.at(i)) || m_text.at(i) == '\r'))
        ++i;
    if (m_text.mid(i, 2) == "//")
        i = lineCommentEnd(m_text, i + 2);
    const bool ownLine = startsLine(e.keyBegin) && (i >= m_text.size() || m_text.at(i) == '\n');
    if (ownLine) {
        qsizetype start = lineStart(e.keyBegin);
        // Comment lines right above it belong to it.
        while (start > container.begin + 1) {
            const qsizetype above = lineStart(start - 1);
            if (above <= container.begin)
                break;
            if (!isCommentLine(m_text.mid(above, start - above).trimmed()))
                break;
            start = above;
        }
        const qsizetype end = i >= m_text.size() ? i : i + 1;
        QList<Edit> edits{{start, end, {}}};
        if (e.comma < 0 && prev && prev->comma >= 0)
            edits.append({prev->comma, prev->comma + 1, {}});
        return edits;
    }
    if (e.comma >= 0) {
        qsizetype end = e.comma + 1;
        while (end < m_text.size() && isLineSpace(m_text.at(end)))
            ++end;
        return {{e.keyBegin, end, {}}};
    }
    if (prev && prev->comma >= 0)
        return {{prev->comma, e.value.end, {}}};
    return {{e.keyBegin, e.value.end, {}}};
}

bool ConfigDocument::remove(const QStringList &path, QString *error)
{
    if (path.isEmpty())
        return false;
    const Json5Node *parent = nodeAt(path.mid(0, path.size() - 1));
    if (!parent || parent->kind != Json5Node::Kind::Object)
        return false;
    // Every occurrence of a repeated key goes, the last one first.
    bool removed = false;
    while (true) {
        const Json5Node *p = nodeAt(path.mid(0, path.size() - 1));
        size_t index = p ? p->entries.size() : 0;
        for (size_t i = 0; p && i < p->entries.size(); ++i)
            if (p->entries.at(i).key == path.last())
                index = i;
        if (!p || index == p->entries.size())
            return removed;
        if (!apply(removal(*p, index), error))
            return false;
        removed = true;
    }
}

bool ConfigDocument::removeItem(const QStringList &path, int index, QString *error)
{
    const Json5Node *array = nodeAt(path);
    if (!array || array->kind != Json5Node::Kind::Array || index < 0 || size_t(index) >= array->entries.size())
        return false;
    return apply(removal(*array, size_t(index)), error);
}

bool ConfigDocument::diff(const QStringList &path, const QJsonObject &before, const QJsonObject &after,
                          QString *error)
{
    for (auto it = before.begin(); it != before.end(); ++it)
        if (!after.contains(it.key())) {
            QString why;
            if (!remove(path + QStringList{it.key()}, &why) && !why.isEmpty()) {
                if (error)
                    *error = why;
                return false;
            }
        }
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QStringList here = path + QStringList{it.key()};
        const QJsonValue old = before.value(it.key());
        if (before.contains(it.key()) && sameJson(old, it.value()))
            continue;
        const Json5Node *current = nodeAt(here);
        if (old.isObject() && it.value().isObject() && current && current->kind == Json5Node::Kind::Object) {
            if (!diff(here, old.toObject(), it.value().toObject(), error))
                return false;
            continue;
        }
        if (old.isArray() && it.value().isArray() && current && sameJson(current->toJson(), old)) {
            // Items taken out of a list (an account unbound from an agent) are removed one
            // by one, so the list keeps its layout and comments.
            if (const auto gone = removedItems(old.toArray(), it.value().toArray())) {
                for (int index : *gone)
                    if (!removeItem(here, index, error))
                        return false;
                continue;
            }
        }
        if (!set(here, it.value(), error))
            return false;
    }
    return true;
}

bool ConfigDocument::applyChanges(const QJsonObject &before, const QJsonObject &after, QString *error)
{
    const QByteArray original = m_text;
    const Json5Node originalRoot = m_root;
    if (diff({}, before, after, error))
        return true;
    m_text = original;
    m_root = originalRoot;
    return false;
}

} // namespace ct
