#include "accounteditordialog.h"

#include "common/messagebox.h"
#include "config/configeditor.h"
#include "config/configloader.h"
#include "fieldnote.h"
#include "formrows.h"
#include "gotifyform.h"
#include "openimform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ct::ui {

AccountEditorDialog::AccountEditorDialog(const Config &config, MessageBox *messageBox, ConnectionProbe probe,
                                         QWidget *parent)
    : QDialog(parent), m_config(config), m_messageBox(messageBox), m_probe(std::move(probe)),
      m_channel(new QComboBox), m_id(new QLineEdit), m_idNote(new FieldNote),
      m_enabled(new QCheckBox(tr("E&nabled"))), m_stack(new QStackedWidget), m_gotify(new GotifyForm),
      m_openim(new OpenImForm), m_other(new FieldNote), m_test(new QPushButton(tr("&Test connection"))),
      m_testResult(new QLabel), m_remove(new QPushButton(tr("Re&move account…"))), m_save(nullptr),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Account"));
    setMinimumWidth(520);
    m_channel->addItem(tr("Gotify"), kGotifyChannel);
    m_channel->addItem(tr("OpenIM"), kOpenImChannel);
    m_channel->setAccessibleName(tr("Channel"));
    m_id->setAccessibleName(tr("Account ID"));
    m_id->setPlaceholderText(tr("e.g. ops"));
    m_enabled->setChecked(true);
    m_stack->addWidget(m_gotify);
    m_stack->addWidget(m_openim);
    m_testResult->setWordWrap(true);
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_test->setEnabled(bool(m_probe));
    // Enter always saves: only the Save button may become the default.
    m_test->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setDefault(true);

    auto *top = new QFormLayout;
    addLabelledRow(top, tr("&Channel:"), m_channel, m_channel);
    addLabelledRow(top, tr("Account &ID:"), m_id, withNote(m_id, m_idNote));
    top->addRow(QString(), m_enabled);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_remove);
    bottom->addStretch(1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack);
    layout->addWidget(m_other);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addLayout(bottom);

    connect(m_channel, &QComboBox::currentIndexChanged, this, &AccountEditorDialog::channelChanged);
    connect(m_id, &QLineEdit::textChanged, this, &AccountEditorDialog::validate);
    connect(m_gotify, &GotifyForm::changed, this, &AccountEditorDialog::validate);
    connect(m_openim, &OpenImForm::changed, this, &AccountEditorDialog::validate);
    connect(m_test, &QPushButton::clicked, this, &AccountEditorDialog::runTest);
    connect(m_remove, &QPushButton::clicked, this, &AccountEditorDialog::confirmRemove);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!validate().isEmpty())
            return;
        m_outcome = Saved;
        accept();
    });
    m_openim->loadRefresh(m_config.openim.tokenRefresh);
    startNew(kGotifyChannel);
}

QString AccountEditorDialog::channel() const
{
    return m_channel->currentData().toString();
}

void AccountEditorDialog::startNew(const QString &channelName)
{
    m_editing = {};
    m_channel->setEnabled(true);
    m_id->setReadOnly(false);
    m_remove->hide();
    m_channel->setCurrentIndex(channelName == kOpenImChannel ? 1 : 0);
    if (channelName != kOpenImChannel)
        m_gotify->prefillFromEnvironment();
    setWindowTitle(tr("Add account"));
    channelChanged();
    m_id->setFocus();
}

void AccountEditorDialog::startEdit(const AccountAddress &address, const QStringList &storedTokens)
{
    m_editing = address;
    m_channel->setCurrentIndex(address.channel == kOpenImChannel ? 1 : 0);
    m_channel->setEnabled(false);
    m_id->setText(address.accountId);
    m_id->setReadOnly(true);
    m_remove->show();
    if (const GotifyAccountConfig *g = m_config.gotifyAccount(address.accountId);
        g && address.channel == kGotifyChannel) {
        m_gotify->load(*g);
        m_enabled->setChecked(g->enabled);
    }
    if (const OpenImAccountConfig *o = m_config.openimAccount(address.accountId);
        o && address.channel == kOpenImChannel) {
        m_openim->load(*o);
        m_enabled->setChecked(o->enabled);
    }
    setWindowTitle(tr("Edit %1").arg(address.toString()));
    setStoredTokens(storedTokens);
}

