#pragma once
// `doctor`'s look at the message history: can it be read, is it intact, is there room for it,
// and where earlier corrupt histories were moved aside (HistoryStore keeps them as
// "<path>.corrupt-<time>"). Read-only: doctor never creates, migrates nor moves the file.
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ct {
class AppRuntime;
}

namespace ct::cli {

struct HistoryReport
{
    QString path;
    bool exists = false;
    qint64 bytesFree = -1;
    QStringList movedAside; // earlier corrupt histories, kept
    QStringList problems;
    QStringList notes;

    QJsonObject toJson() const;
};

// The history of `runtime` (opened read-only through it). minFreeBytes: below this the disk
// counts as nearly full.
HistoryReport inspectHistory(AppRuntime &runtime, qint64 minFreeBytes = 16LL << 20);

} // namespace ct::cli
