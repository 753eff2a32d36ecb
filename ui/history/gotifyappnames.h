#pragma once
// The names and icons of Gotify applications, for the Messages view's "From" column (a Gotify
// message names its application only by number). Each account's application list is fetched
// once (GET /application through the account's GotifyApi), the first time one of its messages
// is shown, and kept. An application's icon is fetched once per server and image
// (GotifyApi::applicationImage; two accounts on one server share it) when first shown, and
// kept. changed() then lets the view repaint.
#include "config/accountaddress.h"

#include <QHash>
#include <QIcon>
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
    // Its icon, null until known (asks for the name first, then for the image).
    QIcon iconOf(const AccountAddress &account, const QString &appId);
    int fetches() const { return m_fetches; }
    int iconFetches() const { return m_iconFetches; }

Q_SIGNALS:
    void changed();

private:
    struct App
    {
        QString name;
        QString image; // as the server gives it: "image/x.png", "static/defaultapp.png"
    };
    void fetchApps(const AccountAddress &account);

    ApiFor m_apiFor;
    QHash<AccountAddress, QHash<QString, App>> m_apps;
    QSet<AccountAddress> m_asked;
    QHash<QString, QIcon> m_icons; // "<server URL> <image>" → icon (null: the image was no image)
    QSet<QString> m_iconsAsked;
    int m_fetches = 0;
    int m_iconFetches = 0;
};

} // namespace ct::ui
