#pragma once
// Seq catch-up of one OpenIM account (docs/protocols.md "Requests", 1001/1002): after every
// (re)connect ask the newest seq of every conversation, then pull what is missing from the oldest
// missing seq upwards in pages of kPageSize. Gaps seen inside pushes join the same queue; pushes
// that arrive while it runs wait and follow the older messages it pulls. It owns the seq
// bookkeeping (highest seq seen, highest seq handed over) of the account.
#include "config/accountaddress.h"
#include "inbound/inboundmessage.h"
#include "openimgateway.h"
#include "openimmessages.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

namespace ct {

class HistoryStore;

class OpenImCatchup : public QObject
{
    Q_OBJECT
public:
    // The server returns only the LAST `num` seqs of a longer range, so a page never asks for more.
    static constexpr qint64 kPageSize = 100;
    // Receives every batch ready for the pipeline, in order (moved, not copied: a page stays one
    // allocation on its way to the history).
    using HandOver = std::function<void(QList<InboundMessage> batch)>;

    // `history` (may be null, not owned) gives the durable seqs at the first start().
    OpenImCatchup(OpenImGateway &gateway, const AccountAddress &account, HistoryStore *history, HandOver handOver,
                  QObject *parent = nullptr);

    // After a successful handshake.
    void start();
    // The connection ended: held pushes are dropped and their seqs forgotten (pulled next time).
    void cancel();
    bool isRunning() const { return m_running; }
    bool isIdle() const { return m_pending.isEmpty() && !m_pullInFlight; }
    // A push from the live connection: handed over at once, or held while a catch-up runs.
    void takePush(const QString &conversationID, const openim::PullMsgs &pull, bool notification);
    // Every conversation of a 2001 push, the plain ones first.
    void takePush(const openim::PushMessages &push) { deliverEach(push, false); }
    // Highest seq seen per conversation (durable history merged with this session's).
    QHash<QString, qint64> knownMaxSeqs() const { return m_known; }

Q_SIGNALS:
    // The catch-up ran dry; `messages`: how many it pulled since the previous one finished.
    void finished(int messages);
    // The server refused the newest-seq request: the caller reconnects (the next start() asks again).
    void failed(int errCode, const QString &error);
    void decoded(int count); // after each push or pulled page was handed over (or held)

private:
    void deliver(const QString &conversationID, const openim::PullMsgs &pull, bool notification, bool pulled);
    void deliverEach(const openim::PullMessageBySeqsResp &conversations, bool pulled);
    void addRange(const QString &conversationID, qint64 from, qint64 to);
    void pump();
    void finish();  // hands the held pushes over
    void abandon(); // drops them, and forgets their seqs
    void handOver(QList<InboundMessage> batch);

    OpenImGateway &m_gateway;
    AccountAddress m_account;
    QPointer<HistoryStore> m_history;
    HandOver m_handOver;
    QHash<QString, qint64> m_known;                  // conversation → highest seq seen
    QHash<QString, QPair<qint64, qint64>> m_pending; // conversation → [from, to] still to pull
    bool m_pullInFlight = false;
    int m_caughtUp = 0;                 // messages pulled by the running catch-up
    QHash<QString, qint64> m_handed;    // conversation → highest seq handed over
    QList<InboundMessage> m_heldPushes; // pushes that arrived while the catch-up runs
    bool m_running = false;
    bool m_durableSeqsRead = false; // the history's seqs are merged in once, at the first start()
};

} // namespace ct
