#pragma once
// What the catch-up and the sends of an OpenIM account need of its live gateway connection
// (docs/protocols.md "Requests"): the sender's ids and msgIncr-matched requests. OpenImConnection
// implements it; OpenImCatchup and OpenImSend use it, as GotifyCatchup and the Gotify sends use
// GotifyApi.
#include "openimframe.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace ct {

class OpenImGateway
{
    Q_DECLARE_TR_FUNCTIONS(ct::OpenImGateway)
public:
    // `response` is null when no answer came: `error` then says why (not connected, timed out,
    // the connection ended).
    using Callback = std::function<void(const openim::Response *response, const QString &error)>;

    virtual ~OpenImGateway() = default;

    // The handshake of the current connection attempt succeeded: requests can go out.
    virtual bool ready() const = 0;
    virtual QString userID() const = 0;
    virtual int platformID() const = 0;
    // Sends one request; `done` runs once, with the answer or with the reason there is none
    // (at once when not ready()).
    virtual void request(int reqIdentifier, const QByteArray &data, Callback done) = 0;

    // The error of a request that got no answer in time (a send reports it as errCode -1).
    static QString timedOut() { return tr("request timed out"); }
};

} // namespace ct
