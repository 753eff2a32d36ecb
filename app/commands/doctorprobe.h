#pragma once
// `doctor --probe`: asks one account's server(s) and reports. Each channel contributes its
// own probe; this is the one place that dispatches on the channel.
#include "config/configmodel.h"

#include <QJsonObject>
#include <QMap>

namespace ct::cli {

struct ProbeOutcome
{
    bool ok = false;
    QString problem;    // one line when !ok
    QJsonObject report; // reachable, version, user, tokens accepted, health, latencyMs …
};

// `tokens` maps a field ("token", "appToken", "clientToken") to its value. Blocking.
ProbeOutcome probeAccount(const Config &config, const AccountAddress &address,
                          const QMap<QString, QString> &tokens);

} // namespace ct::cli
