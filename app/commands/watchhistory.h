#pragma once
// What `watch` says about its history (docs/architecture.md "Command line"): while the history does not
// take writes, why, and how many received messages wait in memory; that it does again; that a
// corrupt history was moved aside (and where), or a deleted one started again. With --json one
// line each: {"type":"history","state":"failing"|"ok"|"moved-aside"|"restarted"|"waiting",…}.
// Messages are never lost to any of these: the pipeline keeps them (InboundPipeline).
#include "commandcontext.h"

class QObject;

namespace ct {
class AppRuntime;
class HistoryStore;
} // namespace ct

namespace ct::cli {

class WatchHistoryReport
{
public:
    WatchHistoryReport(CommandContext &ctx, bool json, const HistoryStore &history);

    // Prints the history's changes that `runtime` reports from now on (owner: lifetime of the
    // wiring): each change of its error once (AppRuntime::storageChanged is emitted again at each
    // failed retry, with the same error).
    void follow(const AppRuntime &runtime, QObject *owner);
    // The history cannot be opened yet: the accounts wait; said once per distinct reason.
    void waiting(const QString &reason);
    // A corrupt file moved aside while the history was opened (before follow()).
    void movedAsideAtOpen();

private:
    void line(const QString &state, const QString &detail, int held = -1, const QString &movedTo = {});

    CommandContext &m_ctx;
    bool m_json;
    const HistoryStore &m_history;
    QString m_lastWaiting;
    QString m_lastStorageError; // empty: the history takes writes
};

} // namespace ct::cli
