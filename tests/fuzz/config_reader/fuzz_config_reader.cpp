// Fuzzer of the config reader (parseConfig: JSON5 text to a validated Config with its problems).
// Any text gives a result, never a crash; beside that:
//   - text that is not a JSON5 object is exactly one problem for the whole file, and invalid
//     JSON5 names a line and column inside the text;
//   - an object is kept whole (raw) and validating it again gives the same problems;
//   - no problem quotes a secret, whatever else is wrong: a token (a value under "token",
//     "appToken" or "clientToken"), nor the password, query or fragment of a URL
//     ("scheme://user:pw@…?q#access_token=…"). A URL's other parts may be quoted, and they may
//     hold the same text as its password (a host spelt like it), so for a URL the check is
//     differential: the problems stay the same, byte for byte, when only the password (or the
//     query, or the fragment) is changed to another of the same shape.
#include "../fuzzsupport.h"
#include "config/configdocument.h"
#include "config/configloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace ct;

namespace {
// The config with every "command" (exec SecretRef providers) pointing nowhere: the reader
// resolves SecretRefs while it validates, and a fuzzer must not run the programs it names.
QJsonValue withoutCommands(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(withoutCommands(item));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject out = v.toObject();
    for (auto it = out.begin(); it != out.end(); ++it)
        *it = it.key() == QLatin1String("command") ? QJsonValue(QStringLiteral("/nonexistent/ct-fuzz-exec"))
                                                   : withoutCommands(it.value());
    return out;
}

bool isTokenKey(const QString &key)
{
    return key == QLatin1String("token") || key == QLatin1String("appToken")
           || key == QLatin1String("clientToken");
}

// A secret, and for the secret part of a URL: the URL, the same URL with another secret of the
// same shape (see otherOfTheSameShape), and the rest of the URL in two pieces.
struct Secret
{
    QString text;
    QString url;
    QString urlWithOther;
    QStringList quotable;
};

// A text QUrl and the config reader take exactly as they take `text`, but different where it
// can be: letters and digits move on within their class (hex digits stay hex digits, so a
// percent escape stays one), a non-ASCII character becomes a neighbour (QUrl takes every one
// alike: checked for U+0080-U+FFFD, strict and tolerant), and the rest is kept, as is
// everything between '{' and '}' (a refresh endpoint's placeholders, "{reason}", must stay).
QString otherOfTheSameShape(const QString &text)
{
    QString out = text;
    bool inBraces = false;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u == u'{' || u == u'}')
            inBraces = u == u'{';
        if (inBraces)
            continue;
        const auto cycle = [&](char16_t first, char16_t count) {
            return u >= first && u < first + count ? char16_t(first + (u - first + 1) % count) : u;
        };
        char16_t next = u;
        for (const auto &[first, count] :
             {std::pair<char16_t, char16_t>{u'a', 6}, {u'g', 20}, {u'A', 6}, {u'G', 20}, {u'0', 10}})
            if (next == u)
                next = cycle(first, count);
        if ((u >= 0x80 && u < 0xD800) || (u >= 0xE000 && u < 0xFFFE))
            next = u ^ 1; // U+FFFD <-> U+FFFC; surrogates and U+FFFE, U+FFFF are kept
        c = QChar(next);
    }
    return out;
}

