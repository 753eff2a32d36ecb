#include "gotifyappnames.h"

#include "gotify/gotifyapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPixmap>
#include <QPointer>

namespace ct::ui {

GotifyAppNames::GotifyAppNames(ApiFor apiFor, QObject *parent) : QObject(parent), m_apiFor(std::move(apiFor)) {}

QString GotifyAppNames::nameOf(const AccountAddress &account, const QString &appId)
{
    const auto apps = m_apps.constFind(account);
    if (apps != m_apps.constEnd())
        return apps->value(appId).name;
    fetchApps(account);
    return {};
}

QIcon GotifyAppNames::iconOf(const AccountAddress &account, const QString &appId)
{
    const auto apps = m_apps.constFind(account);
    if (apps == m_apps.constEnd()) {
        fetchApps(account);
        return {};
    }
    const QString image = apps->value(appId).image;
    GotifyApi *api = image.isEmpty() || !m_apiFor ? nullptr : m_apiFor(account);
    if (!api)
        return {};
    const QString key = api->endpoint().serverUrl.toString() + QLatin1Char(' ') + image;
    if (const auto icon = m_icons.constFind(key); icon != m_icons.constEnd())
        return *icon;
    if (m_iconsAsked.contains(key))
        return {};
    m_iconsAsked.insert(key);
    ++m_iconFetches;
    QPointer<GotifyAppNames> self(this);
    // The answer is an image, not JSON: the raw body counts whenever the server said 200.
    api->applicationImage(image, [self, key](const GotifyResult &r) {
        if (!self)
            return;
        QPixmap pixmap;
        if (r.httpStatus == 200 && pixmap.loadFromData(r.body)) {
            self->m_icons.insert(key, QIcon(pixmap));
            Q_EMIT self->changed();
        } else if (r.httpStatus > 0) {
            self->m_icons.insert(key, QIcon()); // the server answered: no icon to show
        } else {
            self->m_iconsAsked.remove(key); // not reached: asked again the next time
        }
    });
    return {};
}

void GotifyAppNames::fetchApps(const AccountAddress &account)
{
    if (m_asked.contains(account) || !m_apiFor)
        return;
    GotifyApi *api = m_apiFor(account);
    if (!api)
        return;
    m_asked.insert(account);
    ++m_fetches;
    QPointer<GotifyAppNames> self(this);
    api->listApplications([self, account](const GotifyResult &r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->m_asked.remove(account); // asked again the next time one is shown
            return;
        }
        QHash<QString, App> apps;
        for (const QJsonValue &v : r.value.toArray()) {
            const QJsonObject app = v.toObject();
            apps.insert(
                QString::number(app.value(QStringLiteral("id")).toInteger()),
                {app.value(QStringLiteral("name")).toString(), app.value(QStringLiteral("image")).toString()});
        }
        self->m_apps.insert(account, apps);
        Q_EMIT self->changed();
    });
}

} // namespace ct::ui
