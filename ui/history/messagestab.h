#pragma once
// The Messages tab: filter by account, session and text; a lazily fetched table of messages;
// the selected message in full.
#include "config/accountaddress.h"

#include "inbound/historyquery.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;

namespace ct {
class AccountRegistry;
class HistoryStore;
} // namespace ct

namespace ct::ui {

class HistoryModel;
class MessageView;

class MessagesTab : public QWidget
{
    Q_OBJECT
public:
    // Reads the history; marking a message read is asked of the history's owner (readRequested).
    MessagesTab(const AccountRegistry *registry, const HistoryStore *store, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageView *messageView() const { return m_message; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *accountFilter() const { return m_account; }

    void showAccount(const AccountAddress &account);
    // Shows the account's messages (every session, no search) with this message selected (and
    // so marked read); false when it is not among the newest pages.
    bool showMessage(const AccountAddress &account, const QString &messageId);
    // New messages were stored: reload when the user is looking at the newest ones.
    void messagesArrived();

    // Extra entries of a message's context menu (notification mutes), added when it is built.
    void setContextMenuExtender(std::function<void(QMenu *, const ct::HistoryRecord &)> extender)
    {
        m_extendContextMenu = std::move(extender);
    }
    // The context menu of a row, built fresh (the caller owns it); null for no message.
    QMenu *contextMenuFor(int row);
    // Deletes the row's message locally (its context menu's "Delete", or the Delete key).
    void deleteRow(int row);

Q_SIGNALS:
    // The user opened these unread messages.
    void readRequested(const QList<qint64> &rowIds);
    // The user marked these read messages unread again.
    void unreadRequested(const QList<qint64> &rowIds);
    // The user deleted these messages from this computer's history (not from the server).
    void deleteRequested(const QList<qint64> &rowIds);
    // The same, by message: the one the user opened (notifications withdraw theirs).
    void messageRead(const ct::AccountAddress &account, const QString &messageId);

private:
    void reloadSessions();
    void applyFilter();
    void showCurrent();

    const AccountRegistry *m_registry;
    const HistoryStore *m_store;
    HistoryModel *m_model;
    QComboBox *m_account;    // its model: AccountChoices
    QString m_chosenAccount; // the address the filter shows, "" for all
    QComboBox *m_session;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QTableView *m_view;
    MessageView *m_message;
    std::function<void(QMenu *, const ct::HistoryRecord &)> m_extendContextMenu;
};

} // namespace ct::ui
