#include "inboundpipeline.h"

#include "logging/logging.h"
#include "messagestore.h"
#include "process/heaptrim.h"

#include <QMetaMethod>

namespace ct {

InboundPipeline::InboundPipeline(MessageStore &store, const Config &config, QObject *parent)
    : InboundPipeline(store, config, PipelineSettings{}, parent)
{
}

InboundPipeline::InboundPipeline(MessageStore &store, const Config &config, const PipelineSettings &settings,
                                 QObject *parent)
    : QObject(parent), m_store(store), m_settings(settings), m_filters(config), m_keys(config)
{
    if (m_settings.maxBatch < 1)
        m_settings.maxBatch = 1;
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (m_retryMs > 0)
            return; // the retry timer drives while the history fails
        if (flushOnce(true) && m_pending > 0)
            m_flushTimer.start(); // the rest on the next turn: the event loop keeps running
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &InboundPipeline::retry);
}

InboundPipeline::~InboundPipeline()
{
    while (m_pending > 0)
        if (!flushOnce(false))
            break;
    if (m_pending > 0)
        qCWarning(lcInbound) << m_pending << "received messages could not be stored before exit ("
                             << m_storageError << "); the next catch-up fetches them again";
}

void InboundPipeline::setConfig(const Config &config)
{
    InboundFilters filters(config);
    // Keep user ids learnt at login when the config does not name one.
    for (const OpenImAccountConfig &a : config.openim.accounts)
        if (a.userID.isEmpty() && !m_filters.accountUserId(a.address()).isEmpty())
            filters.setAccountUserId(a.address(), m_filters.accountUserId(a.address()));
    m_filters = filters;
    m_keys = SessionKeyResolver(config);
}

void InboundPipeline::setAccountUserId(const AccountAddress &account, const QString &userId)
{
    m_filters.setAccountUserId(account, userId);
}

DedupWindow &InboundPipeline::windowFor(const AccountAddress &account)
{
    if (m_lastWindow && m_lastWindowAccount == account)
        return *m_lastWindow; // a burst comes from one account: skip hashing its address
    auto it = m_dedup.find(account);
    if (it == m_dedup.end())
        it = m_dedup.insert(account,
                            DedupWindow(m_settings.dedupWindowMs, m_settings.dedupMaxEntries, m_settings.clock));
    // An insert may move every window: the remembered pointer is only ever the latest one.
    m_lastWindowAccount = account;
    m_lastWindow = &*it;
    return *it;
}

bool InboundPipeline::accept(InboundMessage &message, qint64 *nowMs)
{
    ++m_stats.submitted;
    if (!message.account.isValid() || message.id.isEmpty()) {
        ++m_stats.invalid;
        qCWarning(lcInbound) << "dropping a message without account or id from" << message.account.toString();
        return false;
    }
    DedupWindow &window = windowFor(message.account);
    if (*nowMs < 0)
        *nowMs = window.now(); // every window runs on the same clock (the settings' one)
    if (!window.insert(message.id, *nowMs)) {
        ++m_stats.duplicates;
        return false;
    }
    m_filters.apply(message);
    if (message.sessionKey.isEmpty())
        message.sessionKey = m_keys.keyFor(message);
    return true;
}

void InboundPipeline::submit(InboundMessage message)
{
    qint64 now = -1;
    if (!accept(message, &now))
        return;
    if (m_queue.empty() || m_queue.back().size() >= m_settings.maxBatch)
        m_queue.emplace_back();
    m_queue.back().append(std::move(message));
    ++m_pending;
    queued();
}

void InboundPipeline::submitBatch(QList<InboundMessage> messages)
{
    // Accepted messages are compacted to the front in place, and the list joins the queue
    // as whole batches: a message is not moved again until it is delivered.
    qsizetype kept = 0;
    qint64 now = -1; // read once for the batch
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (!accept(messages[i], &now))
            continue;
        if (kept != i)
            messages[kept] = std::move(messages[i]);
        ++kept;
    }
    messages.resize(kept);
    if (messages.isEmpty())
        return;
    m_pending += kept;
    const qsizetype max = m_settings.maxBatch;
    if (!m_queue.empty() && m_queue.back().size() + kept <= max) {
        m_queue.back().append(std::move(messages)); // many small batches (many accounts) make one
    } else if (kept <= max) {
        m_queue.push_back(std::move(messages));
    } else {
        for (qsizetype from = 0; from < kept; from += max) { // a large catch-up page
            QList<InboundMessage> part;
            part.reserve(qMin(max, kept - from));
            std::move(messages.begin() + from, messages.begin() + qMin(kept, from + max),
                      std::back_inserter(part));
            m_queue.push_back(std::move(part));
        }
    }
    queued();
}

