#include "gotifyappnames.h"

#include "gotify/gotifyapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace ct::ui {

GotifyAppNames::GotifyAppNames(ApiFor apiFor, QObject *parent) : QObject(parent), m_apiFor(std::move(apiFor)) {}

QString GotifyAppNames::nameOf(const AccountAddress &account, const QString &appId)
{
    const auto names = m_names.constFind(account);
    if (names != m_names.constEnd())
        return names->value(appId);
    if (m_asked.contains(account) || !m_apiFor)
        return {};
    GotifyApi *api = m_apiFor(account);
    if (!api)
        return {};
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
        QHash<QString, QString> names;
        for (const QJsonValue &v : r.value.toArray()) {
            const QJsonObject app = v.toObject();
            names.insert(QString::number(app.value(QStringLiteral("id")).toInteger()),
                         app.value(QStringLiteral("name")).toString());
        }
        self->m_names.insert(account, names);
        Q_EMIT self->changed();
    });
    return {};
}

} // namespace ct::ui
