#include "configsources.h"

#include "userpath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <sys/stat.h>

namespace ct {

namespace {

constexpr int kMaxIncludeDepth = 10;
constexpr qint64 kMaxIncludeBytes = 2 * 1024 * 1024;
constexpr QLatin1StringView kIncludeKey{"$include"};

// 1-based line and column (in characters) of a byte offset.
QString lineColumn(const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return QStringLiteral("line %1, column %2").arg(before.count('\n') + 1).arg(column);
}

QString joinPath(const QString &display, const QString &key)
{
    return display.isEmpty() ? key : display + QLatin1Char('.') + key;
}

bool isInside(const QString &dir, const QString &path)
{
    return path.startsWith(dir.endsWith(QLatin1Char('/')) ? dir : dir + QLatin1Char('/'));
}

using Node = ConfigSources::Node;

// OpenClaw's deep merge, keeping where each part is written: objects merge key by key, arrays
// are joined, anything else is replaced by `b`.
Node merge(const Node &a, const Node &b)
{
    if (a.isObject && b.isObject) {
        Node r = a;
        r.objectSources += b.objectSources;
        for (const auto &[key, child] : b.children) {
            auto it = r.children.find(key);
            if (it == r.children.end()) {
                r.children.emplace(key, child);
                continue;
            }
            Node merged = merge(it->second, child);
            merged.memberPlaces = it->second.memberPlaces + child.memberPlaces;
            it->second = merged;
        }
        return r;
    }
    if (a.value.isArray() && b.value.isArray()) {
        Node r = b;
        QJsonArray joined = a.value.toArray();
        for (const QJsonValue &v : b.value.toArray())
            joined.append(v);
        r.value = joined;
        r.valuePlace = {};
        return r;
    }
    return b;
}

QJsonValue toJson(const Node &n)
{
    if (!n.isObject)
        return n.value;
    QJsonObject o;
    for (const auto &[key, child] : n.children)
        o.insert(key, toJson(child));
    return o;
}

bool containsInclude(const Json5Node &n)
{
    if (!n.isContainer())
        return false;
    for (const Json5Entry &e : n.entries)
        if ((n.kind == Json5Node::Kind::Object && e.key == kIncludeKey) || containsInclude(e.value))
            return true;
    return false;
}

} // namespace

struct ConfigSources::Resolver
{
    ConfigSources &s;

    void problem(int file, const Json5Node &at, const QString &display, const QString &what)
    {
        const File &f = s.m_files.at(file);
        const QByteArray &text = f.doc ? f.doc->text() : f.bytes;
        s.m_problems.append(
            {display, QStringLiteral("%1 (%2, %3)").arg(what, f.path, lineColumn(text, at.begin)), 0, 0});
    }

    Node value(int file, const QStringList &path, const QString &display, const Json5Node &node,
               const QStringList &chain)
    {
        Node n;
        if (node.kind == Json5Node::Kind::Array) {
            QJsonArray items;
            bool plain = true;
            for (size_t i = 0; i < node.entries.size(); ++i) {
                const Json5Node &item = node.entries.at(i).value;
                plain = plain && !containsInclude(item);
                items.append(toJson(value(file, {}, QStringLiteral("%1[%2]").arg(display).arg(i), item, chain)));
            }
            n.value = items;
            if (plain)
                n.valuePlace = {file, path};
            return n;
        }
        if (node.kind != Json5Node::Kind::Object) {
            n.value = node.toJson();
            n.valuePlace = {file, path};
            return n;
        }
        n.isObject = true;
        n.objectSources = {{file, path}};
        const Json5Entry *include = nullptr;
        for (const Json5Entry &e : node.entries) {
            if (e.key == kIncludeKey) {
                include = &e;
                continue;
            }
            Node child = value(file, path + QStringList{e.key}, joinPath(display, e.key), e.value, chain);
            child.memberPlaces = {{file, path + QStringList{e.key}}};
            n.children.insert_or_assign(e.key, child);
        }
        if (!include)
            return n;
        s.m_includes = true;
        const QString at = joinPath(display, kIncludeKey);
        Node included;
        const Json5Node &spec = include->value;
        if (spec.kind == Json5Node::Kind::String) {
            included = load(spec.scalar.toString(), file, spec, at, display, chain);
        } else if (spec.kind == Json5Node::Kind::Array) {
            included.isObject = true;
            for (size_t i = 0; i < spec.entries.size(); ++i) {
                const Json5Node &item = spec.entries.at(i).value;
                const QString itemAt = QStringLiteral("%1[%2]").arg(at).arg(i);
                if (item.kind != Json5Node::Kind::String) {
                    problem(file, item, itemAt, QStringLiteral("expected the path of a file to include"));
                    continue;
                }
                included = merge(included, load(item.scalar.toString(), file, item, itemAt, display, chain));
            }
        } else {
            problem(file, spec, at, QStringLiteral("expected a file path or a list of file paths"));
            return n;
        }
        if (n.children.empty())
            return included;
        if (!included.isObject) {
            problem(file, spec, at,
                    QStringLiteral("the included content must be an object when other keys stand next to "
                                   "$include"));
            return n;
        }
        return merge(included, n);
    }

