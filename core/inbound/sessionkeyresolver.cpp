#include "sessionkeyresolver.h"

namespace ct {

SessionKeyResolver::SessionKeyResolver(const Config &config) : m_scope(config.session.dmScope)
{
    for (const AgentBinding &b : config.agents)
        for (const QString &accountId : b.accountIds)
            if (!m_agents.contains({b.channel, accountId}))
                m_agents.insert({b.channel, accountId}, b.agentId);
    // "gotify:7" → channel "gotify", peer "7" (the peer may itself contain ':').
    for (auto it = config.session.identityLinks.cbegin(); it != config.session.identityLinks.cend(); ++it) {
        for (const QString &member : it.value()) {
            const QString link = member.trimmed();
            const qsizetype colon = link.indexOf(QLatin1Char(':'));
            if (colon > 0)
                m_links[link.left(colon)].insert(link.mid(colon + 1), it.key());
        }
    }
}

QString SessionKeyResolver::agentFor(const AccountAddress &account) const
{
    const auto it = m_agents.constFind(account);
    return it == m_agents.constEnd() ? QStringLiteral("main") : *it;
}

QString SessionKeyResolver::canonicalPeer(const QString &channel, const QString &peer) const
{
    const auto byChannel = m_links.constFind(channel);
    if (byChannel == m_links.constEnd())
        return peer;
    return byChannel->value(peer, peer);
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
    if (!m_last.key.isEmpty() && m_last.peer == peer && m_last.groupId == groupId && m_last.account == account)
        return m_last.key;
    m_last = {account, peer, groupId, buildKey(account, peer, groupId)};
    return m_last.key;
}

QString SessionKeyResolver::buildKey(const AccountAddress &account, const QString &peer,
                                     const QString &groupId) const
{
    QString key;
    key.reserve(96);
    key += QLatin1String("agent:");
    key += agentFor(account);
    key += QLatin1Char(':');
    if (!groupId.isEmpty()) {
        key += kOpenImChannel;
        key += QLatin1String(":group:");
        key += groupId;
        return key;
    }
    switch (m_scope) {
    case DmScope::Main:
        key += QLatin1String("main");
        return key;
    case DmScope::PerPeer:
        break;
    case DmScope::PerChannelPeer:
        key += account.channel;
        key += QLatin1Char(':');
        break;
    case DmScope::PerAccountChannelPeer:
        key += account.channel;
        key += QLatin1Char(':');
        key += account.accountId;
        key += QLatin1Char(':');
        break;
    }
    key += QLatin1String("direct:");
    key += canonicalPeer(account.channel, peer);
    return key;
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
