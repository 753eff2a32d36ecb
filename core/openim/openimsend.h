#pragma once
// Sends of one OpenIM account over its live gateway connection (docs/protocols.md "Requests",
// 1003: the request data is a bare MsgData). The result carries the message as sent; whoever
// asked for the send stores it (AppRuntime).
#include "accounts/sendrequest.h"
#include "openimgateway.h"

#include <QObject>

namespace ct {

class OpenImSend : public QObject
{
    Q_OBJECT
public:
    OpenImSend(OpenImGateway &gateway, const AccountAddress &account, QObject *parent = nullptr);

    // Sends request.text or request.url to request.recipient ("user:<id>" or "group:<id>");
    // request.localFile describes the media when it is readable. Returns a request id reported
    // by finished(): a refusal before anything was sent from the event loop, never from inside
    // send(); the server's answer at once, so whoever stores the sent message does so before the
    // server's echo of it (a push to the sender) is read.
    int send(const SendRequest &request);

Q_SIGNALS:
    void finished(int requestId, const ct::SendResult &result);

private:
    OpenImGateway &m_gateway;
    AccountAddress m_account;
    int m_ids = 0;
};

} // namespace ct
