#include "notificationmenus.h"

#include "config/notificationsettingsedit.h"
#include "inbound/notificationrules.h"

#include <QMenu>

namespace ct::ui {

NotificationMenus::NotificationMenus(SettingsGetter settings, ConfigEdit edit, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_edit(std::move(edit))
{
}

QDateTime NotificationMenus::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool NotificationMenus::editRule(const QString &target, const std::function<void(MuteRule &)> &change)
{
    MuteRule rule = m_settings().mute.value(target);
    change(rule);
    return m_edit([&](QJsonObject &root, QString *error) { return setMuteRule(root, target, rule, error); });
}

bool NotificationMenus::setMuted(const QString &target, bool muted)
{
    return editRule(target, [muted](MuteRule &r) { r.muted = muted; });
}

bool NotificationMenus::snooze(const QString &target, int seconds)
{
    const QDateTime until = seconds > 0 ? now().addSecs(seconds) : QDateTime();
    return editRule(target, [until](MuteRule &r) { r.snoozeUntil = until; });
}

bool NotificationMenus::setQuietHoursOn(bool on)
{
    QuietHours q = m_settings().quietHours;
    q.enabled = on;
    return m_edit([&](QJsonObject &root, QString *error) {
        return setQuietHours(root, on ? std::optional<QuietHours>(q) : std::nullopt, error);
    });
}

void NotificationMenus::addTargetEntries(QMenu *menu, const QString &target, const QString &label)
{
    const MuteRule rule = m_settings().mute.value(target);
    QAction *mute = menu->addAction(tr("Mute notifications from %1").arg(label));
    mute->setObjectName(QStringLiteral("mute:") + target);
    mute->setCheckable(true);
    mute->setChecked(rule.muted);
    // Queued: saving the config rebuilds the menus, and with them this action.
    connect(
        mute, &QAction::toggled, this, [this, target](bool on) { setMuted(target, on); }, Qt::QueuedConnection);
    const bool snoozed = rule.snoozeUntil.isValid() && now() < rule.snoozeUntil;
    QAction *snoozeAction = snoozed ? menu->addAction(
                                tr("Stop snoozing %1 (until %2)")
                                    .arg(label, rule.snoozeUntil.toLocalTime().toString(QStringLiteral("HH:mm"))))
                                    : menu->addAction(tr("Snooze %1 for 1 hour").arg(label));
    snoozeAction->setObjectName(QStringLiteral("snooze:") + target);
    connect(
        snoozeAction, &QAction::triggered, this,
        [this, target, snoozed] { snooze(target, snoozed ? 0 : kSnoozeSeconds); }, Qt::QueuedConnection);
}

void NotificationMenus::addQuietHoursEntry(QMenu *menu)
{
    const QuietHours q = m_settings().quietHours;
    const QString format = QStringLiteral("HH:mm");
    QAction *a = menu->addAction(tr("Quiet hours (%1–%2, priority %3 and above still shown)")
                                     .arg(q.start.toString(format), q.end.toString(format))
                                     .arg(q.minPriority));
    a->setObjectName(QStringLiteral("quietHours"));
    a->setCheckable(true);
    a->setChecked(q.enabled);
    connect(a, &QAction::toggled, this, &NotificationMenus::setQuietHoursOn, Qt::QueuedConnection);
}

void NotificationMenus::addMessageEntries(QMenu *menu, const InboundMessage &m)
{
    const QStringList targets = muteTargetsOf(m);
    addTargetEntries(menu, targets.first(), m.account.toString());
    if (targets.size() < 2)
        return;
    menu->addSeparator();
    const QString label = m.account.channel == kGotifyChannel
                              ? tr("application %1").arg(m.senderName.isEmpty() ? m.sender : m.senderName)
                              : tr("conversation %1").arg(m.groupId.isEmpty() ? m.peer : m.groupId);
    addTargetEntries(menu, targets.at(1), label);
}

} // namespace ct::ui
