#include "inboundfilters.h"

namespace ct {

InboundFilters::InboundFilters(const Config &config)
{
    for (const OpenImAccountConfig &a : config.openim.accounts) {
        Rules r;
        r.userId = a.userID;
        r.requireMention = a.requireMention;
        for (const QString &id : a.inboundWhitelist)
            if (!id.trimmed().isEmpty())
                r.whitelist.insert(id.trimmed());
        m_rules.insert(a.address(), r);
    }
}

void InboundFilters::setAccountUserId(const AccountAddress &account, const QString &userId)
{
    m_rules[account].userId = userId;
}

QString InboundFilters::accountUserId(const AccountAddress &account) const
{
    return m_rules.value(account).userId;
}

void InboundFilters::annotate(InboundMessage &message) const
{
    const auto it = m_rules.constFind(message.account);
    const QString userId = it == m_rules.constEnd() ? QString() : it->userId;
    message.mentionsAll = message.mentionsAll || message.atUserIds.contains(kOpenImAtAllTag);
    if (!userId.isEmpty()) {
        message.mentionsMe = message.mentionsMe || message.atUserIds.contains(userId);
        message.fromSelf = message.fromSelf || message.sender == userId;
    }
}

InboundFilters::Verdict InboundFilters::verdict(const InboundMessage &message) const
{
    if (message.direction == InboundMessage::Direction::Out)
        return Verdict::Pass;
    const auto it = m_rules.constFind(message.account);
    if (it == m_rules.constEnd())
        return Verdict::Pass;
    if (!it->whitelist.isEmpty() && !message.fromSelf && !it->whitelist.contains(message.sender))
        return Verdict::NotWhitelisted;
    if (it->requireMention && !message.groupId.isEmpty() && !message.fromSelf
        && !message.mentionsMe && !message.mentionsAll)
        return Verdict::MentionRequired;
    return Verdict::Pass;
}

bool InboundFilters::apply(InboundMessage &message) const
{
    // An account without rules (Gotify) gets only the all-tag from annotate() and always passes.
    annotate(message);
    message.filtered = verdict(message) != Verdict::Pass;
    return !message.filtered;
}

QString InboundFilters::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::NotWhitelisted: return QStringLiteral("not-whitelisted");
    case Verdict::MentionRequired: return QStringLiteral("mention-required");
    }
    return QString();
}

} // namespace ct
