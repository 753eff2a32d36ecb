#pragma once
// The names of Gotify applications, for the Messages view's "From" column (a Gotify message
// names its application only by number). Each account's application list is fetched once
// (GET /application through the account's GotifyApi), the first time one of its messages is
// shown, and kept; changed() then lets the view repaint.
#include "config/accountaddress.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>

namespace ct {
class GotifyApi;
}

namespace ct::ui {

class GotifyAppNames : public QObject
{
    Q_OBJECT
public:
    using ApiFor = std::function<GotifyApi *(const AccountAddress &)>;
    explicit GotifyAppNames(ApiFor apiFor, QObject *parent = nullptr);

    // The name of application `appId` of the account, empty until known (the first ask fetches).
    QString nameOf(const AccountAddress &account, const QString &appId);
    int fetches() const { return m_fetches; }

Q_SIGNALS:
    void changed();

private:
    ApiFor m_apiFor;
    QHash<AccountAddress, QHash<QString, QString>> m_names;
    QSet<AccountAddress> m_asked;
    int m_fetches = 0;
};

} // namespace ct::ui
