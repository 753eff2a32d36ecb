#pragma once
// The Gotify administration window: choose a Gotify account, then administer its server's
// applications, clients and messages through the account's own GotifyApi (its client token).
#include "config/accountaddress.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QTabWidget;

namespace ct {
class GotifyApi;
}

namespace ct::ui {

class ApplicationsPage;
class ClientsPage;
class MessageBox;
class MessagesPage;

class GotifyAdminWindow : public QWidget
{
    Q_OBJECT
public:
    // The account's live API, or null when it has no running connection.
    using ApiLookup = std::function<GotifyApi *(const AccountAddress &)>;

    GotifyAdminWindow(ApiLookup lookup, MessageBox *messageBox, QWidget *parent = nullptr);

    // Only Gotify accounts are offered; others are ignored.
    void setAccounts(const QList<AccountAddress> &accounts);
    void chooseAccount(const AccountAddress &account);
    AccountAddress currentAccount() const;

    QComboBox *accountBox() const { return m_account; }
    QTabWidget *tabs() const { return m_tabs; }
    ApplicationsPage *applicationsPage() const { return m_apps; }
    ClientsPage *clientsPage() const { return m_clients; }
    MessagesPage *messagesPage() const { return m_messages; }
    QLabel *noticeLabel() const { return m_notice; }

private:
    void accountChosen();

    ApiLookup m_lookup;
    QComboBox *m_account;
    QLabel *m_notice;
    QTabWidget *m_tabs;
    ApplicationsPage *m_apps;
    ClientsPage *m_clients;
    MessagesPage *m_messages;
};

} // namespace ct::ui
