#include "configlocation.h"

#include "atomicfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace ct {

namespace {
constexpr QLatin1StringView kInPlaceKey{"gatewayConfigInPlace"};

QString channelTrayDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/channeltray");
}
} // namespace

QString ownConfigPath()
{
    return channelTrayDir() + QStringLiteral("/config.json");
}

QString configChoicePath()
{
    return channelTrayDir() + QStringLiteral("/location.json");
}

bool rememberGatewayConfigInPlace(const QString &gatewayFile, QString *error)
{
    const QJsonObject choice{{kInPlaceKey, gatewayFile}};
    return writeFileAtomically(configChoicePath(), QJsonDocument(choice).toJson(), error, true,
                               FileMode::OwnerOnly);
}

ConfigLocation resolveConfigLocation(const QString &explicitPath, const QString &envPath)
{
    if (!explicitPath.isEmpty())
        return {explicitPath, QStringLiteral("given with --config"), false};
    if (!envPath.isEmpty())
        return {envPath, QStringLiteral("from $CHANNELTRAY_CONFIG"), false};
    QFile choice(configChoicePath());
    if (choice.open(QIODevice::ReadOnly)) {
        const QString gateway = QJsonDocument::fromJson(choice.readAll()).object().value(kInPlaceKey).toString();
        if (!gateway.isEmpty())
            return {gateway,
                    QStringLiteral("the gateway's own config, used in place (chosen on the first-run page, "
                                   "remembered in %1)")
                        .arg(configChoicePath()),
                    true};
    }
    return {ownConfigPath(), QStringLiteral("ChannelTray's own config"), false};
}

} // namespace ct
