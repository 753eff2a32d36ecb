#pragma once
// The channel-agnostic path of every received message (docs/architecture.md "Data flow: a message"):
//   submit() → DedupWindow → filters (whitelist, requireMention) → session key → queue of
//   batches → MessageStore, i.e. HistoryStore (one transaction per batch)
//   → delivered() / batchDelivered() / filteredOut()
//
// Exactly once: the DedupWindow drops repeats within 30 s; UNIQUE(account, id) in the store
// drops the rest (across catch-ups, reconnects and restarts). A signal is emitted only after
// its message is committed, so nothing seen by the UI or the CLI can be lost to a crash.
// "Fresh" is per process: a message another process stored while this one runs is still
// delivered here (MessageStore::storeBatch).
//
// Storage faults (disk full, read-only, locked, I/O error): nothing received is dropped. A batch
// that fails stays at the head of the queue, in order, and is tried again after 100 ms, doubling
// to at most kMaxRetryMs, until it commits; later batches wait behind it, so no later message is
// stored (and no catch-up cursor moves) past one that is not. storageChanged() says why while it
// lasts; also while batches commit but the store falls behind (MessageStore::storageTrouble: the
// history's checkpoints fail), with nothing held. Memory stays bounded: past maxHeld queued messages the pipeline is "paused" — the
// accounts stop reading (they close their connections, see pausedChanged) and what the servers
// still send is fetched by their catch-up once the history takes writes again. A process that
// ends (or is killed) while holding messages loses only its memory of them: their ids are above
// every stored cursor, so the next catch-up fetches them again.
//
// Delivered, not only stored: the store is told of each message just before its delivered()
// signal (its print), or of the batch before batchDelivered() when nobody takes single messages
// (MessageStore::markDelivered); with a delivery record (HistoryStore::setDeliveryConsumer) a
// run killed between a commit and its prints leaves the rest recorded as undelivered, and the
// next run delivers it (deliverUndelivered). Before, not after: a kill -9 takes effect when a
// print's write() returns, so a mark after it would print that message again on restart; the
// price is the one message whose print the kill interrupts (never twice, at most that one lost).
//
// Flushing: an idle pipeline flushes on the next event-loop turn (low latency); under load
// submissions accumulate and are written in batches of up to maxBatch rows, one batch per
// event-loop turn, so a burst of 10,000 messages never stalls the event loop. When the queue
// runs dry after at least kTrimAfterMessages were stored (at most every kTrimIntervalMs), the
// heap's free pages go back to the system (releaseFreeHeapMemory): a burst does not leave the
// process at its peak RSS.
#include "inboundfilters.h"
#include "inboundmessage.h"
#include "net/dedupwindow.h"
#include "sessionkeyresolver.h"

#include <QElapsedTimer>
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
    int maxBatch = 500;                                    // rows per transaction / event-loop turn
    int maxHeld = 20000;      // queued messages past which the accounts pause (storage failing)
    int firstRetryMs = 100;   // after a failed batch; doubles up to kMaxRetryMs
    DedupWindow::Clock clock; // empty → monotonic clock
};

struct PipelineStats
{
    quint64 submitted = 0;
    quint64 delivered = 0;
    quint64 filtered = 0;    // stored, marked filtered, not delivered
    quint64 duplicates = 0;  // dropped by the window or by the store
    quint64 invalid = 0;     // no account or no id: logged and dropped
    quint64 storeErrors = 0; // failed commits (each kept and tried again)
    quint64 pauses = 0;      // times the queue passed maxHeld
};

class InboundPipeline : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRetryMs = 5000;
    static constexpr int kTrimAfterMessages = 2000;
    static constexpr int kTrimIntervalMs = 10000;

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

    // Delivers what earlier runs of this process's consumer stored but had not delivered when
    // they ended (MessageStore::takeUndelivered: a kill -9 between a commit and its print), of
    // these accounts (empty: every account), before anything new.
    void deliverUndelivered(const QList<AccountAddress> &accounts);
    // Writes everything queued now (shutdown, tests). False when a batch failed (it stays queued).
    bool flush();
    int pendingCount() const { return int(m_pending); }
    // Of those, the ones held because the history does not take writes (0 while it does).
    int heldCount() const { return m_retryMs > 0 ? int(m_pending) : 0; }
    PipelineStats stats() const { return m_stats; }
    // Why the history does not take writes now, or (nothing held) why it falls behind although it
    // does (MessageStore::storageTrouble); empty while all is well.
    QString storageError() const { return m_storageError; }
    bool isPaused() const { return m_paused; }

Q_SIGNALS:
    void delivered(const ct::InboundMessage &message);
    void filteredOut(const ct::InboundMessage &message);
    // After each committed batch: everything delivered by it, in order (for batch consumers).
    void batchDelivered(const QList<ct::InboundMessage> &messages);
    void storeFailed(const QString &error); // each failed commit
    // The history stopped taking writes (error says why; held = messages kept in memory), or
    // fell behind although it takes them (held 0: MessageStore::storageTrouble), or is well
    // again (error empty).
    void storageChanged(const QString &error, int held);
    // True: so many messages wait for the history that the accounts should stop reading until
    // it recovers (false again); their catch-up then fetches what they missed.
    void pausedChanged(bool paused);

private:
    void retry();
    void setStorageError(const QString &error);
    void updatePaused();

    // nowMs: the dedup clock, read on first use and kept for the rest of a batch.
    bool accept(InboundMessage &message, qint64 *nowMs);
    void queued(); // after messages joined the queue: bound it, schedule the flush
    bool flushOnce(bool emitSignals);
    void releaseMemoryAfterBurst(); // the queue ran dry
    DedupWindow &windowFor(const AccountAddress &account);

    MessageStore &m_store;
    PipelineSettings m_settings;
    InboundFilters m_filters;
    SessionKeyResolver m_keys;
    QHash<AccountAddress, DedupWindow> m_dedup; // one window per account, keyed by message id
    AccountAddress m_lastWindowAccount;         // windowFor()'s last answer
    DedupWindow *m_lastWindow = nullptr;
    std::deque<QList<InboundMessage>> m_queue; // accepted, in batches of at most maxBatch
    qsizetype m_pending = 0;                   // messages in m_queue
    QTimer m_flushTimer;
    QTimer m_retryTimer;
    int m_retryMs = 0; // 0 while the history takes writes
    QString m_storageError;
    bool m_paused = false;
    PipelineStats m_stats;
    qsizetype m_storedSinceTrim = 0;
    QElapsedTimer m_sinceTrim;
};

} // namespace ct
