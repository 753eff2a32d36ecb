#include "senddialog.h"

#include "accounts/accountregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace ct::ui {

namespace {
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *l = new QLabel(text);
    l->setBuddy(buddy);
    return l;
}

bool isWebUrl(const QString &text)
{
    const QUrl u(text, QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
           && !u.host().isEmpty();
}
} // namespace

SendDialog::SendDialog(const AccountRegistry *registry, Sender sender, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_sender(std::move(sender)), m_account(new QComboBox),
      m_stack(new QStackedWidget), m_title(new QLineEdit), m_priority(new QSpinBox),
      m_markdown(new QCheckBox(tr("&Markdown"))), m_clickUrl(new QLineEdit), m_recipient(new QLineEdit),
      m_kind(new QComboBox), m_url(new QLineEdit), m_text(new QPlainTextEdit), m_hint(new QLabel),
      m_result(new QLabel), m_send(new QPushButton(tr("&Send")))
{
    setWindowTitle(tr("Send test message"));
    setMinimumWidth(480);
    m_account->setAccessibleName(tr("Account to send from"));
    m_title->setAccessibleName(tr("Title"));
    m_priority->setRange(0, 10);
    m_priority->setValue(5);
    m_priority->setAccessibleName(tr("Priority"));
    m_clickUrl->setAccessibleName(tr("Click URL"));
    m_clickUrl->setPlaceholderText(QStringLiteral("https://…"));
    m_recipient->setAccessibleName(tr("Recipient"));
    m_recipient->setPlaceholderText(tr("user:<userID> or group:<groupID>"));
    m_kind->addItem(tr("Text"), int(SendRequest::Kind::Text));
    m_kind->addItem(tr("Picture (URL)"), int(SendRequest::Kind::Picture));
    m_kind->addItem(tr("Video (URL)"), int(SendRequest::Kind::Video));
    m_kind->addItem(tr("File (URL)"), int(SendRequest::Kind::File));
    m_kind->setAccessibleName(tr("Message type"));
    m_url->setAccessibleName(tr("Media URL"));
    m_url->setPlaceholderText(QStringLiteral("https://…"));
    m_text->setAccessibleName(tr("Message text"));
    m_text->setTabChangesFocus(true);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color:palette(mid)"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Send result"));

    auto *gotify = new QWidget;
    auto *gForm = new QFormLayout(gotify);
    gForm->setContentsMargins(0, 0, 0, 0);
    gForm->addRow(buddyLabel(tr("T&itle:"), m_title), m_title);
    gForm->addRow(buddyLabel(tr("&Priority:"), m_priority), m_priority);
    gForm->addRow(buddyLabel(tr("Click &URL:"), m_clickUrl), m_clickUrl);
    gForm->addRow(QString(), m_markdown);
    auto *openim = new QWidget;
    auto *oForm = new QFormLayout(openim);
    oForm->setContentsMargins(0, 0, 0, 0);
    oForm->addRow(buddyLabel(tr("&Recipient:"), m_recipient), m_recipient);
    oForm->addRow(buddyLabel(tr("T&ype:"), m_kind), m_kind);
    oForm->addRow(buddyLabel(tr("Media U&RL:"), m_url), m_url);
    m_stack->addWidget(new QWidget); // nothing chosen yet
    m_stack->addWidget(gotify);
    m_stack->addWidget(openim);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Account:"), m_account), m_account);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    m_send->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_stack);
    layout->addWidget(buddyLabel(tr("&Text:"), m_text));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, &SendDialog::send);
    connect(m_account, &QComboBox::currentIndexChanged, this, &SendDialog::updateForm);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SendDialog::updateForm);
    for (QLineEdit *e : {m_title, m_clickUrl, m_recipient, m_url})
        connect(e, &QLineEdit::textChanged, this, &SendDialog::updateForm);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SendDialog::updateForm);
    reloadAccounts();
}

