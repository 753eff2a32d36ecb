#pragma once
// A flood of Gotify messages and what the history of a `channeltray` process holds of it, for
// the suites that run the real binary (watch or the tray) against the loopback Gotify server.
#include "inbound/historystore.h"
#include "servers/gotify/gotifyserver.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace ct::test {

inline const AccountAddress kOps{kGotifyChannel, QStringLiteral("ops")};

// Posts n messages (pushed to every open stream), letting the event loop send them out.
inline QStringList post(testserver::GotifyServer &server, int n)
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        ids << QString::number(server.postMessage(QStringLiteral("message %1").arg(i), QStringLiteral("flood")));
        if (i % 50 == 49)
            QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
    return ids;
}
// A flood of up to 1,500 messages, 50 at a time; with stopAfter >= 0 it stops once more than
// stopAfter were posted (a kill -9 comes next).
inline QStringList flood(testserver::GotifyServer &server, int stopAfter = -1)
{
    QStringList ids;
    for (int sent = 0; sent < 1500; sent += 50) {
        ids += post(server, 50);
        if (stopAfter >= 0 && sent >= stopAfter)
            break;
    }
    return ids;
}
// ids in sorted order: what was printed, each once, when the order is not what a test is about.
inline QStringList sorted(QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}
inline int duplicates(const QStringList &ids)
{
    return int(ids.size() - QSet<QString>(ids.cbegin(), ids.cend()).size());
}
inline QString historyFile(const QString &dataHome)
{
    return dataHome + QStringLiteral("/channeltray/history.sqlite");
}
// How many of ids the history at dataHome holds (each at most once: UNIQUE(account, id)).
inline int storedOf(const QString &dataHome, const QStringList &ids)
{
    HistoryStore store(historyFile(dataHome));
    if (!store.openReadOnly())
        return -1;
    int n = 0;
    for (const QString &id : ids)
        n += store.contains(kOps, id) ? 1 : 0;
    return n;
}
// Those of ids the history at dataHome holds, in their order.
inline QStringList storedIds(const QString &dataHome, const QStringList &ids)
{
    HistoryStore store(historyFile(dataHome));
    QStringList held;
    if (store.openReadOnly())
        for (const QString &id : ids)
            if (store.contains(kOps, id))
                held << id;
    return held;
}
inline int storedCount(const QString &dataHome)
{
    HistoryStore store(historyFile(dataHome));
    return store.openReadOnly() ? store.count(HistoryQuery{}) : -1;
}
// Empty when the history at dataHome holds each of ids once, nothing else, and is whole; else
// what is wrong.
inline QString historyMismatch(const QString &dataHome, const QStringList &ids)
{
    const int held = storedOf(dataHome, ids);
    const int count = storedCount(dataHome);
    if (held != ids.size() || count != ids.size())
        return QStringLiteral("the history holds %1 of %2 messages, %3 rows").arg(held).arg(ids.size()).arg(count);
    HistoryStore store(historyFile(dataHome));
    QString integrity;
    if (!store.openReadOnly() || !store.integrityOk(&integrity))
        return QStringLiteral("the history is not whole: %1").arg(integrity);
    return {};
}

} // namespace ct::test
