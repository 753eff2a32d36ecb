#include "gotifycatchup.h"

#include "gotifyapi.h"
#include "gotifydecoder.h"
#include "logging/logging.h"

#include <QJsonArray>
#include <algorithm>
#include <utility>

namespace ct {

GotifyCatchup::GotifyCatchup(GotifyApi &api, const AccountAddress &account, QObject *parent)
    : QObject(parent), m_api(api), m_account(account)
{
}

void GotifyCatchup::prepareFirstConnect()
{
    const quint64 generation = ++m_generation;
    m_running = false;
    m_api.listMessages(kFirstConnectLimit, 0, [this, generation](const GotifyResult &r) {
        if (generation != m_generation)
            return; // cancelled or restarted
        if (!r.ok()) {
            qCInfo(lcGotify) << m_account.toString() << "first connect: the newest messages could not be read"
                             << "before the stream opens:" << r.error.message();
            Q_EMIT prepared(false);
            return;
        }
        m_preparedNewest = {};
        m_preparedId = 0;
        const QJsonArray messages = r.value.toObject().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue &v : messages) { // newest first
            m_preparedId = qMax(m_preparedId, v.toObject().value(QStringLiteral("id")).toInteger());
            if (auto m = decodeGotifyMessage(v.toObject(), m_account, InboundMessage::Via::Catchup))
                m_preparedNewest.append(std::move(*m));
        }
        m_prepared = true;
        Q_EMIT prepared(true);
    });
}

void GotifyCatchup::start(qint64 lastId)
{
    const quint64 generation = ++m_generation;
    m_newestOnly = lastId == 0 && !m_prepared;
    m_fromPrepared = lastId == 0 && m_prepared;
    m_lastId = m_fromPrepared ? m_preparedId : lastId;
    m_pages = 0;
    m_running = true;
    m_newestFirst = {}; // not clear(): a QList keeps its capacity, and every account has one
    fetch(0, generation);
}

void GotifyCatchup::fetch(qint64 since, quint64 generation)
{
    const int limit = m_newestOnly ? kFirstConnectLimit : kPageSize;
    m_api.listMessages(limit, since, [this, generation](const GotifyResult &r) {
        if (generation != m_generation)
            return; // cancelled or restarted
        if (!r.ok()) {
            m_running = false;
            Q_EMIT failed(r.error);
            return;
        }
        ++m_pages;
        const QJsonArray messages = r.value.toObject().value(QStringLiteral("messages")).toArray();
        bool reached = m_newestOnly; // one short page is all it takes
        qint64 oldest = 0;
        for (const QJsonValue &v : messages) { // newest first
            const qint64 id = v.toObject().value(QStringLiteral("id")).toInteger();
            if (id <= m_lastId) {
                reached = true;
                break;
            }
            oldest = id;
            if (auto m = decodeGotifyMessage(v.toObject(), m_account, InboundMessage::Via::Catchup))
                m_newestFirst.append(std::move(*m));
        }
        const qint64 nextSince = r.value.toObject()
                                     .value(QStringLiteral("paging"))
                                     .toObject()
                                     .value(QStringLiteral("since"))
                                     .toInteger();
        if (reached || messages.isEmpty() || nextSince <= 0 || oldest <= 0) {
            m_running = false;
            if (m_fromPrepared) // older than any fetched now
                m_newestFirst.append(std::exchange(m_preparedNewest, {}));
            // Moved out whole: the list's storage goes to the pipeline and is freed once stored.
            // (clear() kept every account's largest catch-up allocated for good: 15 MiB over 60
            // accounts after a restart in the soak, by heaptrack.)
            QList<InboundMessage> oldestFirst = std::exchange(m_newestFirst, {});
            std::reverse(oldestFirst.begin(), oldestFirst.end());
            qCDebug(lcGotify) << m_account.toString() << "catch-up:" << oldestFirst.size() << "messages in"
                              << m_pages << "pages";
            Q_EMIT finished(oldestFirst, m_pages);
            return;
        }
        fetch(oldest, generation); // ids < oldest: the next older page
    });
}

} // namespace ct
