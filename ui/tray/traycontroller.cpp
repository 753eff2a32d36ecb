#include "traycontroller.h"

#include "accounts/accountregistry.h"
#include "common/statelabels.h"
#include "logging/logging.h"
#include "trayiconengine.h"
#include "traymenu.h"
#include "traystatusitem.h"

#include <QMenu>

namespace ct::ui {

TrayController::TrayController(const AccountRegistry *registry, AutostartFile *autostart, MessageBox *messageBox,
                               TrayActions actions, QObject *parent)
    : QObject(parent), m_registry(registry), m_actions(std::move(actions)), m_tray(new QSystemTrayIcon(this)),
      m_menu(new TrayMenu(registry, autostart, messageBox, m_actions, this))
{
    m_tray->setContextMenu(m_menu->menu());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if ((r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick) && m_actions.showMainWindow)
            m_actions.showMainWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::notificationClicked);

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintDelayMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TrayController::repaint);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_registry, signal, this, &TrayController::scheduleRepaint);
    connect(m_registry, &QAbstractItemModel::modelReset, this, &TrayController::scheduleRepaint);
    connect(m_registry, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                // Latency and error texts are not shown by the tray.
                if (roles.isEmpty() || roles.contains(AccountRegistry::StateRole)
                    || roles.contains(AccountRegistry::UnreadRole)
                    || roles.contains(AccountRegistry::NextRetryAtRole))
                    scheduleRepaint();
            });
    repaint();
}

TrayController::~TrayController() = default;

QMenu *TrayController::menu() const
{
    return m_menu->menu();
}

int TrayController::menuBuildCount() const
{
    return m_menu->buildCount();
}

void TrayController::show()
{
    if (!m_statusItem && TrayStatusItem::hostAvailable()) {
        m_statusItem = new TrayStatusItem(m_menu->menu(), m_actions.showMainWindow, this);
        m_statusItem->show(m_health, m_unread, m_toolTip, m_critical > 0);
        if (m_statusItem->registerItem())
            return;
        delete m_statusItem;
        m_statusItem = nullptr;
    }
    m_tray->show();
}

void TrayController::rebuildMenu()
{
    m_menu->rebuild();
}

TrayHealth TrayController::health()
{
    repaintNow();
    return m_health;
}

int TrayController::unreadTotal()
{
    repaintNow();
    return m_unread;
}

void TrayController::setCriticalUnreadSource(std::function<int()> source)
{
    m_criticalSource = std::move(source);
    criticalUnreadChanged();
}

void TrayController::criticalUnreadChanged()
{
    m_criticalStale = true;
    scheduleRepaint();
}

int TrayController::criticalUnread()
{
    repaintNow();
    return m_critical;
}

bool TrayController::needsAttention()
{
    repaintNow();
    return m_health == TrayHealth::Failing || m_critical > 0;
}

void TrayController::showStorageTrouble(const QString &error, int held)
{
    // Each failed retry says again how many messages are held (the repaint sets only what changed).
    m_storageError = error;
    m_held = error.isEmpty() ? 0 : held;
    scheduleRepaint();
}

void TrayController::showHistoryMovedAside(const QString &movedTo)
{
    m_movedAside = movedTo;
    scheduleRepaint();
}

void TrayController::showHistoryReplaced(const QString &path, bool deleted)
{
    m_replaced = deleted ? tr("The message history %1 was deleted; a new one holds the messages from then on")
                               .arg(path)
                         : tr("The message history %1 was replaced; the file in its place holds the messages from "
                              "then on")
                               .arg(path);
    scheduleRepaint();
}

void TrayController::scheduleRepaint()
{
    if (!m_repaintTimer.isActive())
        m_repaintTimer.start();
}

void TrayController::repaintNow()
{
    if (m_repaintTimer.isActive()) {
        m_repaintTimer.stop();
        repaint();
    }
}

void TrayController::repaint()
{
    ++m_repaints;
    // A history that takes no writes is a failure of the app, red like a failed account.
    const TrayHealth health = m_storageError.isEmpty() ? trayHealthFrom(m_registry->stateCounts())
                                                       : TrayHealth::Failing;
    const int unread = m_registry->unreadTotal();
    int critical = m_critical;
    if (m_criticalStale) {
        m_criticalStale = false;
        critical = m_criticalSource ? m_criticalSource() : 0;
    }
    if (!m_iconSet || health != m_health || unread != m_unread || (critical > 0) != (m_critical > 0)) {
        m_health = health;
        m_unread = unread;
        m_iconSet = true;
        auto *engine = new TrayIconEngine(m_health, m_unread);
        engine->setUrgent(critical > 0);
        m_tray->setIcon(QIcon(engine));
    }
    m_critical = critical;
    const QString tip = toolTipText();
    if (tip != m_toolTip) {
        m_toolTip = tip;
        m_tray->setToolTip(tip);
    }
    if (m_statusItem)
        m_statusItem->show(m_health, m_unread, m_toolTip, m_critical > 0);
    qCDebug(lcUi) << "tray: repainted," << m_registry->stateCount(AccountState::Connected) << "of"
                  << m_registry->rowCount() << "connected";
}

QString TrayController::toolTipText() const
{
    QStringList lines{tr("ChannelTray")};
    if (m_registry->rowCount() == 0)
        lines << tr("No accounts configured");
    QStringList parts;
    for (AccountState s :
         {AccountState::Connected, AccountState::Connecting, AccountState::Backoff, AccountState::Refreshing,
          AccountState::NeedsLogin, AccountState::Failed, AccountState::Offline, AccountState::Disabled}) {
        if (const int n = m_registry->stateCount(s); n > 0)
            parts << tr("%1 %2").arg(n).arg(StateLabels::label(s));
    }
    if (!parts.isEmpty())
        lines << parts.join(QStringLiteral(", "));
    if (const QDateTime next = m_registry->earliestRetry(); next.isValid())
        lines << tr("Next retry: %1").arg(next.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (const int unread = m_registry->unreadTotal(); unread > 0)
        lines << tr("%n unread message(s)", nullptr, unread);
    if (!m_storageError.isEmpty() && m_held > 0)
        lines << tr("Messages cannot be stored in the history (%1); %n kept in memory until it works again",
                    nullptr, m_held)
                     .arg(m_storageError);
    else if (!m_storageError.isEmpty()) // stored, but the history falls behind (a failing checkpoint)
        lines << tr("The message history has a problem: %1").arg(m_storageError);
    if (!m_movedAside.isEmpty())
        lines << tr("The message history could not be read; it was kept at %1 and a new one was started")
                     .arg(m_movedAside);
    if (!m_replaced.isEmpty())
        lines << m_replaced;
    return lines.join(QLatin1Char('\n'));
}

void TrayController::notify(const QString &title, const QString &body)
{
    m_lastTitle = title;
    m_tray->showMessage(title, body, m_tray->icon(), 8000);
}

} // namespace ct::ui