void SendDialog::reloadAccounts()
{
    const QSignalBlocker block(m_account);
    m_account->clear();
    m_account->addItem(tr("— choose an account —"), QString());
    if (m_registry)
        for (const AccountAddress &a : m_registry->addresses())
            m_account->addItem(a.toString(), a.toString());
    m_account->setCurrentIndex(0);
    updateForm();
}

void SendDialog::chooseAccount(const AccountAddress &account)
{
    m_account->setCurrentIndex(account.isValid() ? qMax(0, m_account->findData(account.toString())) : 0);
    updateForm();
}

AccountAddress SendDialog::chosenAccount() const
{
    return AccountAddress::parse(m_account->currentData().toString());
}

SendRequest SendDialog::request() const
{
    SendRequest r;
    r.account = chosenAccount();
    r.text = m_text->toPlainText();
    if (r.account.channel == kGotifyChannel) {
        r.title = m_title->text();
        r.priority = m_priority->value();
        r.markdown = m_markdown->isChecked();
        r.clickUrl = m_clickUrl->text().trimmed();
    } else {
        r.recipient = m_recipient->text().trimmed();
        r.kind = SendRequest::Kind(m_kind->currentData().toInt());
        r.url = m_url->text().trimmed();
    }
    return r;
}

QString SendDialog::blocker() const
{
    const SendRequest r = request();
    if (!r.account.isValid())
        return tr("Choose the account to send from.");
    if (!m_sender)
        return tr("Sending is not available in this build.");
    if (r.account.channel == kGotifyChannel) {
        if (r.text.trimmed().isEmpty())
            return tr("Enter the message text.");
        if (!r.clickUrl.isEmpty() && !isWebUrl(r.clickUrl))
            return tr("The click URL must be an http:// or https:// URL.");
        return {};
    }
    static const QRegularExpression recipient(QStringLiteral("^(user|group):\\S+$"));
    if (!recipient.match(r.recipient).hasMatch())
        return tr("Enter the recipient as user:<userID> or group:<groupID>.");
    if (r.kind == SendRequest::Kind::Text)
        return r.text.trimmed().isEmpty() ? tr("Enter the message text.") : QString();
    if (!isWebUrl(r.url))
        return tr("Enter the http:// or https:// URL of the picture, video or file.");
    return {};
}

void SendDialog::updateForm()
{
    const AccountAddress a = chosenAccount();
    m_stack->setCurrentIndex(!a.isValid() ? 0 : a.channel == kGotifyChannel ? 1 : 2);
    const bool media = a.channel == kOpenImChannel
                       && m_kind->currentData().toInt() != int(SendRequest::Kind::Text);
    m_url->setEnabled(media);
    m_text->setEnabled(a.isValid() && !media);
    const QString why = blocker();
    m_hint->setText(why);
    m_send->setEnabled(why.isEmpty() && !m_sending);
}

void SendDialog::send()
{
    if (!blocker().isEmpty() || m_sending)
        return;
    const SendRequest r = request();
    m_sending = true;
    const int generation = ++m_generation;
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Sending from %1…").arg(r.account.toString()));
    updateForm();
    QPointer<SendDialog> self(this);
    m_sender(r, [self, generation, r](const SendResult &result) {
        if (!self || generation != self->m_generation)
            return;
        self->m_sending = false;
        self->showResult(result);
        self->updateForm();
        Q_EMIT self->sent(r, result);
    });
}

void SendDialog::showResult(const SendResult &result)
{
    if (result.ok) {
        const QDateTime t = result.time.isValid() ? result.time : QDateTime::currentDateTimeUtc();
        m_result->setStyleSheet(QStringLiteral("color:#2e7d32"));
        m_result->setText(tr("Sent. Server id %1 at %2.")
                              .arg(result.serverId.isEmpty() ? tr("(none)") : result.serverId,
                                   QLocale().toString(t.toLocalTime(), QLocale::LongFormat)));
    } else {
        m_result->setStyleSheet(QStringLiteral("color:#c62828"));
        m_result->setText(tr("Not sent: %1").arg(result.error.isEmpty() ? tr("unknown error") : result.error));
    }
}

QString SendDialog::resultText() const
{
    return m_result->text();
}

} // namespace ct::ui
