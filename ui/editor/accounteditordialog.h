#pragma once
// Add, edit or remove one Gotify or OpenIM account. Validation is inline and uses the config
// validator itself: the edited account is written into a copy of the config JSON and
// configFromJson() judges it, so the dialog accepts exactly what the loader accepts.
#include "accountdraft.h"
#include "config/configmodel.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ct::ui {

class FieldNote;
class GotifyForm;
class MessageBox;
class OpenImForm;

class AccountEditorDialog : public QDialog
{
    Q_OBJECT
public:
    enum Outcome { Cancelled, Saved, Removed };

    AccountEditorDialog(const Config &config, MessageBox *messageBox, ConnectionProbe probe,
                        QWidget *parent = nullptr);

    // A new account of `channel` (kGotifyChannel or kOpenImChannel); Gotify is pre-filled from
    // the GOTIFY_* environment variables.
    void startNew(const QString &channel);
    // An existing account. `storedTokens` lists the token fields the keychain already holds.
    void startEdit(const AccountAddress &address, const QStringList &storedTokens = {});
    // The token fields the keychain holds for the edited account, when they are known only
    // after startEdit (keychain reads are asynchronous); validates again.
    void setStoredTokens(const QStringList &storedTokens);

    AccountDraft draft() const;
    Outcome outcome() const { return m_outcome; }
    bool isEditing() const { return m_editing.isValid(); }

    // Runs validation now; returns every problem shown (empty = can be saved).
    QStringList validate();
    QStringList problems() const { return m_problems; }

    GotifyForm *gotifyForm() const { return m_gotify; }
    OpenImForm *openImForm() const { return m_openim; }
    QLineEdit *accountIdField() const { return m_id; }
    QComboBox *channelField() const { return m_channel; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *removeButton() const { return m_remove; }
    QString testResult() const;

Q_SIGNALS:
    void removeRequested(const ct::AccountAddress &address);

private:
    QString channel() const;
    void channelChanged();
    void runTest();
    void confirmRemove();

    Config m_config;
    MessageBox *m_messageBox;
    ConnectionProbe m_probe;
    AccountAddress m_editing;
    Outcome m_outcome = Cancelled;
    QStringList m_problems;

    QComboBox *m_channel;
    QLineEdit *m_id;
    FieldNote *m_idNote;
    QCheckBox *m_enabled;
    QStackedWidget *m_stack;
    GotifyForm *m_gotify;
    OpenImForm *m_openim;
    FieldNote *m_other;
    QPushButton *m_test;
    QLabel *m_testResult;
    QPushButton *m_remove;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    int m_testGeneration = 0;
};

} // namespace ct::ui
