#pragma once
// Sends of one Gotify account over its REST queue (docs/protocols.md "Message": POST /message
// with the app token, else with the client token and an application id; GotifyApi::sendMessage).
// The same verbs as OpenImSend: send() returns a request id, finished() reports it with the
// result, which carries the message as sent; whoever asked for the send stores it (AppRuntime).
#include "accounts/sendrequest.h"

#include <QObject>

namespace ct {

class GotifyApi;
struct GotifyResult;

// A POST /message answer as a send result: the server's id and date, and the sent message.
SendResult gotifySendResult(const GotifyResult &result, const AccountAddress &account);

class GotifySend : public QObject
{
    Q_OBJECT
public:
    // `api` (not owned) is the account's REST queue: one request in flight.
    GotifySend(GotifyApi &api, const AccountAddress &account, QObject *parent = nullptr);

    // Sends request.text (title, priority, extras) as the account. Returns a request id reported
    // by finished() from the event loop, never from inside send(), with the server's answer.
    int send(const SendRequest &request);

Q_SIGNALS:
    void finished(int requestId, const ct::SendResult &result);

private:
    GotifyApi &m_api;
    AccountAddress m_account;
    int m_ids = 0;
};

} // namespace ct
