#pragma once
// The channel-agnostic path of every received message (docs/architecture.md "Data flow: a message"):
//   submit() → DedupWindow → filters (whitelist, requireMention) → session key → queue of
//   batches → MessageStore, i.e. HistoryStore (one transaction per batch)
//   → delivered() / batchDelivered() / filteredOut()
//
// Exactly once: the DedupWindow drops repeats within 30 s; UNIQUE(account, id) in the store
// drops the rest (across catch-ups, reconnects and restarts). A signal is emitted only after
// its message is committed, so nothing seen by the UI or the CLI can be lost to a crash.
//
// Flushing: an idle pipeline flushes on the next event-loop turn (low latency); under load
// submissions accumulate and are written in batches of up to maxBatch rows, one batch per
// event-loop turn, so a burst of 10,000 messages never stalls the event loop.
#include "inboundfilters.h"
#include "inboundmessage.h"
#include "net/dedupwindow.h"
#include "sessionkeyresolver.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>

namespace ct {

class MessageStore;

struct PipelineSettings
{
    qint64 dedupWindowMs = DedupWindow::kDefaultWindowMs;
    int dedupMaxEntries = DedupWindow::kDefaultMaxEntries; // per account
    int maxBatch = 500;          // rows per transaction / event-loop turn
    DedupWindow::Clock clock;    // empty → monotonic clock
};

struct PipelineStats
{
    quint64 submitted = 0;
    quint64 delivered = 0;
    quint64 filtered = 0;    // stored, marked filtered, not delivered
    quint64 duplicates = 0;  // dropped by the window or by the store
    quint64 invalid = 0;     // no account or no id: logged and dropped
    quint64 storeErrors = 0; // messages whose batch failed to commit
};

class InboundPipeline : public QObject
{
    Q_OBJECT
public:
    InboundPipeline(MessageStore &store, const Config &config, QObject *parent = nullptr);
    InboundPipeline(MessageStore &store, const Config &config, const PipelineSettings &settings,
                    QObject *parent = nullptr);
    ~InboundPipeline() override; // stores what is still queued (without signals)

    // Applies a reloaded config (filters, session keys). User ids set below are kept.
    void setConfig(const Config &config);
    // The account's own user id (for mentions and "sent by me"); config userID is the default.
    void setAccountUserId(const AccountAddress &account, const QString &userId);

    void submit(InboundMessage message);
    void submitBatch(QList<InboundMessage> messages); // catch-up pages

    // Writes everything queued now (shutdown, tests). False when a batch failed.
    bool flush();
    int pendingCount() const { return int(m_pending); }
    PipelineStats stats() const { return m_stats; }

Q_SIGNALS:
    void delivered(const ct::InboundMessage &message);
    void filteredOut(const ct::InboundMessage &message);
    // After each committed batch: everything delivered by it, in order (for batch consumers).
    void batchDelivered(const QList<ct::InboundMessage> &messages);
    void storeFailed(const QString &error);

private:
    // nowMs: the dedup clock, read on first use and kept for the rest of a batch.
    bool accept(InboundMessage &message, qint64 *nowMs);
    void queued(); // after messages joined the queue: bound it, schedule the flush
    bool flushOnce(bool emitSignals);
    DedupWindow &windowFor(const AccountAddress &account);

    MessageStore &m_store;
    PipelineSettings m_settings;
    InboundFilters m_filters;
    SessionKeyResolver m_keys;
    QHash<AccountAddress, DedupWindow> m_dedup; // one window per account, keyed by message id
    AccountAddress m_lastWindowAccount;          // windowFor()'s last answer
    DedupWindow *m_lastWindow = nullptr;
    std::deque<QList<InboundMessage>> m_queue; // accepted, in batches of at most maxBatch
    qsizetype m_pending = 0;                   // messages in m_queue
    QTimer m_flushTimer;
    PipelineStats m_stats;
};

} // namespace ct
