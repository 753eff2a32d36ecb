// Seq catch-up (docs/protocols.md "Requests", 1001/1002; openimcatchup.h).
#include "openimcatchup.h"

#include "inbound/historystore.h"
#include "logging/logging.h"
#include "openimcontent.h"

#include <algorithm>
#include <utility>

namespace ct {

OpenImCatchup::OpenImCatchup(OpenImGateway &gateway, const AccountAddress &account, HistoryStore *history,
                             HandOver handOver, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_account(account), m_history(history), m_handOver(std::move(handOver))
{
}

void OpenImCatchup::start()
{
    // The history's seqs once, at the first catch-up; after that this process's own (m_known:
    // what it handed to the pipeline, which keeps everything until stored). Another process on
    // the same history may have stored seqs this one never received while it was away.
    if (m_history && !m_durableSeqsRead && m_history->isOpen()) {
        const auto durable = m_history->openimMaxSeqs(m_account);
        for (auto it = durable.constBegin(); it != durable.constEnd(); ++it) {
            m_known[it.key()] = std::max(m_known.value(it.key()), it.value());
            m_handed[it.key()] = std::max(m_handed.value(it.key()), it.value());
        }
        m_durableSeqsRead = true;
    }
    m_running = true;
    m_gateway.request(openim::GetNewestSeq, openim::encode(openim::GetMaxSeqReq{m_gateway.userID()}),
                      [this](const openim::Response *response, const QString &error) {
                          if (!response || response->errCode != 0) {
                              qCWarning(lcOpenIm) << m_account.toString()
                                                  << "newest seq failed:" << (response ? response->errMsg : error);
                              abandon();
                              if (response)
                                  Q_EMIT failed(response->errCode, response->errMsg);
                              return;
                          }
                          QString why;
                          const auto resp = openim::decode<openim::GetMaxSeqResp>(response->data, &why);
                          if (!resp) {
                              qCWarning(lcOpenIm)
                                  << m_account.toString() << "undecodable GetMaxSeqResp dropped:" << why;
                              finish(); // nothing to pull by: the pushes go on as before
                              return;
                          }
                          for (auto it = resp->maxSeqs.constBegin(); it != resp->maxSeqs.constEnd(); ++it) {
                              const qint64 known = m_known.value(it.key());
                              if (it.value() > known)
                                  addRange(it.key(), known + 1, it.value());
                          }
                          pump();
                          if (isIdle())
                              finish();
                      });
}

void OpenImCatchup::cancel()
{
    m_pullInFlight = false;
    abandon();
}

void OpenImCatchup::takePush(const QString &conversationID, const openim::PullMsgs &pull, bool notification)
{
    deliver(conversationID, pull, notification, false);
}

void OpenImCatchup::deliver(const QString &conversationID, const openim::PullMsgs &pull, bool notification,
                            bool pulled)
{
    QList<InboundMessage> batch;
    batch.reserve(pull.msgs.size());
    qint64 &known = m_known[conversationID];
    const QString userID = m_gateway.userID();
    for (const openim::MsgData &msg : pull.msgs) {
        if (!pulled && msg.seq > known + 1 && known >= 0) {
            addRange(conversationID, known + 1, msg.seq - 1); // a gap inside the pushes
            m_running = true;                                 // this push waits for the gap's pull (finish())
        }
        known = std::max(known, msg.seq);
        batch << openim::toInbound(msg, conversationID, m_account, userID, notification,
                                   pulled ? InboundMessage::Via::Catchup : InboundMessage::Via::Stream);
    }
    if (pulled)
        m_caughtUp += int(batch.size());
    const int count = int(batch.size());
    if (!pulled && m_running)
        m_heldPushes.append(std::move(batch)); // after the catch-up's older messages
    else
        handOver(std::move(batch));
    Q_EMIT decoded(count);
    if (!pulled)
        pump();
}

void OpenImCatchup::deliverEach(const openim::PullMessageBySeqsResp &conversations, bool pulled)
{
    for (auto it = conversations.msgs.constBegin(); it != conversations.msgs.constEnd(); ++it)
        deliver(it.key(), it.value(), false, pulled);
    for (auto it = conversations.notificationMsgs.constBegin(); it != conversations.notificationMsgs.constEnd();
         ++it)
        deliver(it.key(), it.value(), true, pulled);
}

void OpenImCatchup::finish()
{
    if (!m_running)
        return;
    m_running = false;
    QList<InboundMessage> held;
    held.swap(m_heldPushes);
    handOver(std::move(held));
    Q_EMIT finished(std::exchange(m_caughtUp, 0));
}

void OpenImCatchup::abandon()
{
    if (!m_running)
        return;
    m_running = false;
    m_caughtUp = 0;
    m_heldPushes = {};  // frees it (clear() keeps the capacity)
    m_known = m_handed; // the held pushes were not handed over: pull them next time
    m_pending.clear();
}

void OpenImCatchup::handOver(QList<InboundMessage> batch)
{
    if (batch.isEmpty())
        return;
    for (const InboundMessage &m : std::as_const(batch)) {
        qint64 &handed = m_handed[m.conversationId];
        handed = std::max(handed, m.seq);
    }
    if (m_handOver)
        m_handOver(std::move(batch));
}

void OpenImCatchup::addRange(const QString &conversationID, qint64 from, qint64 to)
{
    if (to < from)
        return;
    auto it = m_pending.find(conversationID);
    if (it == m_pending.end())
        m_pending.insert(conversationID, {from, to});
    else
        *it = {std::min(it->first, from), std::max(it->second, to)};
}

void OpenImCatchup::pump()
{
    if (m_pullInFlight || m_pending.isEmpty() || !m_gateway.ready())
        return;
    openim::PullMessageBySeqsReq req;
    req.userID = m_gateway.userID();
    req.order = openim::PullOrderAsc;
    QHash<QString, qint64> pageEnds;
    for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
        const qint64 end = std::min(it->second, it->first + kPageSize - 1);
        req.seqRanges.append({it.key(), it->first, end, kPageSize});
        pageEnds.insert(it.key(), end);
    }
    m_pullInFlight = true;
    m_gateway.request(openim::PullMsgBySeqList, openim::encode(req),
                      [this, pageEnds](const openim::Response *response, const QString &error) {
                          m_pullInFlight = false;
                          if (!response || response->errCode != 0) {
                              qCWarning(lcOpenIm) << m_account.toString()
                                                  << "pull failed:" << (response ? response->errMsg : error);
                              if (response) { // the server said no: do not loop on it
                                  m_pending.clear();
                                  finish();
                              }
                              return; // on a lost connection the next connect starts over
                          }
                          QString why;
                          const auto resp = openim::decode<openim::PullMessageBySeqsResp>(response->data, &why);
                          if (!resp) {
                              qCWarning(lcOpenIm)
                                  << m_account.toString() << "undecodable pull answer dropped:" << why;
                              m_pending.clear();
                              finish();
                              return;
                          }
                          deliverEach(*resp, true);
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
                              finish();
                              return;
                          }
                          pump();
                      });
}

} // namespace ct
