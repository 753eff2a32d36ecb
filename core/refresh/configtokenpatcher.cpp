#include "configtokenpatcher.h"

#include "config/configdocument.h"
#include "config/configsaver.h"
#include "config/configsources.h"
#include "config/userpath.h"

#include <QFile>
#include <QRegularExpression>

namespace ct {

QStringList ConfigTokenPatcher::openImTokenPath(const QString &accountId)
{
    return {QStringLiteral("channels"), QStringLiteral("multi-openim"), QStringLiteral("accounts"), accountId,
            QStringLiteral("token")};
}

bool ConfigTokenPatcher::patchString(const QString &configPath, const QStringList &keyPath,
                                     const QString &newValue, QString *error)
{
    QString path = expandUserPath(configPath);
    QStringList inFile = keyPath;
    // With `$include`s the token is patched in the file that holds it.
    {
        QFile top(path);
        const auto root = top.open(QIODevice::ReadOnly) ? parseJson5(top.readAll()) : std::nullopt;
        if (root && ConfigSources::usesIncludes(*root)) {
            const ConfigSources sources = ConfigSources::load(path);
            const ConfigSources::Place place = sources.placeOf(keyPath);
            if (!sources.ok() || place.file < 0) {
                if (error)
                    *error = QStringLiteral("cannot patch %1 in %2: %3")
                                 .arg(keyPath.join(QLatin1Char('.')), path,
                                      sources.ok()
                                          ? QStringLiteral("the key is not written in one place of its files")
                                          : problemStrings(sources.problems()).join(QStringLiteral("; ")));
                return false;
            }
            path = sources.files().at(place.file).path;
            inFile = place.path;
        }
    }
    return patchInFile(path, inFile, newValue, error);
}

bool ConfigTokenPatcher::patchInFile(const QString &path, const QStringList &keyPath, const QString &newValue,
                                     QString *error)
{
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

    Json5Error parseError;
    auto doc = ConfigDocument::fromText(before, &parseError);
    if (!doc)
        return fail(QStringLiteral("the file is not valid JSON5 (%1)").arg(parseError.toString()));
    const Json5Node *parent = doc->nodeAt(keyPath.mid(0, keyPath.size() - 1));
    int occurrences = 0;
    if (parent && parent->kind == Json5Node::Kind::Object)
        for (const Json5Entry &e : parent->entries)
            occurrences += e.key == keyPath.last() ? 1 : 0;
    if (occurrences == 0)
        return fail(QStringLiteral("the key is not in the file"));
    if (occurrences > 1)
        return fail(QStringLiteral("the key appears %1 times").arg(occurrences));
    const Json5Node *node = doc->nodeAt(keyPath);
    if (node->kind != Json5Node::Kind::String)
        return fail(QStringLiteral("the value is not a string"));
    // ${VAR} (or the $VAR shorthand) is a reference the file's owner keeps; never overwrite it.
    static const QRegularExpression reference(
        QStringLiteral("\\$\\{[A-Z_][A-Z0-9_]*(:-[^${}]*)?\\}|^\\$[A-Z_][A-Z0-9_]*\\z"));
    if (reference.match(node->scalar.toString().replace(QStringLiteral("$${"), QString())).hasMatch())
        return fail(QStringLiteral("the value is an environment reference, not a token"));
    QString editError;
    if (!doc->set(keyPath, newValue, &editError))
        return fail(editError);
    // Belt and braces: the result must hold the new value before it replaces the file.
    const Json5Node *check = doc->nodeAt(keyPath);
    if (!check || check->scalar.toString() != newValue)
        return fail(QStringLiteral("the patched text did not verify; file left unchanged"));
    QString writeError;
    if (!writeConfigDocument(path, *doc, before, &writeError))
        return fail(writeError);
    return true;
}

bool ConfigTokenPatcher::patchOpenImToken(const QString &configPath, const QString &accountId,
                                          const QString &newToken, QString *error)
{
    return patchString(configPath, openImTokenPath(accountId), newToken, error);
}

} // namespace ct