// The secret parts of what looks like a URL: the password of "scheme://user:password@", the
// query, from a '?' before any '#' to the '#' (RFC 3986: a '?' in the fragment is the
// fragment's, as "ftp#://u:p?q" is a path "ftp" and a fragment), and the fragment, after the
// first '#' (an OAuth implicit grant's "#access_token=…").
QList<Secret> urlSecrets(const QString &text)
{
    static const QRegularExpression userInfo(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*:([^/?#@]+)@"));
    QList<Secret> out;
    const auto cut = [&](qsizetype from, qsizetype to) {
        const QString secret = text.mid(from, to - from);
        out.append({secret,
                    text,
                    text.left(from) + otherOfTheSameShape(secret) + text.mid(to),
                    {text.left(from), text.mid(to)}});
    };
    if (const QRegularExpressionMatch m = userInfo.match(text); m.hasMatch())
        cut(m.capturedStart(1), m.capturedEnd(1));
    const qsizetype query = text.indexOf(QLatin1Char('?'));
    const qsizetype fragment = text.indexOf(QLatin1Char('#'));
    if (text.contains(QLatin1String("://")) && query >= 0 && (fragment < 0 || query < fragment))
        cut(query + 1, fragment >= 0 ? fragment : text.size());
    if (text.contains(QLatin1String("://")) && fragment >= 0)
        cut(fragment + 1, text.size());
    return out;
}

// `v` with every string value `from` replaced by `to` (keys stay).
QJsonValue withValueReplaced(const QJsonValue &v, const QString &from, const QString &to)
{
    if (v.isString())
        return v.toString() == from ? QJsonValue(to) : v;
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(withValueReplaced(item, from, to));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject out = v.toObject();
    for (auto it = out.begin(); it != out.end(); ++it)
        *it = withValueReplaced(it.value(), from, to);
    return out;
}

bool isUrlKey(const QString &key)
{
    return key == QLatin1String("serverUrl") || key == QLatin1String("wsAddr") || key == QLatin1String("apiAddr")
           || key == QLatin1String("endpoint");
}

struct Strings
{
    QList<Secret> tokens;     // values of token keys
    QList<Secret> urlSecrets; // the secret parts of the values of URL keys
    QStringList others;       // every other string, keys included (URL values too)
};

void collectStrings(const QJsonValue &v, const QString &key, Strings *out)
{
    if (v.isString()) {
        if (isTokenKey(key))
            out->tokens.append({v.toString(), {}, {}, {}});
        else
            out->others.append(v.toString());
        if (isUrlKey(key))
            out->urlSecrets += urlSecrets(v.toString());
    }
    if (v.isArray())
        for (const QJsonValue &item : v.toArray())
            collectStrings(item, QString(), out);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out->others.append(it.key());
            collectStrings(it.value(), it.key(), out);
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    Json5Error parseError;
    const auto doc = ConfigDocument::fromText(json, &parseError);
    if (!doc) {
        // parseConfig itself: nothing to resolve in a file that does not parse.
        const LoadResult result = parseConfig(json);
        FUZZ_CHECK(!result.jsonValid, QStringLiteral("jsonValid for text that is not an object"));
        FUZZ_CHECK(result.problems.size() == 1 && result.problems.first().path.isEmpty(),
                   result.problemStrings().join(QLatin1Char('\n')));
        const ConfigProblem &p = result.problems.first();
        if (!json.trimmed().isEmpty() && p.line > 0) {
            const QList<QByteArray> lines = json.split('\n');
            FUZZ_CHECK(p.line <= lines.size(), p.message);
            FUZZ_CHECK(p.column >= 1 && p.column <= QString::fromUtf8(lines.at(p.line - 1)).size() + 1, p.message);
        }
        return 0;
    }
    // What parseConfig does with a document (configFromJson of its object), without commands.
    const QJsonObject root = withoutCommands(doc->object()).toObject();
    const LoadResult result = configFromJson(root);
    FUZZ_CHECK(result.jsonValid, QStringLiteral("a parsed object is not jsonValid"));
    FUZZ_CHECK(sameJson(result.config.raw, root), QStringLiteral("raw is not the whole file"));
    FUZZ_CHECK(configFromJson(root).problems == result.problems, QStringLiteral("validation is not repeatable"));

    Strings strings;
    collectStrings(root, QString(), &strings);
    // A token long enough not to be a word of a message by chance, and not written anywhere
    // else that may be quoted (a key, another value), is quoted by no problem.
    for (const Secret &token : std::as_const(strings.tokens)) {
        if (token.text.size() < 12
            || std::any_of(strings.others.begin(), strings.others.end(),
                           [&](const QString &o) { return o.contains(token.text); }))
            continue;
        for (const ConfigProblem &p : result.problems)
            FUZZ_CHECK(!p.toString().contains(token.text),
                       QStringLiteral("a problem quotes a secret: %1").arg(p.toString()));
    }
    // A URL's password, query or fragment: the same problems with another one in its place (every value
    // that is this URL changed alike), whatever its length and wherever else its text is.
    for (const Secret &part : std::as_const(strings.urlSecrets)) {
        if (part.urlWithOther == part.url) {
            // Nothing to change ("!!!!"): if long enough and in no other string, a problem
            // shows it at most as often as the rest of the URL holds it.
            const qsizetype quotable = part.quotable.first().count(part.text)
                                       + part.quotable.last().count(part.text);
            if (part.text.size() >= 12
                && std::count_if(strings.others.begin(), strings.others.end(), [&](const QString &o) {
                       return o.contains(part.text);
                   }) <= 1)
                for (const ConfigProblem &p : result.problems)
                    FUZZ_CHECK(p.toString().count(part.text) <= quotable,
                               QStringLiteral("a problem quotes a secret: %1").arg(p.toString()));
            continue;
        }
        const QJsonObject other = withValueReplaced(root, part.url, part.urlWithOther).toObject();
        const QStringList before = result.problemStrings();
        const QStringList after = configFromJson(other).problemStrings();
        FUZZ_CHECK(before == after,
                   QStringLiteral("a problem depends on a URL's password, query or fragment:\n  %1\n"
                                  "with another of the same shape:\n  %2")
                       .arg(before.join(QStringLiteral("\n  ")), after.join(QStringLiteral("\n  "))));
    }
    return 0;
}
