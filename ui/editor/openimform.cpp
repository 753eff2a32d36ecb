#include "openimform.h"

#include "fieldnote.h"
#include "formrows.h"
#include "net/jwtclaims.h"
#include "proxyfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ct::ui {

OpenImForm::OpenImForm(QWidget *parent)
    : QWidget(parent), m_token(new QLineEdit), m_ws(new QLineEdit), m_api(new QLineEdit), m_userId(new QLineEdit),
      m_platform(new QSpinBox),
      m_requireMention(new QCheckBox(tr("Only group messages that &mention this account"))),
      m_disableFriendSdk(new QCheckBox(tr("Disable the &friend SDK (friend guard on)"))),
      m_proxy(new ProxyField(this)), m_mode(new QComboBox), m_endpoint(new QLineEdit), m_hook(new QLineEdit),
      m_marker(new QLineEdit), m_tokenNote(new FieldNote), m_wsNote(new FieldNote), m_apiNote(new FieldNote),
      m_refreshNote(new FieldNote)
{
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setClearButtonEnabled(true);
    m_token->setAccessibleName(tr("OpenIM token"));
    m_ws->setPlaceholderText(QStringLiteral("ws://openim.example.com:10001"));
    m_ws->setAccessibleName(tr("Gateway WebSocket address"));
    m_api->setPlaceholderText(QStringLiteral("http://openim.example.com:10002"));
    m_api->setAccessibleName(tr("REST API address"));
    m_userId->setAccessibleName(tr("User ID"));
    m_userId->setPlaceholderText(tr("from the token"));
    m_platform->setRange(-1, 20);
    m_platform->setSpecialValueText(tr("from the token"));
    m_platform->setValue(-1);
    m_platform->setAccessibleName(tr("Platform ID"));
    m_disableFriendSdk->setChecked(true);
    m_tokenNote->setHint(tr("Paste the user's JWT. Stored in the system keychain."));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    addLabelledRow(form, tr("&Token:"), m_token, withNote(m_token, m_tokenNote));
    addLabelledRow(form, tr("&Gateway (ws://):"), m_ws, withNote(m_ws, m_wsNote));
    addLabelledRow(form, tr("&API (http://):"), m_api, withNote(m_api, m_apiNote));
    addLabelledRow(form, tr("&User ID:"), m_userId, m_userId);
    addLabelledRow(form, tr("Pla&tform ID:"), m_platform, m_platform);
    m_proxy->addTo(form);
    form->addRow(QString(), m_requireMention);
    form->addRow(QString(), m_disableFriendSdk);

    m_mode->addItem(tr("HTTP endpoint"), QStringLiteral("http"));
    m_mode->addItem(tr("Hook command"), QStringLiteral("hook"));
    m_mode->addItem(tr("Off"), QStringLiteral("off"));
    m_mode->setAccessibleName(tr("Token refresh mode"));
    m_endpoint->setAccessibleName(tr("Refresh endpoint URL"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://auth.example.com/openim/token"));
    m_hook->setAccessibleName(tr("Refresh hook command"));
    m_hook->setPlaceholderText(QStringLiteral("/usr/local/bin/refresh-token {accountId} {reason}"));
    m_marker->setAccessibleName(tr("Manual-login marker path"));
    auto *refreshBox = new QGroupBox(tr("Token refresh (all OpenIM accounts)"));
    auto *refreshForm = new QFormLayout(refreshBox);
    addLabelledRow(refreshForm, tr("&Mode:"), m_mode, m_mode);
    addLabelledRow(refreshForm, tr("&Endpoint:"), m_endpoint, m_endpoint);
    addLabelledRow(refreshForm, tr("Hoo&k command:"), m_hook, m_hook);
    addLabelledRow(refreshForm, tr("Ma&rker file:"), m_marker, withNote(m_marker, m_refreshNote));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(refreshBox);

    connect(m_token, &QLineEdit::textChanged, this, &OpenImForm::showClaims);
    for (QLineEdit *e : {m_token, m_ws, m_api, m_userId, m_endpoint, m_hook, m_marker})
        connect(e, &QLineEdit::textChanged, this, &OpenImForm::changed);
    connect(m_platform, &QSpinBox::valueChanged, this, &OpenImForm::changed);
    connect(m_proxy, &ProxyField::changed, this, &OpenImForm::changed);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateRefreshFields();
        Q_EMIT changed();
    });
    loadRefresh(TokenRefreshConfig{});
}

void OpenImForm::load(const OpenImAccountConfig &a)
{
    m_token->setText(a.token);
    m_ws->setText(a.wsAddr);
    m_api->setText(a.apiAddr);
    m_userId->setText(a.userID);
    m_platform->setValue(a.platformID ? *a.platformID : -1);
    m_requireMention->setChecked(a.requireMention);
    m_disableFriendSdk->setChecked(a.disableFriendSdk);
    m_proxy->load(a.proxy);
}

void OpenImForm::loadRefresh(const TokenRefreshConfig &r)
{
    m_mode->setCurrentIndex(r.mode == RefreshMode::Http ? 0 : r.mode == RefreshMode::Hook ? 1 : 2);
    m_endpoint->setText(r.http.endpoint);
    m_hook->setText(r.hook.command.join(QLatin1Char(' ')));
    m_marker->setText(r.manualLoginMarkerPath);
    updateRefreshFields();
}

