#pragma once
// An OpenIM account's friends and pending friend applications, read-only. When the account's
// friend guard (disableFriendSdk) is on, the guard's message is shown instead.
#include "contactsresult.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace ct::ui {

class ContactsDialog : public QDialog
{
    Q_OBJECT
public:
    ContactsDialog(const AccountAddress &account, ContactsLoader loader, QWidget *parent = nullptr);

    void reload();
    AccountAddress account() const { return m_account; }
    QLabel *messageLabel() const { return m_message; }
    QTableWidget *friendsTable() const { return m_friends; }
    QTableWidget *applicationsTable() const { return m_applications; }
    QTabWidget *tabs() const { return m_tabs; }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded();

private:
    void showResult(const ContactsResult &result);

    AccountAddress m_account;
    ContactsLoader m_loader;
    QLabel *m_message;
    QTabWidget *m_tabs;
    QTableWidget *m_friends;
    QTableWidget *m_applications;
    QPushButton *m_refresh;
    bool m_loading = false;
};

} // namespace ct::ui
