// ConfigSources: edits routed to the file that holds each value (see configsources.h).
#include "configeditor.h"
#include "configsaver.h"
#include "configsources.h"

#include <QJsonArray>

namespace ct {

namespace {

bool refuse(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

QString dotted(const QStringList &path)
{
    return json5PathString(path);
}

} // namespace

bool ConfigSources::setAt(const QStringList &path, const QJsonValue &value, QString *error)
{
    const Node *node = nodeAt(path);
    if (node && node->isObject) {
        const bool single = node->objectSources.size() == 1 && node->memberPlaces.size() == 1
                            && node->objectSources.first() == node->memberPlaces.first();
        if (!single)
            return refuse(error, QStringLiteral("%1 is put together from several files (%2); change it in those "
                                                "files")
                                     .arg(dotted(path), filesOf(node->objectSources + node->memberPlaces)));
        const Place p = node->memberPlaces.first();
        return m_files[p.file].doc->set(p.path, value, error);
    }
    if (node) {
        if (node->valuePlace.file < 0)
            return refuse(error, QStringLiteral("%1 is a whole included file or a list joined from several files "
                                                "(%2); change it there")
                                     .arg(dotted(path), filesOf(node->memberPlaces)));
        if ((value.isObject() || value.isArray()) && node->memberPlaces.size() > 1)
            return refuse(error, QStringLiteral("%1 is defined in several files (%2); change it in those files")
                                     .arg(dotted(path), filesOf(node->memberPlaces)));
        const Place p = node->valuePlace;
        if (!m_files.at(p.file).doc)
            return refuse(error, QStringLiteral("%1 cannot be edited").arg(m_files.at(p.file).path));
        return m_files[p.file].doc->set(p.path, value, error);
    }
    // A new key: into the object that wins the merge at the deepest existing level.
    QStringList existing = path;
    const Node *parent = nullptr;
    while (!existing.isEmpty()) {
        existing.removeLast();
        parent = nodeAt(existing);
        if (parent)
            break;
    }
    if (!parent || !parent->isObject || parent->objectSources.isEmpty())
        return refuse(error,
                      QStringLiteral("cannot set %1: %2 is not an object").arg(dotted(path), dotted(existing)));
    const Place p = parent->objectSources.last();
    if (!m_files.at(p.file).doc)
        return refuse(error, QStringLiteral("%1 cannot be edited").arg(m_files.at(p.file).path));
    return m_files[p.file].doc->set(p.path + path.mid(existing.size()), value, error);
}

bool ConfigSources::removeAt(const QStringList &path, QString *error)
{
    const Node *node = nodeAt(path);
    if (!node)
        return true;
    const QList<Place> places = node->memberPlaces;
    for (const Place &p : places) {
        if (!m_files.at(p.file).doc)
            return refuse(error, QStringLiteral("%1 cannot be edited").arg(m_files.at(p.file).path));
        QString why;
        if (!m_files[p.file].doc->remove(p.path, &why) && !why.isEmpty())
            return refuse(error, why);
    }
    return true;
}

bool ConfigSources::removeItemAt(const QStringList &path, int index, QString *error)
{
    const Node *node = nodeAt(path);
    if (!node || node->valuePlace.file < 0 || !m_files.at(node->valuePlace.file).doc)
        return refuse(error, QStringLiteral("%1 is a list joined from several files (%2); change it there")
                                 .arg(dotted(path), node ? filesOf(node->memberPlaces) : QString()));
    return m_files[node->valuePlace.file].doc->removeItem(node->valuePlace.path, index, error);
}

bool ConfigSources::diff(const QStringList &path, const QJsonObject &before, const QJsonObject &after,
                         QJsonObject &expected, QString *error)
{
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (after.contains(it.key()))
            continue;
        if (!removeAt(path + QStringList{it.key()}, error))
            return false;
        ConfigEditor::removeAt(expected, path + QStringList{it.key()});
        resolve();
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QStringList here = path + QStringList{it.key()};
        const QJsonValue old = before.value(it.key());
        if (before.contains(it.key()) && sameJson(old, it.value()))
            continue;
        const Node *current = nodeAt(here);
        if (old.isObject() && it.value().isObject() && current && current->isObject) {
            if (!diff(here, old.toObject(), it.value().toObject(), expected, error))
                return false;
            continue;
        }
        if (old.isArray() && it.value().isArray() && current && sameJson(current->value, old)) {
            // Items taken out of a list are removed one by one, so it keeps its layout.
            if (const auto gone = removedItems(old.toArray(), it.value().toArray())) {
                for (int index : *gone) {
                    if (!removeItemAt(here, index, error))
                        return false;
                    resolve();
                }
                ConfigEditor::setAt(expected, here, it.value());
                continue;
            }
        }
        if (!setAt(here, it.value(), error))
            return false;
        ConfigEditor::setAt(expected, here, it.value());
        resolve();
    }
    return true;
}

bool ConfigSources::applyChanges(const QJsonObject &before, const QJsonObject &after, QString *error)
{
    if (!ok() || m_files.isEmpty())
        return refuse(error, QStringLiteral("the config's includes have problems; fix them first: %1")
                                 .arg(problemStrings(m_problems).join(QStringLiteral("; "))));
    QList<std::optional<ConfigDocument>> saved;
    for (const File &f : std::as_const(m_files))
        saved.append(f.doc);
    const auto restore = [&] {
        for (qsizetype i = 0; i < m_files.size(); ++i)
            m_files[i].doc = saved.at(i);
        resolve();
    };
    QJsonObject expected = merged();
    QString why;
    if (!diff({}, before, after, expected, &why)) {
        restore();
        return refuse(error, why);
    }
    // What the files now say must be what was asked, read back through the includes.
    if (!ok() || !sameJson(merged(), expected)) {
        restore();
        return refuse(error, QStringLiteral("this change cannot be written into the included files without "
                                            "changing what they mean; nothing was changed"));
    }
    return true;
}

bool ConfigSources::write(QString *error) const
{
    for (qsizetype i = m_files.size() - 1; i >= 0; --i) {
        const File &f = m_files.at(i);
        if (f.doc && f.doc->text() != f.bytes && !writeConfigDocument(f.path, *f.doc, f.bytes, error))
            return false;
    }
    return true;
}

} // namespace ct
