#pragma once
// Send one test message. The account is always chosen explicitly (nothing is preselected unless
// the caller names an account, e.g. from that account's own menu); the result — server id and
// time, or the server's error — is shown in place and the dialog stays open for another try.
#include "sendrequest.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class SendDialog : public QDialog
{
    Q_OBJECT
public:
    SendDialog(const AccountRegistry *registry, Sender sender, QWidget *parent = nullptr);

    // Chooses `account` (an explicit choice by the caller). Invalid → nothing chosen.
    void chooseAccount(const AccountAddress &account);
    AccountAddress chosenAccount() const;

    SendRequest request() const;
    // Why Send is disabled now (empty when it is enabled).
    QString blocker() const;
    QString resultText() const;
    bool isSending() const { return m_sending; }

    QComboBox *accountField() const { return m_account; }
    QLineEdit *titleField() const { return m_title; }
    QPlainTextEdit *textField() const { return m_text; }
    QSpinBox *priorityField() const { return m_priority; }
    QCheckBox *markdownField() const { return m_markdown; }
    QLineEdit *clickUrlField() const { return m_clickUrl; }
    QLineEdit *recipientField() const { return m_recipient; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *urlField() const { return m_url; }
    QPushButton *sendButton() const { return m_send; }

Q_SIGNALS:
    void sent(const ct::SendRequest &request, const ct::SendResult &result);

private:
    void reloadAccounts();
    void updateForm();
    void send();
    void showResult(const SendResult &result);

    const AccountRegistry *m_registry;
    Sender m_sender;
    bool m_sending = false;
    int m_generation = 0;

    QComboBox *m_account;
    QStackedWidget *m_stack;
    QLineEdit *m_title;
    QSpinBox *m_priority;
    QCheckBox *m_markdown;
    QLineEdit *m_clickUrl;
    QLineEdit *m_recipient;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QPlainTextEdit *m_text;
    QLabel *m_hint;
    QLabel *m_result;
    QPushButton *m_send;
};

} // namespace ct::ui
