#pragma once
// The demo config the sandbox writes (format: docs/architecture.md "Configuration"). Tokens are
// inline on purpose: a demo must never write to the user's keychain, and these tokens are only good
// for the loopback servers of one sandbox run.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ct::sandbox {

struct DemoGotifyAccount
{
    QString id;
    QString serverUrl;
    QString appToken;
    QString clientToken;
};

struct DemoOpenImAccount
{
    QString id;
    QString wsAddr;
    QString apiAddr;
    QString token;
};

struct DemoConfigInput
{
    QList<DemoGotifyAccount> gotify; // the first one is the default account
    QList<DemoOpenImAccount> openim;
    QString refreshEndpoint;       // http://127.0.0.1:<port>/demo/refresh
    QString refreshKeyHeader;      // header name the refresh route checks
    QString refreshKey;            // its value (a secret of this run, kept in the file only)
    QString manualLoginMarkerPath; // next to the config, never in the user's home
};

QJsonObject buildDemoConfig(const DemoConfigInput &input);

// Validates with ct::configFromJson, then writes atomically with mode 0600 (parent created
// 0700). Returns false with a sentence in *error when the JSON has problems or cannot be written.
bool writeDemoConfig(const QString &path, const QJsonObject &root, QString *error);

} // namespace ct::sandbox
