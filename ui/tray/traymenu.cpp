#include "traymenu.h"

#include "accounts/accountregistry.h"
#include "common/messagebox.h"
#include "common/statelabels.h"
#include "process/autostartfile.h"
#include "trayiconengine.h"

#include <QApplication>
#include <QClipboard>
#include <QMap>
#include <QMenu>

#include <algorithm>

namespace ct::ui {

namespace {

bool needsAttention(AccountState s)
{
    return s == AccountState::Failed || s == AccountState::NeedsLogin;
}

TrayHealth healthOf(AccountState s)
{
    if (s == AccountState::Connected)
        return TrayHealth::AllConnected;
    if (s == AccountState::Disabled)
        return TrayHealth::AllDisabled;
    return needsAttention(s) ? TrayHealth::Failing : TrayHealth::Reconnecting;
}

QString channelLabel(const QString &channel)
{
    return channel == kGotifyChannel ? QStringLiteral("Gotify") : QStringLiteral("OpenIM");
}

// QMenu::clear() deletes the actions but leaves the submenus made by addMenu() alive (they are
// the menu's children): delete those too, or every rebuild leaks one QMenu per account.
void clearMenu(QMenu *menu)
{
    menu->clear();
    qDeleteAll(menu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
}

} // namespace

// The icons of the account submenus: one per state, shared by every menu entry.
QIcon TrayMenu::stateIcon(AccountState s)
{
    auto it = m_icons.find(int(s));
    if (it == m_icons.end())
        it = m_icons.insert(int(s), QIcon(new TrayIconEngine(healthOf(s))));
    return *it;
}

TrayMenu::TrayMenu(const AccountRegistry *registry, AutostartFile *autostart, MessageBox *messageBox,
                   TrayActions actions, QObject *parent)
    : QObject(parent), m_registry(registry), m_autostart(autostart), m_messageBox(messageBox),
      m_actions(std::move(actions)), m_menu(new QMenu)
{
    connect(m_menu, &QMenu::aboutToShow, this, &TrayMenu::rebuild);
}

TrayMenu::~TrayMenu()
{
    delete m_menu; // and with it every submenu
}

void TrayMenu::rebuild()
{
    ++m_builds;
    clearMenu(m_menu);

    const int rows = m_registry->rowCount();
    if (rows == 0)
        m_menu->addAction(tr("No accounts yet"))->setEnabled(false);
    else if (rows <= kFlatLimit)
        for (int row = 0; row < rows; ++row)
            addAccountMenu(m_menu, row);
    else
        addGroups();
    m_menu->addSeparator();
    addWindowActions();
}

void TrayMenu::addGroups()
{
    // Attention first: the accounts that will not come back by themselves.
    const int attention = m_registry->stateCount(AccountState::Failed)
                          + m_registry->stateCount(AccountState::NeedsLogin);
    if (attention > 0) {
        m_menu->addSection(tr("Need attention: %1").arg(attention));
        int shown = 0;
        for (int row = 0; row < m_registry->rowCount() && shown < kAttentionLimit; ++row) {
            if (!needsAttention(m_registry->index(row).data(AccountRegistry::StateRole).value<AccountState>()))
                continue;
            addAccountMenu(m_menu, row);
            ++shown;
        }
        if (attention > shown) {
            QAction *more = m_menu->addAction(tr("%1 more…").arg(attention - shown));
            more->setEnabled(bool(m_actions.findAccount));
            connect(more, &QAction::triggered, this, [this] { m_actions.findAccount(); });
        }
        m_menu->addSeparator();
    }
    // One submenu per channel and server, with its counts; filled when opened.
    struct Group
    {
        int total = 0, connected = 0, attention = 0;
    };
    QMap<QPair<QString, QString>, Group> groups;
    for (int row = 0; row < m_registry->rowCount(); ++row) {
        const QModelIndex idx = m_registry->index(row);
        Group &g = groups[{idx.data(AccountRegistry::ChannelRole).toString(),
                           idx.data(AccountRegistry::ServerRole).toString()}];
        const auto state = idx.data(AccountRegistry::StateRole).value<AccountState>();
        ++g.total;
        g.connected += state == AccountState::Connected ? 1 : 0;
        g.attention += needsAttention(state) ? 1 : 0;
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const QString &channel = it.key().first;
        const QString &server = it.key().second;
        QString title = tr("%1 — %2: %3 of %4 connected")
                            .arg(channelLabel(channel), server.isEmpty() ? tr("(no server)") : server)
                            .arg(it->connected)
                            .arg(it->total);
        if (it->attention > 0)
            title += tr(", %1 need attention").arg(it->attention);
        QMenu *sub = m_menu->addMenu(title);
        sub->menuAction()->setObjectName(QStringLiteral("group:%1/%2").arg(channel, server));
        sub->setIcon(stateIcon(it->attention                ? AccountState::Failed
                               : it->connected == it->total ? AccountState::Connected
                                                            : AccountState::Connecting));
        connect(sub, &QMenu::aboutToShow, this, [this, sub, channel, server] { fillGroup(sub, channel, server); });
    }
    QAction *find = m_menu->addAction(tr("&Find account…"));
    find->setEnabled(bool(m_actions.findAccount));
    connect(find, &QAction::triggered, this, [this] {
        if (m_actions.findAccount)
            m_actions.findAccount();
    });
}

void TrayMenu::fillGroup(QMenu *menu, const QString &channel, const QString &server)
{
    clearMenu(menu);
    // Rows of this group, the ones needing attention first, then by id (the registry's order).
    QList<int> rows;
    for (int row = 0; row < m_registry->rowCount(); ++row) {
        const QModelIndex idx = m_registry->index(row);
        if (idx.data(AccountRegistry::ChannelRole).toString() == channel
            && idx.data(AccountRegistry::ServerRole).toString() == server)
            rows << row;
    }
    std::stable_partition(rows.begin(), rows.end(), [this](int row) {
        return needsAttention(m_registry->index(row).data(AccountRegistry::StateRole).value<AccountState>());
    });
    if (rows.size() <= kPageSize) {
        for (int row : std::as_const(rows))
            addAccountMenu(menu, row);
        return;
    }
    for (qsizetype from = 0; from < rows.size(); from += kPageSize) {
        const QList<int> page = rows.mid(from, kPageSize);
        const auto id = [this](int row) {
            return m_registry->index(row).data(AccountRegistry::AccountIdRole).toString();
        };
        QMenu *pageMenu = menu->addMenu(tr("%1 … %2").arg(id(page.first()), id(page.last())));
        connect(pageMenu, &QMenu::aboutToShow, this, [this, pageMenu, page] {
            clearMenu(pageMenu);
            for (int row : page)
                if (row < m_registry->rowCount())
                    addAccountMenu(pageMenu, row);
        });
    }
}

void TrayMenu::addAccountMenu(QMenu *parent, int row)
{
    const QModelIndex idx = m_registry->index(row);
    const AccountAddress address = AccountAddress::parse(idx.data(AccountRegistry::AddressRole).toString());
    const auto state = idx.data(AccountRegistry::StateRole).value<AccountState>();
    const bool enabled = idx.data(AccountRegistry::EnabledRole).toBool();
    QString title = tr("%1 — %2").arg(address.toString(), StateLabels::label(state));
    const int unread = idx.data(AccountRegistry::UnreadRole).toInt();
    if (unread > 0)
        title += tr(" (%n unread)", nullptr, unread);
    QMenu *sub = parent->addMenu(title);
    sub->setIcon(stateIcon(state));
    sub->menuAction()->setObjectName(QStringLiteral("account:") + address.toString());

    QAction *reconnect = sub->addAction(tr("&Reconnect now"));
    reconnect->setEnabled(enabled && m_registry->connection(address) != nullptr && bool(m_actions.reconnect));
    connect(reconnect, &QAction::triggered, this, [this, address] {
        if (m_actions.reconnect)
            m_actions.reconnect(address);
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

void TrayMenu::addWindowActions()
{
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
    connect(autostart, &QAction::toggled, this, &TrayMenu::toggleAutostart);
    m_menu->addSeparator();
    add(tr("&Quit"), m_actions.quit);
}

void TrayMenu::toggleAutostart(bool on)
{
    if (!m_autostart)
        return;
    QString error;
    if (!m_autostart->setEnabled(on, &error) && m_messageBox)
        m_messageBox->warning(nullptr, tr("Start at login"), error);
}

} // namespace ct::ui
