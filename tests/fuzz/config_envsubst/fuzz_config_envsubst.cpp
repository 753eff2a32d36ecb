// Fuzzer of ${VAR} substitution in config strings (substituteEnv) against a second reading of
// its rule written with a regular expression: "$${NAME}" is the literal "${NAME}";
// "${NAME}" or "${NAME:-fallback}" (NAME [A-Z_][A-Z0-9_]*, a fallback without '$', '{', '}')
// is the variable when set and not empty, else the fallback, else stays as written and is
// missing; anything else is text. `used` lists every name read, `missing` the unresolved ones.
//
// Input: the text NUL, then the environment as NAME=value lines.
#include "../fuzzsupport.h"
#include "config/envsubst.h"

#include <QHash>
#include <QRegularExpression>

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const QString text = QString::fromUtf8(in.until('\0'));
    QHash<QString, QString> env;
    for (const QString &line : QString::fromUtf8(in.rest()).split(QLatin1Char('\n')))
        if (line.contains(QLatin1Char('=')))
            env.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    const EnvLookup lookup = [&env](const QString &name) -> std::optional<QString> {
        const auto it = env.constFind(name);
        return it == env.constEnd() ? std::nullopt : std::optional<QString>(*it);
    };

    static const QRegularExpression reference(QStringLiteral("(\\$?)\\$\\{([A-Z_][A-Z0-9_]*)(:-([^${}]*))?\\}"));
    QString expected;
    QStringList used, missing;
    qsizetype last = 0;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        expected += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString whole = m.captured(0).mid(m.capturedLength(1));
        if (m.capturedLength(1)) {
            expected += whole;
            continue;
        }
        const QString name = m.captured(2);
        used << name;
        const QString value = env.value(name);
        if (!value.isEmpty())
            expected += value;
        else if (m.capturedLength(3))
            expected += m.captured(4);
        else {
            expected += whole;
            missing << name;
        }
    }
    expected += QStringView(text).mid(last);

    const EnvSubstitution got = substituteEnv(text, lookup);
    FUZZ_CHECK(got.text == expected, QStringLiteral("%1: got %2, expected %3").arg(text, got.text, expected));
    FUZZ_CHECK(got.used == used, used.join(QLatin1Char(',')));
    FUZZ_CHECK(got.missing == missing, missing.join(QLatin1Char(',')));
    return 0;
}
