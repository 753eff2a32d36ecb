// The Gotify messages the notification suites that run the whole application post: a deploy
// report of account "ops" with the given id and priority, as the Gotify stream delivers it.
#pragma once

#include "config/accountaddress.h"
#include "inbound/inboundmessage.h"

#include <QDateTime>

namespace ct::guitest {

inline const AccountAddress kOps{kGotifyChannel, QStringLiteral("ops")};

inline InboundMessage deployMessage(int id, int priority)
{
    InboundMessage m;
    m.account = kOps;
    m.id = QString::number(id);
    m.title = QStringLiteral("Deploy %1").arg(id);
    m.text = QStringLiteral("deploy %1 done").arg(id);
    m.contentType = QStringLiteral("text/plain");
    m.priority = priority;
    m.peer = QStringLiteral("3");
    m.sessionKey = QStringLiteral("agent:main:main");
    m.serverTime = QDateTime::currentDateTimeUtc();
    return m;
}

} // namespace ct::guitest
