// Fuzzer of the config reader (parseConfig: JSON5 text to a validated Config with its problems).
// Any text gives a result, never a crash; beside that:
//   - text that is not a JSON5 object is exactly one problem for the whole file, and invalid
//     JSON5 names a line and column inside the text;
//   - an object is kept whole (raw) and validating it again gives the same problems;
//   - no problem quotes a secret, whatever else is wrong: a token (a value under "token",
//     "appToken" or "clientToken"), nor the password or query of a URL ("scheme://user:pw@…").
#include "../fuzzsupport.h"
#include "config/configdocument.h"
#include "config/configloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

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

// The secret parts of what looks like a URL: the password of "scheme://user:password@" and
// the query after '?'.
QStringList urlSecrets(const QString &text)
{
    static const QRegularExpression userInfo(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*:([^/?#@]+)@"));
    QStringList out;
    if (const QRegularExpressionMatch m = userInfo.match(text); m.hasMatch())
        out << m.captured(1);
    if (text.contains(QLatin1String("://")) && text.indexOf(QLatin1Char('?')) >= 0)
        out << text.mid(text.indexOf(QLatin1Char('?')) + 1).section(QLatin1Char('#'), 0, 0);
    return out;
}

bool isUrlKey(const QString &key)
{
    return key == QLatin1String("serverUrl") || key == QLatin1String("wsAddr") || key == QLatin1String("apiAddr")
           || key == QLatin1String("endpoint");
}

struct Strings
{
    QStringList tokens;     // values of token keys
    QStringList urlSecrets; // the secret parts of the values of URL keys
    QStringList others;     // every other string, keys included (URL values too)
};

void collectStrings(const QJsonValue &v, const QString &key, Strings *out)
{
    if (v.isString()) {
        (isTokenKey(key) ? out->tokens : out->others).append(v.toString());
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
    // A secret long enough not to be a word of a message by chance, and not written anywhere
    // else that may be quoted (a key, another value): `allowed` strings contain it already (a
    // URL contains its own password).
    const auto checkSecret = [&](const QString &secret, qsizetype allowed) {
        if (secret.size() < 12)
            return;
        if (std::count_if(strings.others.begin(), strings.others.end(),
                          [&](const QString &o) { return o.contains(secret); })
            > allowed)
            return;
        for (const ConfigProblem &p : result.problems)
            FUZZ_CHECK(!p.toString().contains(secret),
                       QStringLiteral("a problem quotes a secret: %1").arg(p.toString()));
    };
    for (const QString &token : std::as_const(strings.tokens))
        checkSecret(token, 0);
    for (const QString &part : std::as_const(strings.urlSecrets))
        checkSecret(part, 1);
    return 0;
}
