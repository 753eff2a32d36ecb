#pragma once
// The menu entries for mutes, snoozes and quiet hours (channeltray.notifications): in each
// account's tray submenu, in the tray menu (quiet hours), and in the Messages tab's context menu
// (the message's account and its Gotify application or OpenIM conversation). Each change is an
// edit of the raw config saved through the application's config writer, so the tray, the CLI
// and the file agree.
#include "config/notificationsettings.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

class QMenu;

namespace ct {
struct InboundMessage;
}

namespace ct::ui {

class NotificationMenus : public QObject
{
    Q_OBJECT
public:
    using SettingsGetter = std::function<NotificationSettings()>;
    // Applies an edit of the raw config and saves it; false when it could not.
    using ConfigEdit = std::function<bool(const std::function<bool(QJsonObject &, QString *)> &)>;
    static constexpr int kSnoozeSeconds = 3600;

    NotificationMenus(SettingsGetter settings, ConfigEdit edit, QObject *parent = nullptr);
    // The time snoozes start from and are judged at; default QDateTime::currentDateTimeUtc.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // "Mute notifications from <label>" (checkable) and "Snooze … for 1 hour" / "Stop snoozing".
    void addTargetEntries(QMenu *menu, const QString &target, const QString &label);
    // "Quiet hours (22:00–07:00)", checkable.
    void addQuietHoursEntry(QMenu *menu);
    // The message's account, then its Gotify application or OpenIM conversation.
    void addMessageEntries(QMenu *menu, const InboundMessage &message);

    bool setMuted(const QString &target, bool muted);
    bool snooze(const QString &target, int seconds); // 0 stops snoozing
    bool setQuietHoursOn(bool on);

private:
    bool editRule(const QString &target, const std::function<void(MuteRule &)> &change);
    QDateTime now() const;

    SettingsGetter m_settings;
    ConfigEdit m_edit;
    std::function<QDateTime()> m_clock;
};

} // namespace ct::ui
