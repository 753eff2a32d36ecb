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

const InboundFilters::Rules *InboundFilters::rulesFor(const AccountAddress &account) const
{
    const auto it = m_rules.constFind(account);
    return it == m_rules.constEnd() ? nullptr : &*it;
}

void InboundFilters::annotate(InboundMessage &message) const
{
    annotate(message, rulesFor(message.account));
}

void InboundFilters::annotate(InboundMessage &message, const Rules *rules)
{
    message.mentionsAll = message.mentionsAll || message.atUserIds.contains(kOpenImAtAllTag);
    if (rules && !rules->userId.isEmpty()) {
        message.mentionsMe = message.mentionsMe || message.atUserIds.contains(rules->userId);
        message.fromSelf = message.fromSelf || message.sender == rules->userId;
    }
}

InboundFilters::Verdict InboundFilters::verdict(const InboundMessage &message) const
{
    return verdict(message, rulesFor(message.account));
}

InboundFilters::Verdict InboundFilters::verdict(const InboundMessage &message, const Rules *rules)
{
    if (message.direction == InboundMessage::Direction::Out || !rules)
        return Verdict::Pass;
    if (!rules->whitelist.isEmpty() && !message.fromSelf && !rules->whitelist.contains(message.sender))
        return Verdict::NotWhitelisted;
    if (rules->requireMention && !message.groupId.isEmpty() && !message.fromSelf && !message.mentionsMe
        && !message.mentionsAll)
        return Verdict::MentionRequired;
    return Verdict::Pass;
}

bool InboundFilters::apply(InboundMessage &message) const
{
    // One lookup of the account's rules; an account without rules (Gotify) gets only the
    // all-tag from annotate() and always passes.
    const Rules *rules = rulesFor(message.account);
    annotate(message, rules);
    message.filtered = verdict(message, rules) != Verdict::Pass;
    return !message.filtered;
}

QString InboundFilters::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::NotWhitelisted:
        return QStringLiteral("not-whitelisted");
    case Verdict::MentionRequired:
        return QStringLiteral("mention-required");
    }
    return QString();
}

} // namespace ct