void OpenImForm::setStoredToken(bool stored)
{
    m_storedToken = stored;
    if (stored)
        m_token->setPlaceholderText(tr("Stored in the keychain — leave empty to keep it"));
}

void OpenImForm::updateRefreshFields()
{
    const QString mode = m_mode->currentData().toString();
    m_endpoint->setEnabled(mode == QLatin1String("http"));
    m_hook->setEnabled(mode == QLatin1String("hook"));
}

QLineEdit *OpenImForm::proxy() const
{
    return m_proxy->edit();
}

QString OpenImForm::claimsText() const
{
    return m_tokenNote->text();
}

void OpenImForm::showClaims()
{
    const QString token = m_token->text().trimmed();
    if (token.isEmpty()) {
        m_tokenNote->setHint(tr("Paste the user's JWT. Stored in the system keychain."));
        return;
    }
    QString error;
    const std::optional<JwtClaims> claims = JwtClaims::parse(token, &error);
    if (!claims) {
        m_tokenNote->setProblem(m_token, tr("Not a readable JWT: %1").arg(error));
        return;
    }
    QStringList parts;
    parts << tr("User ID: %1").arg(claims->userID.isEmpty() ? tr("(none)") : claims->userID);
    parts << tr("Platform: %1").arg(claims->platformID ? QString::number(*claims->platformID) : tr("(none)"));
    if (claims->expiresAt.isValid()) {
        const QString when = QLocale().toString(claims->expiresAt.toLocalTime(), QLocale::ShortFormat);
        parts << (claims->isExpiredAt(QDateTime::currentDateTimeUtc()) ? tr("EXPIRED %1").arg(when)
                                                                       : tr("expires %1").arg(when));
    }
    m_tokenNote->setProblem(m_token, {}); // clears a previous problem's marking
    m_tokenNote->setHint(parts.join(QStringLiteral(" · ")));
    m_userId->setPlaceholderText(claims->userID.isEmpty() ? tr("from the token") : claims->userID);
}

QJsonObject OpenImForm::fields() const
{
    QJsonObject o{{QStringLiteral("wsAddr"), m_ws->text().trimmed()},
                  {QStringLiteral("requireMention"), m_requireMention->isChecked()},
                  {QStringLiteral("disableFriendSdk"), m_disableFriendSdk->isChecked()}};
    if (!m_api->text().trimmed().isEmpty())
        o.insert(QStringLiteral("apiAddr"), m_api->text().trimmed());
    if (!m_userId->text().trimmed().isEmpty())
        o.insert(QStringLiteral("userID"), m_userId->text().trimmed());
    if (m_platform->value() >= 0)
        o.insert(QStringLiteral("platformID"), m_platform->value());
    m_proxy->writeTo(o);
    return o;
}

QMap<QString, QString> OpenImForm::tokens() const
{
    QMap<QString, QString> t;
    if (!m_token->text().trimmed().isEmpty())
        t.insert(QStringLiteral("token"), m_token->text().trimmed());
    return t;
}

QMap<QString, QJsonValue> OpenImForm::channelFields() const
{
    QMap<QString, QJsonValue> f;
    f.insert(QStringLiteral("tokenRefresh.mode"), m_mode->currentData().toString());
    if (!m_marker->text().trimmed().isEmpty())
        f.insert(QStringLiteral("tokenRefresh.manualLoginMarkerPath"), m_marker->text().trimmed());
    if (!m_endpoint->text().trimmed().isEmpty())
        f.insert(QStringLiteral("tokenRefresh.http.endpoint"), m_endpoint->text().trimmed());
    const QStringList hook = m_hook->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!hook.isEmpty())
        f.insert(QStringLiteral("tokenRefresh.hook.command"), QJsonArray::fromStringList(hook));
    return f;
}

QString OpenImForm::localProblem() const
{
    if (m_token->text().trimmed().isEmpty() && !m_storedToken)
        return tr("An OpenIM account needs a token.");
    return {};
}

QStringList OpenImForm::setProblems(const QMap<QString, QString> &byField)
{
    QMap<QString, QString> rest = byField;
    m_wsNote->setProblem(m_ws, rest.take(QStringLiteral("wsAddr")));
    m_apiNote->setProblem(m_api, rest.take(QStringLiteral("apiAddr")));
    m_proxy->showProblem(rest);
    QStringList refresh;
    QStringList unmatched;
    for (auto it = rest.begin(); it != rest.end(); ++it)
        (it.key().startsWith(QLatin1String("tokenRefresh")) ? refresh : unmatched) << it.value();
    m_refreshNote->setProblem(m_marker, refresh.join(QLatin1Char('\n')));
    if (!localProblem().isEmpty() && m_token->text().isEmpty())
        m_tokenNote->setProblem(m_token, localProblem());
    else if (m_token->text().isEmpty())
        m_tokenNote->setHint(tr("Paste the user's JWT. Stored in the system keychain."));
    return unmatched;
}

} // namespace ct::ui
