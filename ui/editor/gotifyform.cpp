#include "gotifyform.h"

#include "fieldnote.h"
#include "formrows.h"
#include "proxyfield.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace ct::ui {

GotifyForm::GotifyForm(QWidget *parent)
    : QWidget(parent), m_url(new QLineEdit), m_appToken(new QLineEdit), m_clientToken(new QLineEdit),
      m_priority(new QSpinBox), m_inbound(new QCheckBox(tr("&Receive messages (client token needed)"))),
      m_proxy(new ProxyField(this)), m_urlNote(new FieldNote), m_appNote(new FieldNote),
      m_clientNote(new FieldNote)
{
    m_url->setPlaceholderText(QStringLiteral("https://gotify.example.com"));
    m_url->setAccessibleName(tr("Gotify server URL"));
    for (QLineEdit *t : {m_appToken, m_clientToken}) {
        t->setEchoMode(QLineEdit::Password);
        t->setClearButtonEnabled(true);
    }
    m_appToken->setAccessibleName(tr("Application token"));
    m_clientToken->setAccessibleName(tr("Client token"));
    m_priority->setRange(0, 10);
    m_priority->setValue(5);
    m_priority->setAccessibleName(tr("Default priority"));
    m_inbound->setChecked(true);
    m_appNote->setHint(tr("Used to send messages. Stored in the system keychain."));
    m_clientNote->setHint(tr("Used to receive messages and for administration."));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    addLabelledRow(form, tr("Server &URL:"), m_url, withNote(m_url, m_urlNote));
    addLabelledRow(form, tr("A&pplication token:"), m_appToken, withNote(m_appToken, m_appNote));
    addLabelledRow(form, tr("C&lient token:"), m_clientToken, withNote(m_clientToken, m_clientNote));
    addLabelledRow(form, tr("Default p&riority:"), m_priority, m_priority);
    m_proxy->addTo(form);
    form->addRow(QString(), m_inbound);

    for (QLineEdit *e : {m_url, m_appToken, m_clientToken})
        connect(e, &QLineEdit::textChanged, this, &GotifyForm::changed);
    connect(m_priority, &QSpinBox::valueChanged, this, &GotifyForm::changed);
    connect(m_inbound, &QCheckBox::toggled, this, &GotifyForm::changed);
    connect(m_proxy, &ProxyField::changed, this, &GotifyForm::changed);
}

void GotifyForm::load(const GotifyAccountConfig &a)
{
    m_url->setText(a.serverUrl);
    m_appToken->setText(a.appToken);
    m_clientToken->setText(a.clientToken);
    m_priority->setValue(a.defaultPriority);
    m_inbound->setChecked(a.inbound.enabled);
    m_proxy->load(a.proxy);
}

void GotifyForm::prefillFromEnvironment()
{
    const auto fill = [](QLineEdit *e, const char *name) {
        const QString v = qEnvironmentVariable(name);
        if (!v.isEmpty() && e->text().isEmpty())
            e->setText(v);
    };
    fill(m_url, "GOTIFY_SERVER_URL");
    fill(m_appToken, "GOTIFY_APP_TOKEN");
    fill(m_clientToken, "GOTIFY_CLIENT_TOKEN");
}

void GotifyForm::setStoredTokens(bool appToken, bool clientToken)
{
    m_storedApp = appToken;
    m_storedClient = clientToken;
    const QString keep = tr("Stored in the keychain — leave empty to keep it");
    if (appToken)
        m_appToken->setPlaceholderText(keep);
    if (clientToken)
        m_clientToken->setPlaceholderText(keep);
}

QJsonObject GotifyForm::fields() const
{
    QJsonObject o{{QStringLiteral("serverUrl"), m_url->text().trimmed()},
                  {QStringLiteral("defaultPriority"), m_priority->value()}};
    o.insert(QStringLiteral("inbound"), QJsonObject{{QStringLiteral("enabled"), m_inbound->isChecked()}});
    m_proxy->writeTo(o);
    return o;
}

QMap<QString, QString> GotifyForm::tokens() const
{
    QMap<QString, QString> t;
    if (!m_appToken->text().trimmed().isEmpty())
        t.insert(QStringLiteral("appToken"), m_appToken->text().trimmed());
    if (!m_clientToken->text().trimmed().isEmpty())
        t.insert(QStringLiteral("clientToken"), m_clientToken->text().trimmed());
    return t;
}

QLineEdit *GotifyForm::proxy() const
{
    return m_proxy->edit();
}

QString GotifyForm::localProblem() const
{
    if (tokens().isEmpty() && !m_storedApp && !m_storedClient)
        return tr("Enter an application token (to send) or a client token (to receive), or both.");
    if (m_inbound->isChecked() && m_clientToken->text().trimmed().isEmpty() && !m_storedClient)
        return tr("Receiving messages needs a client token.");
    return {};
}

QStringList GotifyForm::setProblems(const QMap<QString, QString> &byField)
{
    QMap<QString, QString> rest = byField;
    m_urlNote->setProblem(m_url, rest.take(QStringLiteral("serverUrl")));
    m_proxy->showProblem(rest);
    const QString local = localProblem();
    if (!local.isEmpty())
        m_clientNote->setProblem(m_clientToken, local);
    else
        m_clientNote->setHint(tr("Used to receive messages and for administration."));
    QStringList unmatched;
    for (auto it = rest.begin(); it != rest.end(); ++it)
        unmatched << it.value();
    return unmatched;
}

} // namespace ct::ui