void AccountEditorDialog::setStoredTokens(const QStringList &storedTokens)
{
    m_gotify->setStoredTokens(storedTokens.contains(QStringLiteral("appToken")),
                              storedTokens.contains(QStringLiteral("clientToken")));
    m_openim->setStoredToken(storedTokens.contains(QStringLiteral("token")));
    channelChanged();
}

void AccountEditorDialog::channelChanged()
{
    m_stack->setCurrentIndex(channel() == kOpenImChannel ? 1 : 0);
    validate();
}

AccountDraft AccountEditorDialog::draft() const
{
    AccountDraft d;
    d.address = {channel(), m_id->text().trimmed()};
    const bool openim = channel() == kOpenImChannel;
    d.fields = openim ? m_openim->fields() : m_gotify->fields();
    d.fields.insert(QStringLiteral("enabled"), m_enabled->isChecked());
    d.tokens = openim ? m_openim->tokens() : m_gotify->tokens();
    if (openim)
        d.channelFields = m_openim->channelFields();
    return d;
}

QStringList AccountEditorDialog::validate()
{
    QStringList problems;
    const AccountDraft d = draft();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    QString idProblem;
    if (d.address.accountId.isEmpty())
        idProblem = tr("Enter an account ID.");
    else if (!idPattern.match(d.address.accountId).hasMatch())
        idProblem = tr("Use letters, digits, '.', '_' and '-' only.");
    else if (!isEditing()
             && ((channel() == kGotifyChannel && m_config.gotifyAccount(d.address.accountId))
                 || (channel() == kOpenImChannel && m_config.openimAccount(d.address.accountId))))
        idProblem = tr("An account %1 exists already.").arg(d.address.toString());
    m_idNote->setProblem(m_id, idProblem);
    if (!idProblem.isEmpty())
        problems << idProblem;

    // The config validator judges the account written into a copy of the file.
    QMap<QString, QString> byField;
    if (idProblem.isEmpty()) {
        QString error;
        const QJsonObject candidate = d.applyTo(m_config.raw, &error);
        if (!error.isEmpty())
            problems << error;
        const QString accountPath = ConfigEditor::dottedPath(ConfigEditor::accountPath(d.address))
                                    + QLatin1Char('.');
        const QString channelPath = QStringLiteral("channels.") + d.address.channel + QLatin1Char('.');
        for (const ConfigProblem &p : configFromJson(candidate).problems) {
            if (p.path.startsWith(accountPath))
                byField.insert(p.path.mid(accountPath.size()), p.message);
            else if (p.path.startsWith(channelPath + QStringLiteral("tokenRefresh")))
                byField.insert(p.path.mid(channelPath.size()), p.message);
        }
    }
    const bool openim = channel() == kOpenImChannel;
    QStringList unmatched = openim ? m_openim->setProblems(byField) : m_gotify->setProblems(byField);
    problems << byField.values();
    const QString local = openim ? m_openim->localProblem() : m_gotify->localProblem();
    if (!local.isEmpty())
        problems << local;
    m_other->setProblem(nullptr, unmatched.join(QLatin1Char('\n')));
    m_save->setEnabled(problems.isEmpty());
    m_test->setEnabled(bool(m_probe) && idProblem.isEmpty());
    m_problems = problems;
    return problems;
}

QString AccountEditorDialog::testResult() const
{
    return m_testResult->text();
}

void AccountEditorDialog::runTest()
{
    if (!m_probe)
        return;
    const int generation = ++m_testGeneration;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Testing…"));
    QPointer<AccountEditorDialog> self(this);
    m_probe(draft(), [self, generation](bool ok, const QString &message) {
        if (!self || generation != self->m_testGeneration)
            return;
        self->m_test->setEnabled(true);
        self->m_testResult->setStyleSheet(ok ? QStringLiteral("color:#2e7d32") : QStringLiteral("color:#c62828"));
        self->m_testResult->setText(ok ? tr("Connected: %1").arg(message) : tr("Failed: %1").arg(message));
    });
}

void AccountEditorDialog::confirmRemove()
{
    if (!isEditing() || !m_messageBox)
        return;
    const auto answer = m_messageBox->question(
        this, tr("Remove account"),
        tr("Remove %1 from the configuration? Its tokens are deleted from the keychain; "
           "its message history is kept.")
            .arg(m_editing.toString()));
    if (answer != QMessageBox::Yes)
        return;
    m_outcome = Removed;
    Q_EMIT removeRequested(m_editing);
    accept();
}

} // namespace ct::ui
