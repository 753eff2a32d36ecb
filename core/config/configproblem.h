#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace ct {

// One thing wrong with a config file. `path` is the dotted JSON path of the offending value
// ("channels.gotify.accounts.ops.serverUrl"); it is empty for problems with the file as a
// whole (missing file, invalid JSON). `line`/`column` are 1-based and set only for invalid JSON.
struct ConfigProblem
{
    QString path;
    QString message;
    int line = 0;
    int column = 0;

    // "<json path>: <problem>", or just the problem when it concerns the whole file.
    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const ConfigProblem &a, const ConfigProblem &b)
    {
        return a.path == b.path && a.message == b.message && a.line == b.line && a.column == b.column;
    }
};

inline QStringList problemStrings(const QList<ConfigProblem> &problems)
{
    QStringList out;
    out.reserve(problems.size());
    for (const ConfigProblem &p : problems)
        out.append(p.toString());
    return out;
}

} // namespace ct
