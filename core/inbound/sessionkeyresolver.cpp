#include "sessionkeyresolver.h"

namespace ct {

namespace {
QString linkKey(const QString &channel, const QString &peer)
{
    return channel + QLatin1Char(':') + peer;
}
} // namespace

SessionKeyResolver::SessionKeyResolver(const Config &config)
    : m_scope(config.session.dmScope)
    , m_agents(config.agents)
{
    for (auto it = config.session.identityLinks.cbegin(); it != config.session.identityLinks.cend(); ++it)
        for (const QString &member : it.value())
            m_links.insert(member.trimmed(), it.key());
}

QString SessionKeyResolver::agentFor(const AccountAddress &account) const
{
    for (const AgentBinding &b : m_agents)
        if (b.channel == account.channel && b.accountIds.contains(account.accountId))
            return b.agentId;
    return QStringLiteral("main");
}

QString SessionKeyResolver::canonicalPeer(const QString &channel, const QString &peer) const
{
    return m_links.value(linkKey(channel, peer), peer);
}

QString SessionKeyResolver::keyFor(const InboundMessage &message) const
{
    QString peer = message.peer;
    if (peer.isEmpty())
        peer = message.account.channel == kGotifyChannel
                   ? gotifyPeer({}, 0, message.title)
                   : (message.sender.isEmpty() ? QStringLiteral("unknown") : message.sender);
    return keyFor(message.account, peer, message.groupId);
}

QString SessionKeyResolver::keyFor(const AccountAddress &account, const QString &peer,
                                   const QString &groupId) const
{
    const QString prefix = QStringLiteral("agent:") + agentFor(account) + QLatin1Char(':');
    if (!groupId.isEmpty())
        return prefix + kOpenImChannel + QStringLiteral(":group:") + groupId;
    const QString peerId = canonicalPeer(account.channel, peer);
    switch (m_scope) {
    case DmScope::Main:
        return prefix + QStringLiteral("main");
    case DmScope::PerPeer:
        return prefix + QStringLiteral("direct:") + peerId;
    case DmScope::PerChannelPeer:
        return prefix + account.channel + QStringLiteral(":direct:") + peerId;
    case DmScope::PerAccountChannelPeer:
        return prefix + account.channel + QLatin1Char(':') + account.accountId
               + QStringLiteral(":direct:") + peerId;
    }
    return prefix + QStringLiteral("main");
}

QString SessionKeyResolver::gotifyPeer(const QString &extrasPeerId, qint64 appId, const QString &title)
{
    if (!extrasPeerId.isEmpty())
        return extrasPeerId;
    if (appId > 0)
        return QString::number(appId);
    if (!title.isEmpty())
        return title;
    return QStringLiteral("gotify");
}

} // namespace ct
