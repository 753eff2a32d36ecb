#include "configtokenpatcher.h"

#include "config/atomicfile.h"
#include "config/userpath.h"
#include "jsonlocator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace ct {

QStringList ConfigTokenPatcher::openImTokenPath(const QString &accountId)
{
    return {QStringLiteral("channels"), QStringLiteral("multi-openim"), QStringLiteral("accounts"),
            accountId, QStringLiteral("token")};
}

bool ConfigTokenPatcher::patchString(const QString &configPath, const QStringList &keyPath,
                                     const QString &newValue, QString *error)
{
    const QString path = expandUserPath(configPath);
    const QString key = keyPath.join(QLatin1Char('.'));
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("cannot patch %1 in %2: %3").arg(key, path, why);
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray before = file.readAll();
    file.close();

    QJsonParseError parseError{};
    QJsonDocument::fromJson(before, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("the file is not valid JSON (%1 at offset %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    const auto spans = locateJsonValues(before, keyPath);
    if (!spans)
        return fail(QStringLiteral("the file could not be tokenized"));
    if (spans->isEmpty())
        return fail(QStringLiteral("the key is not in the file"));
    if (spans->size() > 1)
        return fail(QStringLiteral("the key appears %1 times").arg(spans->size()));
    const JsonSpan span = spans->first();
    if (!span.isString)
        return fail(QStringLiteral("the value is not a string"));

    QByteArray after = before.left(span.begin);
    after += jsonStringLiteral(newValue);
    after += before.mid(span.end);

    // Belt and braces: the result must parse and hold the new value before it replaces the file.
    QJsonParseError checkError{};
    const QJsonDocument check = QJsonDocument::fromJson(after, &checkError);
    QJsonValue v = check.object();
    for (const QString &segment : keyPath)
        v = v.toObject().value(segment);
    if (checkError.error != QJsonParseError::NoError || v.toString() != newValue)
        return fail(QStringLiteral("the patched text did not verify; file left unchanged"));

    QString writeError;
    if (!writeFileAtomically(path, after, &writeError))
        return fail(writeError);
    return true;
}

bool ConfigTokenPatcher::patchOpenImToken(const QString &configPath, const QString &accountId,
                                          const QString &newToken, QString *error)
{
    return patchString(configPath, openImTokenPath(accountId), newToken, error);
}

} // namespace ct
