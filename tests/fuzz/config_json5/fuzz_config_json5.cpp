// Fuzzer of the JSON5 reader (parseJson5) that every config read and edit stands on.
//   - Differential: text QJsonDocument reads (strict JSON) is JSON5 too and gives the same value,
//     unless it nests deeper than the reader's cap, or is not JSON although Qt 6.4 reads it
//     (escapes JSON lacks, a raw line break inside a string, invalid UTF-8).
//   - Offsets: every node lies inside the text, in order, a container's entries inside it; a
//     string starts with its quote, an object with '{', an array with '['; each scalar's text
//     parses again to the same value on its own.
//   - Errors name a line and column inside the text, and never quote a run of the file's
//     letters and digits (a token may be there).
#include "../fuzzsupport.h"
#include "config/configdocument.h"
#include "config/json5parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace ct;

namespace {
int depthOf(const QJsonValue &v)
{
    int deepest = 0;
    if (v.isArray())
        for (const QJsonValue &item : v.toArray())
            deepest = std::max(deepest, depthOf(item));
    if (v.isObject())
        for (const QJsonValue &item : v.toObject())
            deepest = std::max(deepest, depthOf(item));
    return v.isArray() || v.isObject() ? deepest + 1 : 0;
}

// Whether every backslash escape in the text is one JSON has. Qt 6.4 reads any other escape as
// the character after the backslash ("\v" as "v", "\0" as "0", "\x41" as "x41", a backslash before a
// line break as that line break), where JSON5 gives a vertical tab, U+0000, "A" and nothing (a
// line continuation). Text Qt accepts holds backslashes only inside strings.
bool jsonEscapesOnly(const QByteArray &text)
{
    for (qsizetype i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 2)) {
        if (i + 1 >= text.size() || !QByteArrayView("\"\\/bfnrtu").contains(text.at(i + 1)))
            return false;
    }
    return true;
}

void checkNode(const QByteArray &text, const Json5Node &node, qsizetype from, qsizetype to, int depth)
{
    FUZZ_CHECK(node.begin >= from && node.begin < node.end && node.end <= to,
               QStringLiteral("node [%1,%2) outside [%3,%4)").arg(node.begin).arg(node.end).arg(from).arg(to));
    const char first = text.at(node.begin);
    switch (node.kind) {
    case Json5Node::Kind::Object:
        FUZZ_CHECK(first == '{' && text.at(node.end - 1) == '}', QStringLiteral("object at %1").arg(node.begin));
        break;
    case Json5Node::Kind::Array:
        FUZZ_CHECK(first == '[' && text.at(node.end - 1) == ']', QStringLiteral("array at %1").arg(node.begin));
        break;
    case Json5Node::Kind::String:
        FUZZ_CHECK(first == node.quote && text.at(node.end - 1) == node.quote,
                   QStringLiteral("string at %1").arg(node.begin));
        break;
    default:
        break;
    }
    if (!node.isContainer() && depth < 4) {
        const auto alone = parseJson5(text.mid(node.begin, node.end - node.begin));
        FUZZ_CHECK(alone && sameJson(alone->toJson(), node.toJson()),
                   QStringLiteral("the scalar at %1 does not read the same alone").arg(node.begin));
    }
    qsizetype last = node.begin + 1;
    for (const Json5Entry &e : node.entries) {
        if (node.kind == Json5Node::Kind::Object) {
            FUZZ_CHECK(e.keyBegin >= last && e.keyBegin < e.keyEnd && e.keyEnd <= e.value.begin,
                       QStringLiteral("key at %1").arg(e.keyBegin));
        }
        checkNode(text, e.value, last, node.end - 1, depth + 1);
        last = e.value.end;
        if (e.comma >= 0) {
            FUZZ_CHECK(e.comma >= last && e.comma < node.end - 1 && text.at(e.comma) == ',',
                       QStringLiteral("comma at %1").arg(e.comma));
            last = e.comma + 1;
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    Json5Error error;
    const std::optional<Json5Node> root = parseJson5(text, &error);

    QJsonParseError jsonError{};
    const QJsonDocument json = QJsonDocument::fromJson(text, &jsonError);
    // Only text that is JSON is compared: Qt 6.4 also takes escapes JSON does not have (see
    // jsonEscapesOnly), a raw line break inside a string (JSON and JSON5 both forbid it), and
    // invalid UTF-8 (a stray byte read as Latin-1, where JSON5 here reads U+FFFD).
    if (jsonError.error == QJsonParseError::NoError && jsonEscapesOnly(text)
        && QString::fromUtf8(text).toUtf8() == text) {
        const QJsonValue expected = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
        FUZZ_CHECK(root || depthOf(expected) > 250
                       || error.message.startsWith(QLatin1String("a line break inside a string")),
                   QStringLiteral("strict JSON refused: %1").arg(error.toString()));
        if (root)
            FUZZ_CHECK(sameJson(root->toJson(), expected), QStringLiteral("strict JSON read differently"));
    }
    if (root) {
        checkNode(text, *root, 0, text.size(), 0);
        return 0;
    }
    FUZZ_CHECK(error.offset >= 0 && error.offset <= text.size(), error.toString());
    if (error.line > 0) {
        const QList<QByteArray> lines = text.split('\n');
        FUZZ_CHECK(error.line <= lines.size() && error.column >= 1, error.toString());
    }
    // Runs of letters and digits with a digit in them (token-like, unlike the message's words).
    static const QRegularExpression run(QStringLiteral("[A-Za-z0-9]{8,}"));
    for (auto it = run.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
        const QString word = it.next().captured();
        if (word.contains(QRegularExpression(QStringLiteral("[0-9]"))))
            FUZZ_CHECK(!error.message.contains(word),
                       QStringLiteral("the error quotes the file: %1").arg(error.message));
    }
    return 0;
}
