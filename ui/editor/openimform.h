#pragma once
// The OpenIM part of the account editor: token (password field, its JWT claims shown as you
// paste), gateway and API addresses, identity, and the channel's token-refresh settings.
#include "config/configmodel.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ct::ui {

class FieldNote;
class ProxyField;

class OpenImForm : public QWidget
{
    Q_OBJECT
public:
    explicit OpenImForm(QWidget *parent = nullptr);

    void load(const OpenImAccountConfig &account);
    void loadRefresh(const TokenRefreshConfig &refresh);
    void setStoredToken(bool stored);

    QJsonObject fields() const;
    QMap<QString, QString> tokens() const;
    QMap<QString, QJsonValue> channelFields() const; // "tokenRefresh.mode" → "http", …
    // field name → problem; "tokenRefresh.*" problems go to the refresh fields. Returns unmatched.
    QStringList setProblems(const QMap<QString, QString> &byField);
    QString localProblem() const;

    QLineEdit *token() const { return m_token; }
    QLineEdit *wsAddr() const { return m_ws; }
    QLineEdit *apiAddr() const { return m_api; }
    QLineEdit *proxy() const;
    QComboBox *refreshMode() const { return m_mode; }
    // The claims line under the token ("User ID … · Platform … · expires …").
    QString claimsText() const;

Q_SIGNALS:
    void changed();

private:
    void showClaims();
    void updateRefreshFields();

    QLineEdit *m_token;
    QLineEdit *m_ws;
    QLineEdit *m_api;
    QLineEdit *m_userId;
    QSpinBox *m_platform;
    QCheckBox *m_requireMention;
    QCheckBox *m_disableFriendSdk;
    ProxyField *m_proxy;
    QComboBox *m_mode;
    QLineEdit *m_endpoint;
    QLineEdit *m_hook;
    QLineEdit *m_marker;
    FieldNote *m_tokenNote;
    FieldNote *m_wsNote;
    FieldNote *m_apiNote;
    FieldNote *m_refreshNote;
    bool m_storedToken = false;
};

} // namespace ct::ui
