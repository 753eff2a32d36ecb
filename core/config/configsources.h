#pragma once
// A config file with its `$include` files, read as OpenClaw reads them and edited in the file
// that holds each value.
//
// Reading (OpenClaw's rules):
// - `"$include": "./file.json5"` or `"$include": ["./a.json5", "./b.json5"]` may stand in any
//   object at any depth (inside arrays too). A relative path is taken from the directory of
//   the file that holds the `$include`; the resolved file must lie inside the directory of the
//   top config file (also once symlinks are resolved), be a regular file of at most 2 MiB with
//   one link, and be JSON5.
// - The files of a list are deep-merged in order; then the object's other keys are merged over
//   them. Deep merge: objects merge key by key, arrays are concatenated, anything else is
//   replaced by the later value. Other keys next to `$include` need the included content to be
//   an object; without other keys the included value (of any type) replaces the object.
// - Included files may include others, at most 10 files deep; a file that includes itself
//   (directly or through others) is an error naming the chain ("a -> b -> a").
// - `${VAR}` is substituted after merging, so it works in included files too.
// Problems name the composed JSON path of the `$include`, the file and the line and column of
// the directive, and for an included file that is not JSON5, that file's line and column.
//
// Editing (applyChanges): each change is written to the file that holds the value, keeping
// every other byte of every file; includes are never flattened into the top file.
// - A changed value is written where its winning definition stands (in the included file
//   when it comes from one).
// - A new key goes into the object that wins the merge: the one that holds the `$include` when
//   it has other keys, else the included file (e.g. a new account lands in the file that holds
//   the other accounts).
// - A removed key is removed from every file that defines it.
// - Refused, with a sentence naming the files, and nothing written: replacing a whole object
//   or list put together from several files, a value that is a whole included file, and any
//   edit whose result would not read back as asked.
#include "configdocument.h"
#include "configproblem.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace ct {

class ConfigSources
{
public:
    struct Place
    {
        int file = -1; // index into files(); -1: no single place
        QStringList path;
        bool operator==(const Place &o) const { return file == o.file && path == o.path; }
    };
    struct File
    {
        QString path;     // absolute, cleaned
        QByteArray bytes; // as read
        Json5Node root;
        std::optional<ConfigDocument> doc; // when the root is an object (only then editable)
    };

    // Reads `mainPath` and everything it includes. A file that cannot be read or parsed is a
    // problem; see problems().
    static ConfigSources load(const QString &mainPath);
    // The same from the text of `mainPath` as the caller read it (one read of the top file per
    // command: loadConfig); the included files are read here.
    static ConfigSources fromText(const QString &mainPath, const QByteArray &text);
    // True when the text holds a `$include` anywhere.
    static bool usesIncludes(const Json5Node &root);

    bool ok() const { return m_problems.isEmpty(); }
    const QList<ConfigProblem> &problems() const { return m_problems; }
    bool hasIncludes() const { return m_files.size() > 1 || m_includes; }
    const QList<File> &files() const { return m_files; }
    // The config as OpenClaw sees it before `${VAR}`: includes merged, no `$include` keys.
    QJsonObject merged() const;
    // The file and path of the value at `path` (object keys) when it is written in one place.
    Place placeOf(const QStringList &path) const;
    // The file that holds what a config problem's dotted path ("channels.gotify.accounts.ops
    // .serverUrl", "…[2]") names, as far as the path leads; empty for the top file.
    QString includedFileFor(const QString &problemPath) const;

    // The edits that turn `before` into `after`, routed to the files (see above). False with a
    // sentence in `*error`, every file's text unchanged, when they cannot be made.
    bool applyChanges(const QJsonObject &before, const QJsonObject &after, QString *error = nullptr);
    // Writes every file whose text changed (included files first), each atomically with its
    // `.bak`.
    bool write(QString *error = nullptr) const;

    struct Node; // the merged value with where each part is written

private:
    struct Resolver;
    void resolve();
    bool setAt(const QStringList &path, const QJsonValue &value, QString *error);
    bool removeAt(const QStringList &path, QString *error);
    bool removeItemAt(const QStringList &path, int index, QString *error);
    bool diff(const QStringList &path, const QJsonObject &before, const QJsonObject &after, QJsonObject &expected,
              QString *error);
    const Node *nodeAt(const QStringList &path) const;
    QString filesOf(const QList<Place> &places) const;
    QString describe(const Place &p) const;

    QList<File> m_files; // [0] is the top file
    QString m_rootDir;
    QList<ConfigProblem> m_problems;
    std::shared_ptr<Node> m_root;
    bool m_includes = false;
};

struct ConfigSources::Node
{
    QJsonValue value;
    bool isObject = false;
    QList<Place> objectSources; // objects: the source objects merged into this one, in order
    std::map<QString, Node> children;
    QList<Place> memberPlaces; // every member that defines this key (overridden ones too)
    Place valuePlace;          // other values: where written; file -1 when joined or included whole
};

} // namespace ct
