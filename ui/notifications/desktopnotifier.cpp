#include "desktopnotifier.h"

#include "inbound/notificationpolicy.h"
#include "logging/logging.h"
#include "notificationbackend.h"

#include <QDesktopServices>

namespace ct::ui {

namespace {
const QString kDefault = QStringLiteral("default");
const QString kOpenLink = QStringLiteral("open-link");
const QString kMarkRead = QStringLiteral("mark-read");
} // namespace

DesktopNotifier::DesktopNotifier(NotificationBackend *primary, NotificationBackend *fallback,
                                 NotifierActions actions, QObject *parent)
    : QObject(parent), m_actions(std::move(actions))
{
    addFallback(primary);
    addFallback(fallback);
}

void DesktopNotifier::addFallback(NotificationBackend *b)
{
    if (!b || m_backends.contains(b))
        return;
    m_backends << b;
    connect(b, &NotificationBackend::actionInvoked, this, &DesktopNotifier::onAction);
    connect(b, &NotificationBackend::closed, this, [this](quint64 key) { m_shown.remove(key); });
}

NotificationBackend *DesktopNotifier::backend() const
{
    for (NotificationBackend *b : m_backends)
        if (b->isAvailable())
            return b;
    return nullptr;
}

void DesktopNotifier::notify(const Notification &n)
{
    NotificationBackend *b = backend();
    if (!b) {
        qCDebug(lcUi) << "nowhere to show notifications: notification for" << n.account.toString() << "not shown";
        return;
    }
    quint64 summaryKey = 0;
    QList<quint64> singles;
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it) {
        if (it->notice || it->account != n.account || it->backend != b)
            continue;
        if (it->summary)
            summaryKey = it.key();
        else
            singles << it.key();
    }
    const int adds = n.isSummary ? n.count : 1;
    if (summaryKey != 0) { // one summary per account, updated in place
        Shown &s = m_shown[summaryKey];
        s.count += adds;
        s.urgency = qMax(s.urgency, n.urgency);
        show(summaryKey);
        return;
    }
    Shown s;
    s.account = n.account;
    s.backend = b;
    s.urgency = n.urgency;
    if (n.isSummary || singles.size() >= m_maxOpen) {
        s.summary = true;
        s.count = adds;
        for (quint64 key : singles) { // the singles on screen fold into the summary
            s.count += 1;
            s.urgency = qMax(s.urgency, m_shown.value(key).urgency);
            forget(key, true);
        }
    } else {
        s.messageId = n.messageId;
        s.clickUrl = n.clickUrl;
        s.title = n.title;
        s.body = n.body;
    }
    const quint64 key = m_nextKey++;
    m_shown.insert(key, s);
    show(key);
}

void DesktopNotifier::notifyNotice(const QString &title, const QString &body, NotificationUrgency urgency)
{
    NotificationBackend *b = backend();
    if (!b) {
        qCDebug(lcUi) << "nowhere to show notifications: notice" << title << "not shown";
        return;
    }
    Shown s;
    s.backend = b;
    s.notice = true;
    s.title = title;
    s.body = body;
    s.urgency = urgency;
    const quint64 key = m_nextKey++;
    m_shown.insert(key, s);
    show(key);
}

void DesktopNotifier::show(quint64 key)
{
    const Shown &s = m_shown[key];
    s.backend->show(key, build(s));
}

DesktopNotification DesktopNotifier::build(const Shown &s) const
{
    DesktopNotification d;
    d.urgency = s.urgency;
    if (s.summary) {
        const Notification text = NotificationPolicy::summary(s.account, s.count, s.urgency);
        d.summary = text.title;
        d.body = text.body;
    } else {
        d.summary = s.title;
        d.body = s.body;
    }
    d.actions << qMakePair(kDefault, tr("Open"));
    if (s.notice)
        return d;
    if (!s.clickUrl.isEmpty())
        d.actions << qMakePair(kOpenLink, tr("Open link"));
    d.actions << qMakePair(kMarkRead, tr("Mark read"));
    return d;
}

void DesktopNotifier::forget(quint64 key, bool withdraw)
{
    const Shown s = m_shown.take(key);
    if (withdraw && s.backend)
        s.backend->withdraw(key);
}

void DesktopNotifier::onAction(quint64 key, const QString &action)
{
    const auto it = m_shown.constFind(key);
    if (it == m_shown.constEnd())
        return;
    const Shown s = *it;
    if (action == kDefault && s.notice) {
        if (m_actions.showWindow)
            m_actions.showWindow();
    } else if (action == kDefault) {
        if (m_actions.openMessage)
            m_actions.openMessage(s.account, s.messageId);
    } else if (action == kOpenLink) {
        const QUrl url(s.clickUrl);
        if (m_actions.openUrl)
            m_actions.openUrl(url);
        else
            QDesktopServices::openUrl(url);
    } else if (action == kMarkRead) {
        if (m_actions.markRead)
            m_actions.markRead(s.account, s.messageId);
    } else {
        return;
    }
    forget(key, true); // acted upon: done (most servers close it themselves)
}

void DesktopNotifier::messageRead(const AccountAddress &account, const QString &messageId)
{
    QList<quint64> keys;
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
        if (!it->summary && !it->notice && it->account == account && it->messageId == messageId)
            keys << it.key();
    for (quint64 key : keys)
        forget(key, true);
}

void DesktopNotifier::unreadChanged(const QHash<AccountAddress, int> &unreadByAccount)
{
    QList<quint64> keys;
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
        if (!it->notice && unreadByAccount.value(it->account) == 0)
            keys << it.key();
    for (quint64 key : keys)
        forget(key, true);
}

int DesktopNotifier::openCount(const AccountAddress &account) const
{
    int n = 0;
    for (const Shown &s : m_shown)
        n += s.account == account ? 1 : 0;
    return n;
}

int DesktopNotifier::summaryCount(const AccountAddress &account) const
{
    for (const Shown &s : m_shown)
        if (s.summary && s.account == account)
            return s.count;
    return 0;
}

} // namespace ct::ui