    // The value of the file `spec` names, included from `from`.
    Node load(const QString &spec, int from, const Json5Node &specNode, const QString &at,
              const QString &objectDisplay, QStringList chain)
    {
        const QString base = QFileInfo(s.m_files.at(from).path).absolutePath();
        const QString target = QDir::cleanPath(QDir::isAbsolutePath(spec) ? spec : base + QLatin1Char('/') + spec);
        const auto fail = [&](const QString &what) {
            problem(from, specNode, at, what);
            Node none;
            none.isObject = true;
            return none;
        };
        if (!isInside(s.m_rootDir, target))
            return fail(QStringLiteral("%1 is outside the config's directory %2").arg(spec, s.m_rootDir));
        const QString real = QFileInfo(target).canonicalFilePath();
        const QString realRoot = QFileInfo(s.m_rootDir).canonicalFilePath();
        if (!real.isEmpty() && !realRoot.isEmpty() && !isInside(realRoot, real))
            return fail(QStringLiteral("%1 leads outside the config's directory %2 (through a symbolic link)")
                            .arg(spec, s.m_rootDir));
        if (chain.contains(target))
            return fail(QStringLiteral("circular include: %1").arg((chain + QStringList{target}).join(" -> ")));
        if (chain.size() > kMaxIncludeDepth)
            return fail(
                QStringLiteral("includes nest more than %1 files deep at %2").arg(kMaxIncludeDepth).arg(spec));
        int index = -1;
        for (int i = 0; i < s.m_files.size(); ++i)
            if (s.m_files.at(i).path == target)
                index = i;
        if (index < 0) {
            struct stat st;
            if (::stat(QFile::encodeName(target).constData(), &st) != 0)
                return fail(QStringLiteral("cannot include %1: %2 does not exist").arg(spec, target));
            if (!S_ISREG(st.st_mode) || st.st_nlink > 1 || st.st_size > kMaxIncludeBytes)
                return fail(QStringLiteral("cannot include %1: %2 must be a regular file of at most 2 MiB with "
                                           "no other hard link")
                                .arg(spec, target));
            QFile f(target);
            if (!f.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot include %1: %2").arg(spec, f.errorString()));
            File file;
            file.path = target;
            file.bytes = f.readAll();
            Json5Error error;
            auto root = parseJson5(file.bytes, &error);
            if (!root)
                return fail(QStringLiteral("cannot include %1: %2 is not valid JSON5: %3")
                                .arg(spec, target, error.toString()));
            file.root = std::move(*root);
            if (file.root.kind == Json5Node::Kind::Object)
                file.doc = ConfigDocument::fromText(file.bytes);
            s.m_files.append(std::move(file));
            index = int(s.m_files.size() - 1);
        }
        chain.append(target);
        return value(index, {}, objectDisplay, s.m_files.at(index).root, chain);
    }
};

bool ConfigSources::usesIncludes(const Json5Node &root)
{
    return containsInclude(root);
}

ConfigSources ConfigSources::load(const QString &mainPath)
{
    const QString path = QDir::cleanPath(QFileInfo(expandUserPath(mainPath)).absoluteFilePath());
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ConfigSources s;
        s.m_rootDir = QFileInfo(path).absolutePath();
        s.m_problems.append({QString(), QStringLiteral("cannot read %1: %2").arg(path, f.errorString()), 0, 0});
        return s;
    }
    return fromText(mainPath, f.readAll());
}

ConfigSources ConfigSources::fromText(const QString &mainPath, const QByteArray &text)
{
    ConfigSources s;
    File top;
    top.path = QDir::cleanPath(QFileInfo(expandUserPath(mainPath)).absoluteFilePath());
    s.m_rootDir = QFileInfo(top.path).absolutePath();
    top.bytes = text;
    Json5Error error;
    auto root = parseJson5(top.bytes.trimmed().isEmpty() ? QByteArray("{}") : top.bytes, &error);
    if (!root || root->kind != Json5Node::Kind::Object) {
        s.m_problems.append(
            {QString(),
             QStringLiteral("%1: %2").arg(top.path, root ? QStringLiteral("expected a JSON object at "
                                                                          "the top")
                                                         : error.toString()),
             error.line, error.column});
        return s;
    }
    top.root = std::move(*root);
    top.doc = ConfigDocument::fromText(top.bytes.trimmed().isEmpty() ? QByteArray("{}\n") : top.bytes);
    s.m_files.append(std::move(top));
    s.resolve();
    return s;
}

void ConfigSources::resolve()
{
    m_problems.clear();
    m_includes = false;
    for (File &f : m_files)
        if (f.doc)
            f.root = f.doc->root(); // edits re-parse the document
    Resolver r{*this};
    m_root = std::make_shared<Node>(r.value(0, {}, QString(), m_files.first().root, {m_files.first().path}));
    if (!m_root->isObject)
        m_problems.append({kIncludeKey,
                           QStringLiteral("the config must be an object, but its $include gives another "
                                          "value"),
                           0, 0});
}

QJsonObject ConfigSources::merged() const
{
    return m_root ? toJson(*m_root).toObject() : QJsonObject();
}

const ConfigSources::Node *ConfigSources::nodeAt(const QStringList &path) const
{
    const Node *n = m_root.get();
    for (const QString &key : path) {
        if (!n || !n->isObject)
            return nullptr;
        auto it = n->children.find(key);
        n = it == n->children.end() ? nullptr : &it->second;
    }
    return n;
}

ConfigSources::Place ConfigSources::placeOf(const QStringList &path) const
{
    const Node *n = nodeAt(path);
    if (!n || n->isObject)
        return {};
    return n->valuePlace;
}

QString ConfigSources::includedFileFor(const QString &problemPath) const
{
    const Node *n = m_root.get();
    Place place{0, {}};
    for (QString key : problemPath.split(QLatin1Char('.'))) {
        const qsizetype bracket = key.indexOf(QLatin1Char('['));
        if (bracket >= 0)
            key.truncate(bracket);
        if (!n || !n->isObject)
            break;
        const auto it = n->children.find(key);
        if (it == n->children.end())
            break;
        n = &it->second;
        if (!n->isObject && n->valuePlace.file >= 0)
            place = n->valuePlace;
        else if (n->isObject && !n->objectSources.isEmpty())
            place = n->objectSources.last();
        else if (!n->memberPlaces.isEmpty())
            place = n->memberPlaces.last();
    }
    return place.file > 0 ? m_files.at(place.file).path : QString();
}

QString ConfigSources::describe(const Place &p) const
{
    return p.file < 0 ? QString() : m_files.at(p.file).path;
}

QString ConfigSources::filesOf(const QList<Place> &places) const
{
    QStringList files;
    for (const Place &p : places)
        if (p.file >= 0 && !files.contains(describe(p)))
            files << describe(p);
    return files.join(QStringLiteral(", "));
}

} // namespace ct
