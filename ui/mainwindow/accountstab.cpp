#include "accountstab.h"

#include "accounts/accountregistry.h"
#include "accounttablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ct::ui {

AccountsTab::AccountsTab(const AccountRegistry *registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_model(new AccountTableModel(registry, this)),
      m_filtered(new QSortFilterProxyModel(this)), m_search(new QLineEdit), m_view(new QTableView),
      m_add(new QPushButton(tr("&Add…"))), m_edit(new QPushButton(tr("&Edit…"))),
      m_remove(new QPushButton(tr("&Remove…"))), m_reconnect(new QPushButton(tr("Reconnect &now"))),
      m_send(new QPushButton(tr("Send &test message…"))), m_contacts(new QPushButton(tr("&Contacts…")))
{
    m_contacts->setToolTip(tr("Friends and pending friend applications of the selected OpenIM account"));
    // With hundreds of accounts: a search over every column and sorting by any of them.
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterKeyColumn(-1);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search accounts (address, state, detail)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search accounts"));
    connect(m_search, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    m_view->setModel(m_filtered);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the registry's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Accounts"));
    m_view->setColumnWidth(AccountTableModel::AccountColumn, 180);
    m_view->setColumnWidth(AccountTableModel::StateColumn, 150);
    m_view->setColumnWidth(AccountTableModel::DetailColumn, 200);
    m_view->setColumnWidth(AccountTableModel::TokenExpiryColumn, 170);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_reconnect, m_send, m_contacts})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &AccountsTab::addRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(selectedAccount()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { Q_EMIT removeRequested(selectedAccount()); });
    connect(m_send, &QPushButton::clicked, this, [this] { Q_EMIT sendRequested(selectedAccount()); });
    connect(m_contacts, &QPushButton::clicked, this, [this] { Q_EMIT contactsRequested(selectedAccount()); });
    connect(m_reconnect, &QPushButton::clicked, this, [this] { Q_EMIT reconnectRequested(selectedAccount()); });
    connect(m_view, &QTableView::activated, this, [this] { Q_EMIT messagesRequested(selectedAccount()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsTab::updateButtons);
    connect(m_filtered, &QAbstractItemModel::rowsRemoved, this, &AccountsTab::updateButtons);
    updateButtons();
}

void AccountsTab::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

AccountAddress AccountsTab::selectedAccount() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return AccountAddress::parse(rows.first().data(AccountRegistry::AddressRole).toString());
}

void AccountsTab::updateButtons()
{
    const bool any = selectedAccount().isValid();
    for (QPushButton *b : {m_edit, m_remove, m_reconnect, m_send})
        b->setEnabled(any);
    m_contacts->setEnabled(any && selectedAccount().channel == kOpenImChannel);
}

} // namespace ct::ui
