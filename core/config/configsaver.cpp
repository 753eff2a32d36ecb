#include "configsaver.h"

#include "atomicfile.h"
#include "configdocument.h"
#include "configsources.h"
#include "inlinesecrets.h"
#include "logging/logging.h"
#include "userpath.h"

#include <QFile>

namespace ct {

namespace {

bool failSave(const QString &why, QString *error)
{
    const QString message = QStringLiteral("cannot save the config: %1").arg(why);
    qCWarning(lcConfig).noquote() << message;
    if (error)
        *error = message;
    return false;
}

struct Current
{
    bool exists = false;
    QByteArray bytes;
    std::optional<ConfigDocument> doc;
};

bool readCurrent(const QString &file, Current &out, QString *why)
{
    QFile f(file);
    out.exists = f.exists();
    if (!out.exists) {
        out.doc = ConfigDocument::fromText("{}\n");
        return true;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
        return false;
    }
    out.bytes = f.readAll();
    Json5Error parseError;
    out.doc = out.bytes.trimmed().isEmpty() ? ConfigDocument::fromText("{}\n")
                                            : ConfigDocument::fromText(out.bytes, &parseError);
    if (!out.doc) {
        *why = QStringLiteral("%1 is not valid JSON5 now (%2); it was left as it is")
                   .arg(file, parseError.toString());
        return false;
    }
    return true;
}

// A file with `$include`s: the changes go to the files that hold them (configsources.h).
bool saveThroughIncludes(const QString &file, const std::optional<QJsonObject> &before, const QJsonObject &after,
                         QString *error)
{
    ConfigSources sources = ConfigSources::load(file);
    QString why;
    if (!sources.applyChanges(before ? *before : sources.merged(), after, &why) || !sources.write(&why))
        return failSave(why, error);
    qCDebug(lcConfig) << "saved" << file << "and its included files";
    return true;
}

} // namespace

bool readConfigDocument(const QString &path, std::optional<ConfigDocument> &out, QString *error)
{
    Current current;
    QString why;
    if (!readCurrent(expandUserPath(path), current, &why)) {
        if (error)
            *error = why;
        return false;
    }
    out = std::move(current.doc);
    return true;
}

bool writeConfigDocument(const QString &path, const ConfigDocument &doc, const QByteArray &previous,
                         QString *error)
{
    const QString file = expandUserPath(path);
    if (file.isEmpty())
        return failSave(QStringLiteral("no file name"), error);
    const bool exists = QFile::exists(file);
    if (exists && doc.text() == previous)
        return true; // nothing changed: the file is not touched
    QString why;
    // The previous version may hold tokens: the backup is 0600 whatever the file's mode.
    if (exists && !writeFileAtomically(file + QStringLiteral(".bak"), previous, &why, false, FileMode::OwnerOnly))
        return failSave(why, error);
    // A file with a token in plain text is owner-only, also when it was more open before.
    const FileMode mode = holdsInlineSecret(doc.root().toJson()) ? FileMode::OwnerOnly : FileMode::KeepExisting;
    if (!writeFileAtomically(file, doc.text(), &why, true, mode))
        return failSave(why, error);
    qCDebug(lcConfig) << "saved" << file;
    return true;
}

bool saveConfigJson(const QString &path, const QJsonObject &root, QString *error)
{
    const QString file = expandUserPath(path);
    if (file.isEmpty())
        return failSave(QStringLiteral("no file name"), error);
    Current current;
    QString why;
    if (!readCurrent(file, current, &why))
        return failSave(why, error);
    if (!current.exists || current.bytes.trimmed().isEmpty())
        return writeConfigDocument(file, ConfigDocument::fromJson(root), current.bytes, error);
    if (ConfigSources::usesIncludes(current.doc->root()))
        return saveThroughIncludes(file, std::nullopt, root, error);
    if (!current.doc->applyChanges(current.doc->object(), root, &why))
        return failSave(why, error);
    return writeConfigDocument(file, *current.doc, current.bytes, error);
}

bool saveConfigChanges(const QString &path, const QJsonObject &before, const QJsonObject &after, QString *error)
{
    const QString file = expandUserPath(path);
    if (file.isEmpty())
        return failSave(QStringLiteral("no file name"), error);
    Current current;
    QString why;
    if (!readCurrent(file, current, &why))
        return failSave(why, error);
    if (!current.exists || current.bytes.trimmed().isEmpty())
        return writeConfigDocument(file, ConfigDocument::fromJson(after), current.bytes, error);
    if (ConfigSources::usesIncludes(current.doc->root()))
        return saveThroughIncludes(file, before, after, error);
    if (!current.doc->applyChanges(before, after, &why))
        return failSave(why, error);
    return writeConfigDocument(file, *current.doc, current.bytes, error);
}

} // namespace ct
