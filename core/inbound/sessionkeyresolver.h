#pragma once
// The conversation key of a message, in the gateway's format (docs/architecture.md "Session keys"):
//   main                      agent:<agentId>:main
//   per-peer                  agent:<agentId>:direct:<peerId>
//   per-channel-peer          agent:<agentId>:<channel>:direct:<peerId>
//   per-account-channel-peer  agent:<agentId>:<channel>:<accountId>:direct:<peerId>
//   OpenIM group (any scope)  agent:<agentId>:multi-openim:group:<groupID>
// <agentId> comes from the agents.* bindings (else "main"); <peerId> goes through
// session.identityLinks ("<channel>:<peer>" → canonical id). A value type; it remembers its
// last answer (a burst from one peer builds its key once), so one object serves one thread.
#include "config/configmodel.h"
#include "inboundmessage.h"

#include <QHash>
#include <QString>

namespace ct {

class SessionKeyResolver
{
public:
    SessionKeyResolver() = default;
    explicit SessionKeyResolver(const Config &config);

    QString keyFor(const InboundMessage &message) const;
    QString keyFor(const AccountAddress &account, const QString &peer, const QString &groupId = {}) const;

    // The peer after identityLinks: "alice" for gotify peer "7" when linked as "gotify:7".
    QString canonicalPeer(const QString &channel, const QString &peer) const;
    QString agentFor(const AccountAddress &account) const;
    DmScope dmScope() const { return m_scope; }

    // Gotify peer rule: extras.openclaw.peerId, else appid, else title, else "gotify".
    static QString gotifyPeer(const QString &extrasPeerId, qint64 appId, const QString &title);

private:
    QString buildKey(const AccountAddress &account, const QString &peer, const QString &groupId) const;

    DmScope m_scope = DmScope::Main;
    QHash<AccountAddress, QString> m_agents;         // first binding wins
    QHash<QString, QHash<QString, QString>> m_links; // channel → peer → canonical
    struct LastKey
    {
        AccountAddress account;
        QString peer;
        QString groupId;
        QString key; // empty: nothing remembered
    };
    mutable LastKey m_last;
};

} // namespace ct
