// Fuzzer of refresh-recipe placeholders ({accountId}, {reason}, {state.<field>}): any template
// against any state object expands or fails with an error, never crashes; an error never
// carries a resolved value (state values may be refresh tokens); a text without '{' is left as
// it is; every string leaf of a JSON template expands like the string alone.
//
// Input: template NUL state-JSON NUL accountId NUL reason.
#include "../fuzzsupport.h"
#include "refresh/placeholders.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const QString text = QString::fromUtf8(in.until('\0'));
    const QByteArray stateJson = in.until('\0');
    PlaceholderContext context;
    context.accountState = QJsonDocument::fromJson(stateJson).object();
    context.accountId = QString::fromUtf8(in.until('\0'));
    context.reason = QString::fromUtf8(in.rest());

    QString error;
    const std::optional<QString> expanded = expandPlaceholders(text, context, &error);
    if (!text.contains(QLatin1Char('{')))
        FUZZ_CHECK(expanded && *expanded == text, text);
    if (!expanded) {
        FUZZ_CHECK(error.startsWith(QLatin1String("unresolved placeholder {")), error);
        for (const QJsonValue &v : context.accountState) {
            const QString secret = v.toString();
            // A value with braces may be spelled by the error's own quoting of a placeholder of
            // the text ("placeholder {state.x}: ..."), so only brace-free values are checked.
            const bool quotable = secret.contains(QLatin1Char('{')) || secret.contains(QLatin1Char('}'));
            if (secret.size() >= 24 && !quotable && !text.contains(secret) && !context.accountId.contains(secret))
                FUZZ_CHECK(!error.contains(secret), QStringLiteral("error quotes a state value: %1").arg(error));
        }
    }

    // The same text as the one leaf of a JSON template, in an object and an array.
    const QJsonObject tmpl{{QStringLiteral("a"), QJsonArray{text, 1, true, QJsonValue()}}};
    const std::optional<QJsonValue> json = expandPlaceholdersInJson(tmpl, context, &error);
    FUZZ_CHECK(json.has_value() == expanded.has_value(), text);
    if (json)
        FUZZ_CHECK(json->toObject().value(QStringLiteral("a")).toArray().at(0).toString() == *expanded, text);

    // A JSON template from the input itself (the state bytes read as one).
    (void)expandPlaceholdersInJson(QJsonDocument::fromJson(stateJson).object(), context, &error);
    return 0;
}