void InboundPipeline::queued()
{
    if (m_retryMs > 0) { // the history fails: held until the retry timer finds it working
        updatePaused();
        return;
    }
    while (m_pending >= qsizetype(m_settings.maxBatch) * 8)
        if (!flushOnce(true)) // a caller that never returns to the event loop: keep memory bounded
            break;
    if (m_pending > 0 && m_retryMs == 0 && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void InboundPipeline::deliverUndelivered(const QList<AccountAddress> &accounts)
{
    const QList<InboundMessage> batch = m_store.takeUndelivered(accounts);
    if (batch.isEmpty())
        return;
    qCInfo(lcInbound) << batch.size() << "messages an earlier run stored but did not deliver: delivering them now";
    m_stats.delivered += quint64(batch.size());
    const bool perMessage = isSignalConnected(QMetaMethod::fromSignal(&InboundPipeline::delivered));
    if (perMessage) {
        for (const InboundMessage &m : batch) {
            m_store.markDelivered();
            Q_EMIT delivered(m);
        }
    } else {
        m_store.markDelivered(int(batch.size()));
    }
    Q_EMIT batchDelivered(batch);
}

bool InboundPipeline::flush()
{
    m_flushTimer.stop();
    bool ok = true;
    while (m_pending > 0 && ok)
        ok = flushOnce(true);
    return ok;
}

void InboundPipeline::retry()
{
    // The held head first; once it commits, the rest on following turns as usual.
    if (flushOnce(true) && m_pending > 0)
        m_flushTimer.start();
}

void InboundPipeline::setStorageError(const QString &error)
{
    const bool wasFailing = m_retryMs > 0;
    if (error.isEmpty()) {
        m_retryMs = 0;
        m_retryTimer.stop();
    } else {
        m_retryMs = m_retryMs == 0 ? qMax(1, m_settings.firstRetryMs) : qMin(m_retryMs * 2, kMaxRetryMs);
        m_retryTimer.start(m_retryMs);
    }
    if (error.isEmpty() && wasFailing)
        qCInfo(lcInbound) << "the history takes writes again;" << m_pending << "messages still queued";
    // A batch that commits may still leave the store behind (a failing checkpoint): its trouble
    // is shown the same way while it lasts, with no retry (the next batch asks again).
    const QString shown = error.isEmpty() ? m_store.storageTrouble() : error;
    if (shown != m_storageError) {
        m_storageError = shown;
        Q_EMIT storageChanged(shown, heldCount());
    }
    updatePaused();
}

void InboundPipeline::updatePaused()
{
    const bool paused = m_retryMs > 0 && m_pending >= qsizetype(qMax(1, m_settings.maxHeld));
    // Resumed only once the history works again (a pause is not lifted by the queue alone).
    if (paused == m_paused || (!paused && m_retryMs > 0))
        return;
    m_paused = paused;
    if (paused) {
        ++m_stats.pauses;
        qCWarning(lcInbound) << m_pending << "messages wait for the history (" << m_storageError
                             << "): the accounts pause until it takes writes again";
    }
    Q_EMIT pausedChanged(paused);
}

bool InboundPipeline::flushOnce(bool emitSignals)
{
    if (m_queue.empty())
        return true;
    // One queued list is one batch (at most maxBatch messages): taken whole.
    QList<bool> inserted;
    QString error;
    if (!m_store.storeBatch(m_queue.front(), &inserted, &error)) {
        // Nothing of the batch was stored: it stays at the head of the queue, tried again later.
        ++m_stats.storeErrors;
        if (m_retryMs == 0 || error != m_storageError)
            qCWarning(lcInbound) << "could not store" << m_queue.front().size() << "messages (" << m_pending
                                 << "queued), trying again:" << error;
        if (emitSignals) {
            setStorageError(error.isEmpty() ? QStringLiteral("the history does not take writes") : error);
            Q_EMIT storeFailed(m_storageError);
        }
        return false;
    }
    QList<InboundMessage> batch = std::move(m_queue.front());
    m_queue.pop_front();
    m_pending -= batch.size();
    m_storedSinceTrim += batch.size();
    if (emitSignals)
        setStorageError({}); // and the store's trouble, if any (storageTrouble)
    // What is delivered is compacted to the front of the batch, in order. The per-message
    // signals are emitted only when someone listens (the tray takes whole batches).
    const bool perMessage = emitSignals && isSignalConnected(QMetaMethod::fromSignal(&InboundPipeline::delivered));
    qsizetype kept = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!inserted.at(i)) {
            ++m_stats.duplicates;
            continue;
        }
        InboundMessage &m = batch[i];
        if (m.filtered) {
            ++m_stats.filtered;
            if (emitSignals)
                Q_EMIT filteredOut(m);
            continue;
        }
        ++m_stats.delivered;
        if (perMessage) {
            m_store.markDelivered(); // before: a kill -9 during its print never prints it twice
            Q_EMIT delivered(m);
        }
        if (kept != i)
            batch[kept] = std::move(m);
        ++kept;
    }
    batch.resize(kept);
    if (emitSignals && !batch.isEmpty()) {
        if (!perMessage)
            m_store.markDelivered(int(batch.size()));
        Q_EMIT batchDelivered(batch);
    }
    if (m_pending == 0)
        releaseMemoryAfterBurst();
    return true;
}

void InboundPipeline::releaseMemoryAfterBurst()
{
    if (m_storedSinceTrim < kTrimAfterMessages
        || (m_sinceTrim.isValid() && m_sinceTrim.elapsed() < kTrimIntervalMs))
        return;
    m_storedSinceTrim = 0;
    m_sinceTrim.start();
    releaseFreeHeapMemory();
}

} // namespace ct
