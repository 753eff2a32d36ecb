#pragma once
// Where desktop notifications go: the freedesktop notification service over D-Bus, or the tray
// icon's balloon where no such service exists. DesktopNotifier decides what to show; a backend
// only shows, replaces and withdraws, and reports what the user did.
#include "config/notificationsettings.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

namespace ct::ui {

struct DesktopNotification
{
    QString summary;
    QString body; // plain text; a backend escapes it when its server reads markup
    NotificationUrgency urgency = NotificationUrgency::Normal;
    QList<QPair<QString, QString>> actions; // (key, label); "default" is the click on the pop-up
};

class NotificationBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether notifications can be shown now.
    virtual bool isAvailable() const = 0;
    // Shows notification `key` (the caller's number), or replaces it in place when it is shown.
    virtual void show(quint64 key, const DesktopNotification &notification) = 0;
    // Takes it off the screen (no-op when the backend cannot).
    virtual void withdraw(quint64 key) = 0;

Q_SIGNALS:
    void actionInvoked(quint64 key, const QString &action);
    // Gone by itself (expired, dismissed, acted upon); not emitted after withdraw().
    void closed(quint64 key);
};

} // namespace ct::ui
