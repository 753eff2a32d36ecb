#pragma once
// The Accounts tab: the table of every account and the actions on the selected one.
#include "config/accountaddress.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class AccountTableModel;

class AccountsTab : public QWidget
{
    Q_OBJECT
public:
    explicit AccountsTab(const AccountRegistry *registry, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    AccountTableModel *model() const { return m_model; }
    AccountAddress selectedAccount() const;
    QPushButton *contactsButton() const { return m_contacts; }
    QLineEdit *searchField() const { return m_search; }
    // Focuses the search field, its text selected (the tray's "Find account…").
    void focusSearch();

Q_SIGNALS:
    void addRequested();
    void editRequested(const ct::AccountAddress &address);
    void removeRequested(const ct::AccountAddress &address);
    void sendRequested(const ct::AccountAddress &address);
    void messagesRequested(const ct::AccountAddress &address);
    void contactsRequested(const ct::AccountAddress &address);
    void reconnectRequested(const ct::AccountAddress &address);

private:
    void updateButtons();

    const AccountRegistry *m_registry;
    AccountTableModel *m_model;
    QSortFilterProxyModel *m_filtered; // by the search text, over every column; sortable
    QLineEdit *m_search;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_reconnect;
    QPushButton *m_send;
    QPushButton *m_contacts;
};

} // namespace ct::ui
