// Seq catch-up (docs/protocols.md "Requests", 1001/1002): after every (re)connect ask the newest
// seq of every conversation, then pull what is missing from the oldest missing seq upwards in pages
// of kPage — the server returns only the LAST `num` seqs of a longer range, so a page never asks
// for more than `num`. Gaps seen inside pushes join the same queue.
#include "openimconnection.h"

#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "logging/logging.h"
#include "sdkws.pb.h"

#include <utility>

namespace ct {

namespace {
constexpr qint64 kPage = 100;

QByteArray bytesOf(const google::protobuf::MessageLite &m)
{
    const std::string s = m.SerializeAsString();
    return QByteArray(s.data(), int(s.size()));
}
} // namespace

void OpenImConnection::startCatchUp()
{
    // The history's seqs once, at the first catch-up; after that this process's own (m_known:
    // what it handed to the pipeline, which keeps everything until stored). Another process on
    // the same history may have stored seqs this one never received while it was away.
    if (m_history && !m_durableSeqsRead && m_history->isOpen()) {
        const auto durable = m_history->openimMaxSeqs(address());
        for (auto it = durable.constBegin(); it != durable.constEnd(); ++it) {
            m_known[it.key()] = std::max(m_known.value(it.key()), it.value());
            m_handed[it.key()] = std::max(m_handed.value(it.key()), it.value());
        }
        m_durableSeqsRead = true;
    }
    m_catchingUp = true;
    ::openim::sdkws::GetMaxSeqReq req;
    req.set_userid(m_userID.toStdString());
    request(openim::GetNewestSeq, bytesOf(req), [this](const openim::Response *response, const QString &error) {
        if (!response || response->errCode != 0) {
            qCWarning(lcOpenIm) << address().toString()
                                << "newest seq failed:" << (response ? response->errMsg : error);
            abandonCatchUp();
            if (response)
                m_socket.abort(); // reconnect: the next catch-up asks again
            return;
        }
        ::openim::sdkws::GetMaxSeqResp resp;
        if (!resp.ParseFromArray(response->data.constData(), response->data.size())) {
            qCWarning(lcOpenIm) << address().toString() << "undecodable GetMaxSeqResp dropped";
            finishCatchUp(); // nothing to pull by: the pushes go on as before
            return;
        }
        for (const auto &[id, max] : resp.maxseqs()) {
            const QString conversationID = QString::fromStdString(id);
            const qint64 known = m_known.value(conversationID);
            if (max > known)
                addRange(conversationID, known + 1, max);
        }
        pumpCatchUp();
        if (catchUpIdle())
            finishCatchUp();
    });
}

void OpenImConnection::finishCatchUp()
{
    if (!m_catchingUp)
        return;
    m_catchingUp = false;
    QList<InboundMessage> held;
    held.swap(m_heldPushes);
    handOver(std::move(held));
    emit catchUpFinished(std::exchange(m_caughtUp, 0));
}

void OpenImConnection::abandonCatchUp()
{
    if (!m_catchingUp)
        return;
    m_catchingUp = false;
    m_caughtUp = 0;
    m_heldPushes = {};  // frees it (clear() keeps the capacity)
    m_known = m_handed; // the held pushes were not handed over: pull them next time
    m_pending.clear();
}

void OpenImConnection::handOver(QList<InboundMessage> batch)
{
    if (batch.isEmpty())
        return;
    for (const InboundMessage &m : std::as_const(batch)) {
        qint64 &handed = m_handed[m.conversationId];
        handed = std::max(handed, m.seq);
    }
    if (m_pipeline)
        m_pipeline->submitBatch(std::move(batch));
}

void OpenImConnection::addRange(const QString &conversationID, qint64 from, qint64 to)
{
    if (to < from)
        return;
    auto it = m_pending.find(conversationID);
    if (it == m_pending.end())
        m_pending.insert(conversationID, {from, to});
    else
        *it = {std::min(it->first, from), std::max(it->second, to)};
}

void OpenImConnection::pumpCatchUp()
{
    if (m_pullInFlight || m_pending.isEmpty() || !m_handshakeDone)
        return;
    ::openim::sdkws::PullMessageBySeqsReq req;
    req.set_userid(m_userID.toStdString());
    req.set_order(::openim::sdkws::PullOrderAsc);
    QHash<QString, qint64> pageEnds;
    for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
        auto *range = req.add_seqranges();
        const qint64 end = std::min(it->second, it->first + kPage - 1);
        range->set_conversationid(it.key().toStdString());
        range->set_begin(it->first);
        range->set_end(end);
        range->set_num(kPage);
        pageEnds.insert(it.key(), end);
    }
    m_pullInFlight = true;
    request(openim::PullMsgBySeqList, bytesOf(req),
            [this, pageEnds](const openim::Response *response, const QString &error) {
                m_pullInFlight = false;
                if (!response || response->errCode != 0) {
                    qCWarning(lcOpenIm)
                        << address().toString() << "pull failed:" << (response ? response->errMsg : error);
                    if (response) { // the server said no: do not loop on it
                        m_pending.clear();
                        finishCatchUp();
                    }
                    return; // on a lost connection the next connect starts over
                }
                ::openim::sdkws::PullMessageBySeqsResp resp;
                if (!resp.ParseFromArray(response->data.constData(), response->data.size())) {
                    qCWarning(lcOpenIm) << address().toString() << "undecodable pull answer dropped";
                    m_pending.clear();
                    finishCatchUp();
                    return;
                }
                for (const auto &[id, pull] : resp.msgs())
                    deliver(QString::fromStdString(id), pull, false, true);
                for (const auto &[id, pull] : resp.notificationmsgs())
                    deliver(QString::fromStdString(id), pull, true, true);
                // Advance every range past the page asked (missing seqs stay missing: deleted).
                for (auto it = pageEnds.constBegin(); it != pageEnds.constEnd(); ++it) {
                    auto p = m_pending.find(it.key());
                    if (p == m_pending.end())
                        continue;
                    p->first = std::max(p->first, it.value() + 1);
                    if (p->first > p->second)
                        m_pending.erase(p);
                }
                if (m_pending.isEmpty()) {
                    finishCatchUp();
                    return;
                }
                pumpCatchUp();
            });
}

} // namespace ct
