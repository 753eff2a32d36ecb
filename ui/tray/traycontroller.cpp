#include "traycontroller.h"

#include "accounts/accountregistry.h"
#include "common/autostartfile.h"
#include "common/messagebox.h"
#include "common/statelabels.h"
#include "trayiconengine.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>

namespace ct::ui {

TrayController::TrayController(AccountRegistry *registry, AutostartFile *autostart,
                               MessageBox *messageBox, TrayActions actions, QObject *parent)
    : QObject(parent), m_registry(registry), m_autostart(autostart), m_messageBox(messageBox),
      m_actions(std::move(actions)), m_tray(new QSystemTrayIcon(this)), m_menu(new QMenu)
{
    m_tray->setContextMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::rebuildMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if ((r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick) && m_actions.showMainWindow)
            m_actions.showMainWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::notificationClicked);

    const auto structural = [this] {
        refresh();
        rebuildMenu();
    };
    connect(m_registry, &QAbstractItemModel::rowsInserted, this, structural);
    connect(m_registry, &QAbstractItemModel::rowsRemoved, this, structural);
    connect(m_registry, &QAbstractItemModel::modelReset, this, structural);
    connect(m_registry, &QAbstractItemModel::dataChanged, this, [this] {
        refresh();
        if (!m_menu->isVisible())
            rebuildMenu();
    });
    refresh();
    rebuildMenu();
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::show()
{
    m_tray->show();
}

void TrayController::refresh()
{
    m_health = trayHealthFrom(m_registry->stateCounts());
    int unread = 0;
    for (int row = 0; row < m_registry->rowCount(); ++row)
        unread += m_registry->index(row).data(AccountRegistry::UnreadRole).toInt();
    m_unread = unread;
    m_tray->setIcon(QIcon(new TrayIconEngine(m_health, m_unread)));
    m_tray->setToolTip(toolTipText());
}

QString TrayController::toolTipText() const
{
    QStringList lines{tr("ChannelTray")};
    const QHash<AccountState, int> counts = m_registry->stateCounts();
    if (counts.isEmpty())
        lines << tr("No accounts configured");
    QStringList parts;
    for (AccountState s : {AccountState::Connected, AccountState::Connecting, AccountState::Backoff,
                           AccountState::Refreshing, AccountState::NeedsLogin, AccountState::Failed,
                           AccountState::Disabled}) {
        if (counts.value(s) > 0)
            parts << tr("%1 %2").arg(counts.value(s)).arg(StateLabels::label(s));
    }
    if (!parts.isEmpty())
        lines << parts.join(QStringLiteral(", "));
    QDateTime next;
    for (int row = 0; row < m_registry->rowCount(); ++row) {
        const QModelIndex idx = m_registry->index(row);
        if (idx.data(AccountRegistry::StateRole).value<AccountState>() != AccountState::Backoff)
            continue;
        const QDateTime at = idx.data(AccountRegistry::NextRetryAtRole).toDateTime();
        if (at.isValid() && (!next.isValid() || at < next))
            next = at;
    }
    if (next.isValid())
        lines << tr("Next retry: %1").arg(next.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (m_unread > 0)
        lines << tr("%n unread message(s)", nullptr, m_unread);
    return lines.join(QLatin1Char('\n'));
}

void TrayController::rebuildMenu()
{
    m_menu->clear();
    if (m_registry->rowCount() == 0) {
        m_menu->addAction(tr("No accounts yet"))->setEnabled(false);
    }
    for (int row = 0; row < m_registry->rowCount(); ++row)
        addAccountMenu(row);
    m_menu->addSeparator();

    const auto add = [this](const QString &text, const std::function<void()> &fn) {
        QAction *a = m_menu->addAction(text);
        a->setEnabled(bool(fn));
        if (fn)
            connect(a, &QAction::triggered, this, [fn] { fn(); });
        return a;
    };
    add(tr("&Messages…"), m_actions.showMessages);
    add(tr("&Accounts…"), m_actions.showAccounts);
    QAction *send = m_menu->addAction(tr("&Send test message…"));
    send->setEnabled(bool(m_actions.sendTestMessage));
    connect(send, &QAction::triggered, this, [this] {
        if (m_actions.sendTestMessage)
            m_actions.sendTestMessage(AccountAddress{});
    });
    add(tr("&Gotify administration…"), m_actions.showGotifyAdmin);
    add(tr("&Diagnostics…"), m_actions.showDiagnostics);
    add(tr("A&bout ChannelTray…"), m_actions.showAbout);
    m_menu->addSeparator();
    if (m_actions.extendMenu)
        m_actions.extendMenu(m_menu);
    QAction *autostart = m_menu->addAction(tr("Start at &login"));
    autostart->setCheckable(true);
    autostart->setEnabled(m_autostart != nullptr);
    autostart->setChecked(m_autostart && m_autostart->isEnabled());
    connect(autostart, &QAction::toggled, this, &TrayController::toggleAutostart);
    m_menu->addSeparator();
    add(tr("&Quit"), m_actions.quit);
}

void TrayController::addAccountMenu(int row)
{
    const QModelIndex idx = m_registry->index(row);
    const AccountAddress address = AccountAddress::parse(idx.data(AccountRegistry::AddressRole).toString());
    const auto state = idx.data(AccountRegistry::StateRole).value<AccountState>();
    const bool enabled = idx.data(AccountRegistry::EnabledRole).toBool();
    QString title = tr("%1 — %2").arg(address.toString(), StateLabels::label(state));
    const int unread = idx.data(AccountRegistry::UnreadRole).toInt();
    if (unread > 0)
        title += tr(" (%n unread)", nullptr, unread);
    QMenu *sub = m_menu->addMenu(title);
    sub->setIcon(QIcon(new TrayIconEngine(state == AccountState::Connected ? TrayHealth::AllConnected
                                          : state == AccountState::Disabled ? TrayHealth::AllDisabled
                                          : (state == AccountState::Failed || state == AccountState::NeedsLogin)
                                              ? TrayHealth::Failing
                                              : TrayHealth::Reconnecting)));
    sub->menuAction()->setObjectName(QStringLiteral("account:") + address.toString());

    QAction *reconnect = sub->addAction(tr("&Reconnect now"));
    reconnect->setEnabled(enabled && m_registry->connection(address) != nullptr);
    connect(reconnect, &QAction::triggered, this, [this, address] {
        if (AccountConnection *c = m_registry->connection(address))
            c->reconnectNow();
    });
    QAction *toggle = sub->addAction(enabled ? tr("&Disable") : tr("&Enable"));
    toggle->setEnabled(bool(m_actions.setAccountEnabled));
    connect(toggle, &QAction::triggered, this, [this, address, enabled] {
        if (m_actions.setAccountEnabled)
            m_actions.setAccountEnabled(address, !enabled);
    });
    QAction *send = sub->addAction(tr("&Send test message…"));
    send->setEnabled(bool(m_actions.sendTestMessage));
    connect(send, &QAction::triggered, this, [this, address] {
        if (m_actions.sendTestMessage)
            m_actions.sendTestMessage(address);
    });
    QAction *copy = sub->addAction(tr("&Copy session key"));
    copy->setEnabled(bool(m_actions.sessionKeyFor));
    connect(copy, &QAction::triggered, this, [this, address] {
        if (m_actions.sessionKeyFor)
            QApplication::clipboard()->setText(m_actions.sessionKeyFor(address));
    });
    if (m_actions.extendAccountMenu)
        m_actions.extendAccountMenu(sub, address);
}

void TrayController::toggleAutostart(bool on)
{
    if (!m_autostart)
        return;
    QString error;
    if (!m_autostart->setEnabled(on, &error) && m_messageBox)
        m_messageBox->warning(nullptr, tr("Start at login"), error);
}

void TrayController::notify(const QString &title, const QString &body)
{
    m_lastTitle = title;
    m_tray->showMessage(title, body, m_tray->icon(), 8000);
}

} // namespace ct::ui
