#include "doctorhistory.h"

#include "inbound/historystore.h"
#include "runtime/appruntime.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStorageInfo>

namespace ct::cli {

QJsonObject HistoryReport::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path},
                  {QStringLiteral("exists"), exists},
                  {QStringLiteral("movedAside"), QJsonArray::fromStringList(movedAside)},
                  {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
    if (bytesFree >= 0)
        o.insert(QStringLiteral("bytesFree"), bytesFree);
    return o;
}

HistoryReport inspectHistory(AppRuntime &runtime, qint64 minFreeBytes)
{
    HistoryReport r;
    const QString path = runtime.history().path();
    r.path = path;
    const QFileInfo file(path);
    r.exists = file.exists();
    QString folder = file.absolutePath();
    while (!QFileInfo::exists(folder) && folder.contains(QLatin1Char('/')) && folder != QLatin1String("/"))
        folder = QFileInfo(folder).absolutePath(); // the nearest folder that exists
    QStorageInfo storage(folder);
    if (storage.isValid()) {
        r.bytesFree = storage.bytesAvailable();
        if (storage.isReadOnly())
            r.problems << QStringLiteral("the history's filesystem (%1) is read-only: received messages are "
                                         "kept in memory only until it takes writes again")
                              .arg(storage.rootPath());
        else if (r.bytesFree < minFreeBytes)
            r.problems << QStringLiteral("the disk holding the history is nearly full (%1 MiB free): received "
                                         "messages are kept in memory only while it is full")
                              .arg(r.bytesFree >> 20);
    }
    const QDir dir = file.absoluteDir();
    for (const QString &name :
         dir.entryList({file.fileName() + QStringLiteral(".corrupt-*")}, QDir::Files, QDir::Name))
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm")))
            r.movedAside << dir.filePath(name);
    for (const QString &aside : std::as_const(r.movedAside))
        r.notes << QStringLiteral("an unreadable history was moved aside and kept: %1").arg(aside);
    if (!r.exists) {
        r.notes << QStringLiteral("no history yet; it is created at the first message");
        return r;
    }
    // A -wal this large has not been copied into the history file for a while (HistoryStore's
    // checkpoints fail, see historystore.h): nothing is lost, but the file falls behind.
    const qint64 journal = QFileInfo(path + QStringLiteral("-wal")).size();
    if (journal > HistoryStore::kJournalLimitBytes)
        r.problems << QStringLiteral(
                          "the history's journal %1-wal holds %2 MiB (a working history keeps it under %3 "
                          "MiB): copying it into the history file fails (a failing disk?) or a reader "
                          "blocks it; received messages are kept in the journal meanwhile, do not "
                          "delete it")
                          .arg(path)
                          .arg(journal >> 20)
                          .arg(HistoryStore::kJournalLimitBytes >> 20);
    const HistoryStore &store = runtime.history();
    QString error;
    if (!runtime.openReadOnly(&error)) {
        r.problems << QStringLiteral("the history cannot be read (%1); the next start moves it aside and "
                                     "starts a new one")
                          .arg(error);
        return r;
    }
    QString detail;
    if (!store.integrityOk(&detail))
        r.problems << QStringLiteral("the history is damaged (%1); the next write that meets the damage moves "
                                     "it aside and starts a new one")
                          .arg(detail.left(200));
    if (!QFileInfo(dir.absolutePath()).isWritable())
        r.problems << QStringLiteral("the history's folder %1 is not writable").arg(dir.absolutePath());
    return r;
}

} // namespace ct::cli
