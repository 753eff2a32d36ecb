#pragma once
// Catch-up after every (re)connect: page GET /message backwards (limit 200, since = the oldest
// id of the previous page) until reaching the last id already stored, then hand the missed
// messages over oldest first.
//
// On the first connect ever (no stored id) only the newest few of what the server held before
// the stream opened: prepareFirstConnect(), called before the stream is opened, fetches them,
// and the catch-up after the stream opened pages back to the newest of them. So every message
// created from then on is in the catch-up or comes after it by the stream, in id order. (A
// first page asked for after the stream opened would take the newest 20 even of messages the
// stream had yet to deliver, which then came after them: 31..50, then 1..30; issue 14.)
#include "gotifyerror.h"
#include "inbound/inboundmessage.h"

#include <QList>
#include <QObject>

namespace ct {

class GotifyApi;

class GotifyCatchup : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kFirstConnectLimit = 20;

    GotifyCatchup(GotifyApi &api, const AccountAddress &account, QObject *parent = nullptr);

    // Before the stream opens on a first connect: the newest kFirstConnectLimit messages and the
    // id they reach, kept for every start(0) until handed over; then prepared(ok).
    void prepareFirstConnect();
    bool isPrepared() const { return m_prepared; }

    // lastId 0 = the account never stored a message: prepared, the messages prepareFirstConnect()
    // fetched and every one after them; unprepared, at most the newest kFirstConnectLimit.
    void start(qint64 lastId);
    void cancel()
    {
        ++m_generation;
        m_running = false;
    }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void prepared(bool ok); // false: the page could not be read (the first connect goes on unprepared)
    void finished(const QList<ct::InboundMessage> &oldestFirst, int pages);
    void failed(const ct::GotifyError &error);

private:
    void fetch(qint64 since, quint64 generation);

    GotifyApi &m_api;
    AccountAddress m_account;
    quint64 m_generation = 0;
    qint64 m_lastId = 0;
    int m_pages = 0;
    bool m_running = false;
    bool m_newestOnly = false;   // this run takes one short page (an unprepared first connect)
    bool m_fromPrepared = false; // this run pages back to m_preparedId and hands those over too
    bool m_prepared = false;
    qint64 m_preparedId = 0;                // the newest id before the stream opened (0: none)
    QList<InboundMessage> m_preparedNewest; // the newest messages up to it, newest first
    QList<InboundMessage> m_newestFirst;
};

} // namespace ct
