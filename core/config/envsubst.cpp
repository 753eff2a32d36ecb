#include "envsubst.h"

#include "dotenv.h"
#include "openclawpaths.h"

#include <QProcessEnvironment>

namespace ct {

// Checked by hand, not with a QRegularExpression: the tray checks every credential of the
// config at start (SecretRefResolver::isEnvShorthand), and the first regular expression of a
// process maps in PCRE2 and its JIT compiler (about 0.4 MiB of one account's RSS, issue 11).
bool isEnvName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'A' && c <= u'Z') || c == u'_';
        if (!letter && (i == 0 || c < u'0' || c > u'9'))
            return false;
    }
    return true;
}

EnvSubstitution substituteEnv(const QString &text, const EnvLookup &lookup)
{
    EnvSubstitution out;
    if (!text.contains(QLatin1Char('$'))) {
        out.text = text;
        return out;
    }
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$')) {
            out.text += c;
            ++i;
            continue;
        }
        const bool escaped = text.mid(i, 3) == QLatin1String("$${");
        const qsizetype open = escaped ? i + 1 : i;
        if (text.mid(open, 2) != QLatin1String("${")) {
            out.text += c;
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 2);
        const QString inner = close < 0 ? QString() : text.mid(open + 2, close - open - 2);
        const qsizetype dash = inner.indexOf(QLatin1String(":-"));
        const QString name = dash < 0 ? inner : inner.left(dash);
        const QString fallback = dash < 0 ? QString() : inner.mid(dash + 2);
        const bool validFallback = dash < 0
                                   || (!fallback.contains(QLatin1Char('$'))
                                       && !fallback.contains(QLatin1Char('{')));
        if (close < 0 || !isEnvName(name) || !validFallback) {
            out.text += c; // not a reference: the text stays as written
            ++i;
            continue;
        }
        const QString whole = text.mid(open, close - open + 1);
        if (escaped) {
            out.text += whole; // $${VAR} is the literal ${VAR}
        } else {
            out.used.append(name);
            const std::optional<QString> value = lookup ? lookup(name) : std::nullopt;
            if (value && !value->isEmpty()) {
                out.text += *value;
            } else if (dash >= 0) {
                out.text += fallback;
            } else {
                out.text += whole;
                out.missing.append(name);
            }
        }
        i = close + 1;
    }
    return out;
}

EnvLookup configEnvironment(const QJsonObject &root)
{
    return configEnvironment(root, QProcessEnvironment::systemEnvironment());
}

EnvLookup configEnvironment(const QJsonObject &root, const QProcessEnvironment &process)
{
    QHash<QString, QString> dotEnv;
    for (const QString &file : openClawDotEnvFiles(process)) {
        const QHash<QString, QString> vars = readDotEnvFile(file);
        for (auto it = vars.begin(); it != vars.end(); ++it)
            if (!dotEnv.contains(it.key()))
                dotEnv.insert(it.key(), it.value());
    }
    QHash<QString, QString> fromConfig;
    const QJsonObject env = root.value(QStringLiteral("env")).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        if (it->isString())
            fromConfig.insert(it.key(), it->toString());
    const QJsonObject vars = env.value(QStringLiteral("vars")).toObject();
    for (auto it = vars.begin(); it != vars.end(); ++it)
        if (it->isString())
            fromConfig.insert(it.key(), it->toString());
    // The global .env fills only what the process does not set at all; the config's block
    // fills what is still unset or blank.
    return [process, dotEnv, fromConfig](const QString &name) -> std::optional<QString> {
        std::optional<QString> value;
        if (process.contains(name))
            value = process.value(name);
        else if (dotEnv.contains(name))
            value = dotEnv.value(name);
        if (value && !value->trimmed().isEmpty())
            return value;
        if (fromConfig.contains(name))
            return fromConfig.value(name);
        return value;
    };
}

} // namespace ct
