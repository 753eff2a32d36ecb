#include "notificationpolicy.h"

#include "notificationrules.h"

namespace ct {

namespace {
constexpr int kBodyMax = 200;
}

NotificationPolicy::NotificationPolicy(int gotifyMinPriority, QObject *parent)
    : QObject(parent), m_minPriority(gotifyMinPriority)
{
    qRegisterMetaType<ct::Notification>();
}

NotificationPolicy::~NotificationPolicy() = default;

bool NotificationPolicy::wants(const InboundMessage &m) const
{
    if (m.filtered || m.direction == InboundMessage::Direction::Out || m.isNotification || m.fromSelf)
        return false;
    if (m.account.channel == kGotifyChannel && m.priority < m_minPriority)
        return false;
    if (m.account.channel == kOpenImChannel && !(m.groupId.isEmpty() || m.mentionsMe || m.mentionsAll))
        return false;
    if (m.account.channel != kGotifyChannel && m.account.channel != kOpenImChannel)
        return false;
    return silencedBy(m_settings, m, m_clock ? m_clock() : QDateTime::currentDateTimeUtc()) == Silenced::No;
}

NotificationUrgency NotificationPolicy::urgencyOf(const InboundMessage &m) const
{
    if (m.account.channel == kGotifyChannel)
        return m_settings.urgency.forPriority(m.priority);
    return (m.mentionsMe || m.mentionsAll) ? NotificationUrgency::Critical : NotificationUrgency::Normal;
}

Notification NotificationPolicy::single(const InboundMessage &m) const
{
    Notification n;
    n.account = m.account;
    n.messageId = m.id;
    n.urgency = urgencyOf(m);
    n.priority = m.priority;
    n.clickUrl = m.clickUrl;
    n.sessionKey = m.sessionKey;
    QString who = !m.title.isEmpty() ? m.title : (!m.senderName.isEmpty() ? m.senderName : m.sender);
    if (!m.groupId.isEmpty())
        who = tr("%1 in group %2").arg(who.isEmpty() ? m.peer : who, m.groupId);
    n.title = who.isEmpty() ? m.account.toString() : who;
    n.body = m.text.size() > kBodyMax ? m.text.left(kBodyMax - 1) + QChar(0x2026) : m.text;
    return n;
}

Notification NotificationPolicy::summary(const AccountAddress &account, int count, NotificationUrgency urgency)
{
    Notification n;
    n.account = account;
    n.urgency = urgency;
    n.isSummary = true;
    n.count = count;
    n.title = account.toString();
    n.body = tr("%n new messages on %1", nullptr, count).arg(account.toString());
    return n;
}

void NotificationPolicy::offer(const InboundMessage &message)
{
    if (!wants(message))
        return;
    if (message.via == InboundMessage::Via::Catchup)
        add(m_catchup, single(message), true);
    else
        add(m_stream, single(message), false);
}

void NotificationPolicy::offerBatch(const QList<InboundMessage> &messages)
{
    for (const InboundMessage &m : messages)
        offer(m);
}

void NotificationPolicy::add(QHash<AccountAddress, Pending> &map, const Notification &n, bool debounce)
{
    Pending &p = map[n.account];
    ++p.count;
    p.urgency = qMax(p.urgency, n.urgency);
    if (p.items.size() <= m_threshold)
        p.items << n;
    if (!p.timer) {
        p.timer = new QTimer(this);
        p.timer->setSingleShot(true);
        const AccountAddress account = n.account;
        const bool catchup = &map == &m_catchup;
        connect(p.timer, &QTimer::timeout, this,
                [this, account, catchup] { emitPending(catchup ? m_catchup : m_stream, account, catchup); });
    }
    // Stream: a fixed window from the first message. Catch-up: until the account is quiet.
    if (debounce || !p.timer->isActive())
        p.timer->start(m_windowMs);
}

void NotificationPolicy::emitPending(QHash<AccountAddress, Pending> &map, const AccountAddress &account,
                                     bool alwaysSummarize)
{
    auto it = map.find(account);
    if (it == map.end() || it->count == 0)
        return;
    const QList<Notification> items = it->items;
    const int count = it->count;
    const NotificationUrgency urgency = it->urgency;
    it->items.clear();
    it->count = 0;
    it->urgency = NotificationUrgency::Low;
    if (it->timer)
        it->timer->stop();
    const bool summarize = alwaysSummarize ? count > 1 : count > m_threshold;
    if (summarize) {
        Q_EMIT notify(summary(account, count, urgency));
        return;
    }
    for (const Notification &n : items)
        Q_EMIT notify(n);
}

void NotificationPolicy::flushAll()
{
    for (const AccountAddress &a : m_stream.keys())
        emitPending(m_stream, a, false);
    for (const AccountAddress &a : m_catchup.keys())
        emitPending(m_catchup, a, true);
}

} // namespace ct
