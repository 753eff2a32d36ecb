#pragma once
// Catch-up after every (re)connect: page GET /message backwards (limit 200, since = the oldest
// id of the previous page) until reaching the last id already stored, then hand the missed
// messages over oldest first. On the first connect ever (no stored id) only the newest few.
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

    // lastId 0 = the account never stored a message: deliver at most kFirstConnectLimit.
    void start(qint64 lastId);
    void cancel()
    {
        ++m_generation;
        m_running = false;
    }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
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
    QList<InboundMessage> m_newestFirst;
};

} // namespace ct
