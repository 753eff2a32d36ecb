#include "trayhostwatcher.h"

#include "traystatusitem.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QSystemTrayIcon>
#include <QTimer>

namespace ct::ui {

TrayHostWatcher::TrayHostWatcher(QObject *parent)
    : QObject(parent), m_watcher(new QDBusServiceWatcher(QStringLiteral("org.kde.StatusNotifierWatcher"),
                                                         QDBusConnection::sessionBus(),
                                                         QDBusServiceWatcher::WatchForRegistration, this)),
      m_poll(new QTimer(this))
{
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &TrayHostWatcher::check);
    // The watcher's host registers a moment after the name: look again shortly.
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        check();
        QTimer::singleShot(500, this, &TrayHostWatcher::check);
    });
}

void TrayHostWatcher::setPollIntervalMs(int ms)
{
    m_poll->setInterval(qMax(50, ms));
}

void TrayHostWatcher::start()
{
    m_poll->start();
    check();
}

void TrayHostWatcher::check()
{
    if (m_done || !(TrayStatusItem::hostAvailable() || QSystemTrayIcon::isSystemTrayAvailable()))
        return;
    m_done = true;
    m_poll->stop();
    Q_EMIT hostAppeared();
}

} // namespace ct::ui
