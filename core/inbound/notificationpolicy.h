#pragma once
// Which delivered messages deserve a desktop pop-up, and how bursts are coalesced.
//  - Gotify: priority >= gotifyMinPriority (default 4).
//  - OpenIM: direct messages and mentions (of the account or of all members); a group
//    message without a mention, a notification conversation, or a message the account sent
//    itself: never.
//  - Filtered and outgoing messages: never.
//  - Muted, snoozed, below a target's minimum priority, or in quiet hours under their
//    threshold (notificationrules.h, at the policy's clock's time): never.
//  - Bursts: per account, the first wanted message opens a window (default 1 s); at its end,
//    up to burstThreshold (default 3) messages pop up one by one, more become ONE summary
//    ("5 new messages on gotify/ops").
//  - Catch-up: messages with via = catchup are collected per account until the account has
//    been quiet for a window, then one summary (or the single message) per account.
//  - Urgency: Gotify by priority through the configured UrgencyMapping (0–3 low, 4–7 normal,
//    8–10 critical by default); OpenIM normal, mentions critical; a summary takes the highest
//    urgency of the messages it counts.
// The tray connects InboundPipeline::delivered to offer() and shows notify().
#include "config/accountaddress.h"
#include "config/notificationsettings.h"
#include "inboundmessage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

namespace ct {

struct Notification
{
    QString title;
    QString body;
    AccountAddress account;
    QString messageId; // empty for a summary
    bool isSummary = false;
    int count = 1;
    NotificationUrgency urgency = NotificationUrgency::Normal;
    int priority = 0;   // Gotify priority of a single message
    QString clickUrl;   // Gotify client::notification.click.url of a single message
    QString sessionKey; // of a single message
};

class NotificationPolicy : public QObject
{
    Q_OBJECT
public:
    explicit NotificationPolicy(int gotifyMinPriority = 4, QObject *parent = nullptr);
    ~NotificationPolicy() override;

    void setGotifyMinPriority(int priority) { m_minPriority = priority; }
    void setBurstThreshold(int n) { m_threshold = n > 0 ? n : 1; }
    void setWindowMs(int ms) { m_windowMs = ms > 0 ? ms : 1; }
    // The urgency mapping, mutes and quiet hours.
    void setSettings(const NotificationSettings &settings) { m_settings = settings; }
    const NotificationSettings &settings() const { return m_settings; }
    void setUrgencyMapping(const UrgencyMapping &mapping) { m_settings.urgency = mapping; }
    const UrgencyMapping &urgencyMapping() const { return m_settings.urgency; }
    // The time mutes and quiet hours are judged at; default QDateTime::currentDateTimeUtc.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    int gotifyMinPriority() const { return m_minPriority; }
    int burstThreshold() const { return m_threshold; }
    int windowMs() const { return m_windowMs; }

    // The rule alone, without coalescing.
    bool wants(const InboundMessage &message) const;

    void offer(const ct::InboundMessage &message);
    void offerBatch(const QList<ct::InboundMessage> &messages);
    // Emits whatever is pending now (shutdown, tests).
    void flushAll();

    // The urgency a single message would get.
    NotificationUrgency urgencyOf(const InboundMessage &message) const;
    Notification single(const InboundMessage &message) const;
    static Notification summary(const AccountAddress &account, int count,
                                NotificationUrgency urgency = NotificationUrgency::Normal);

Q_SIGNALS:
    void notify(const ct::Notification &notification);

private:
    struct Pending
    {
        QList<Notification> items; // the first threshold + 1 only
        int count = 0;
        NotificationUrgency urgency = NotificationUrgency::Low; // the highest so far
        QTimer *timer = nullptr;                                // child of this policy, one per account and kind
    };
    void add(QHash<AccountAddress, Pending> &map, const Notification &n, bool debounce);
    void emitPending(QHash<AccountAddress, Pending> &map, const AccountAddress &account, bool alwaysSummarize);

    int m_minPriority;
    int m_threshold = 3;
    int m_windowMs = 1000;
    NotificationSettings m_settings;
    std::function<QDateTime()> m_clock;
    QHash<AccountAddress, Pending> m_stream;
    QHash<AccountAddress, Pending> m_catchup;
};

} // namespace ct

Q_DECLARE_METATYPE(ct::Notification)
