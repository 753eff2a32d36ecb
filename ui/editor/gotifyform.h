#pragma once
// The Gotify part of the account editor: server URL, tokens (password fields), priority, proxy,
// inbound.
#include "config/configmodel.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace ct::ui {

class FieldNote;
class ProxyField;

class GotifyForm : public QWidget
{
    Q_OBJECT
public:
    explicit GotifyForm(QWidget *parent = nullptr);

    void load(const GotifyAccountConfig &account);
    // GOTIFY_SERVER_URL / GOTIFY_APP_TOKEN / GOTIFY_CLIENT_TOKEN, when set.
    void prefillFromEnvironment();

    QJsonObject fields() const;
    QMap<QString, QString> tokens() const;
    // field name → problem text; fields not in the map are cleared. Returns the unmatched ones.
    QStringList setProblems(const QMap<QString, QString> &byField);
    // Whether a token is known for the account already (so empty token fields mean "keep").
    void setStoredTokens(bool appToken, bool clientToken);
    QString localProblem() const; // needs at least one token

    QLineEdit *serverUrl() const { return m_url; }
    QLineEdit *appToken() const { return m_appToken; }
    QLineEdit *clientToken() const { return m_clientToken; }
    QLineEdit *proxy() const;

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_url;
    QLineEdit *m_appToken;
    QLineEdit *m_clientToken;
    QSpinBox *m_priority;
    QCheckBox *m_inbound;
    ProxyField *m_proxy;
    FieldNote *m_urlNote;
    FieldNote *m_appNote;
    FieldNote *m_clientNote;
    bool m_storedApp = false;
    bool m_storedClient = false;
};

} // namespace ct::ui
