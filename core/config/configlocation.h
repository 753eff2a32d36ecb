#pragma once
// Which config file ChannelTray uses, and why (doctor prints both):
// 1. `--config <file>`;
// 2. $CHANNELTRAY_CONFIG;
// 3. the gateway's openclaw.json, used in place, when the user chose that on the first-run
//    page; the choice is remembered in <config dir>/channeltray/location.json, so edits (and
//    refreshed tokens) keep landing where the gateway reads them;
// 4. ChannelTray's own <config dir>/channeltray/config.json (<config dir> is
//    $XDG_CONFIG_HOME, else ~/.config), also when it does not exist yet.
#include <QString>

namespace ct {

struct ConfigLocation
{
    QString path;
    QString reason;
    bool gatewayInPlace = false; // the gateway's own file (case 3)
};

// `explicitPath` is the --config value (empty when not given); `envPath` $CHANNELTRAY_CONFIG.
ConfigLocation resolveConfigLocation(const QString &explicitPath, const QString &envPath);

QString ownConfigPath();
// Where the "use the gateway's file in place" choice is remembered.
QString configChoicePath();
// Remembers that `gatewayFile` is the config to use (written atomically, 0600). False with a
// sentence in `*error` when it cannot be written.
bool rememberGatewayConfigInPlace(const QString &gatewayFile, QString *error = nullptr);

} // namespace ct
