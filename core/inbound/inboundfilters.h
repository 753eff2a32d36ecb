#pragma once
// Per-account inbound filters (docs/architecture.md "Data flow: a message"). A message that does
// not pass is still stored (filtered = true) and counted, never silently dropped.
//  - inboundWhitelist (OpenIM): non-empty → only messages whose sender is listed surface.
//    Messages the account sent itself (from another device) are not subject to it.
//  - requireMention (OpenIM): group messages surface only when atUserIDList holds the
//    account's userID or the all-members tag (kOpenImAtAllTag). Direct messages are unaffected.
// Gotify accounts have no filters.
#include "config/configmodel.h"
#include "inboundmessage.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace ct {

// OpenIM's all-members mention tag in atUserIDList (the SDK constant AtAllString).
inline constexpr QLatin1StringView kOpenImAtAllTag{"AtAllTag"};

class InboundFilters
{
public:
    enum class Verdict { Pass, NotWhitelisted, MentionRequired };

    InboundFilters() = default;
    explicit InboundFilters(const Config &config);

    // The account's own user id (config userID, else the JWT UserID claim, learnt at login).
    void setAccountUserId(const AccountAddress &account, const QString &userId);
    QString accountUserId(const AccountAddress &account) const;

    // Sets mentionsMe / mentionsAll / fromSelf from atUserIds, sender and the account's user id.
    void annotate(InboundMessage &message) const;
    // Decides on an annotated message.
    Verdict verdict(const InboundMessage &message) const;
    // annotate + verdict; sets message.filtered. Returns true when the message surfaces.
    bool apply(InboundMessage &message) const;

    static QString verdictName(Verdict verdict);

private:
    struct Rules
    {
        QString userId;
        bool requireMention = false;
        QSet<QString> whitelist;
    };
    const Rules *rulesFor(const AccountAddress &account) const; // nullptr: no rules
    static void annotate(InboundMessage &message, const Rules *rules);
    static Verdict verdict(const InboundMessage &message, const Rules *rules);

    QHash<AccountAddress, Rules> m_rules;
};

} // namespace ct
