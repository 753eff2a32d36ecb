#include "dotenv.h"

#include <QFile>
#include <QRegularExpression>

namespace ct {

QHash<QString, QString> parseDotEnv(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    // One assignment: key, separator, then a quoted value (which may run over lines) or the rest
    // of the line up to a comment.
    static const QRegularExpression line(
        QStringLiteral("^[ \\t]*(?:export[ \\t]+)?([\\w.-]+)(?:[ \\t]*=[ \\t]*|:[ \\t]+)"
                       "((?:'(?:\\\\'|[^'])*')|(?:\"(?:\\\\\"|[^\"])*\")|(?:`(?:\\\\`|[^`])*`)|[^#\\n]*)"
                       "[ \\t]*(?:#[^\\n]*)?$"),
        QRegularExpression::MultilineOption);
    QHash<QString, QString> out;
    auto it = line.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString value = m.captured(2).trimmed();
        const QChar quote = value.isEmpty() ? QChar() : value.front();
        if (value.size() >= 2
            && (quote == QLatin1Char('\'') || quote == QLatin1Char('"') || quote == QLatin1Char('`'))
            && value.back() == quote)
            value = value.mid(1, value.size() - 2);
        if (quote == QLatin1Char('"'))
            value.replace(QLatin1String("\\n"), QLatin1String("\n"))
                .replace(QLatin1String("\\r"), QLatin1String("\r"));
        out.insert(m.captured(1), value);
    }
    return out;
}

QHash<QString, QString> readDotEnvFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseDotEnv(f.readAll());
}

} // namespace ct
