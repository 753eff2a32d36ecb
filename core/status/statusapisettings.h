#pragma once
// `channeltray.statusApi` (docs/architecture.md "Configuration"): the opt-in local HTTP endpoint for
// /status, /health, /doctor and /metrics. Off unless `listen` is set:
//   "channeltray": { "statusApi": { "listen": "127.0.0.1:9465", "token": "…" } }
// `listen` is "HOST:PORT", "[IPv6]:PORT", ":PORT" or "PORT" (those two mean 127.0.0.1); HOST
// is an IP address or "localhost" (no other names: the address to bind must not depend on a
// resolver). Port 0 takes any free port (the one taken is logged). `enabled: false` keeps the block but switches the endpoint off. The bearer token
// is optional: inline `token` (honoured, reported by doctor as plain text), else the keychain
// entry "channeltray/statusApi/token" (service channeltray, as SecretStore names every key).
#include "config/accountaddress.h"
#include "config/configmodel.h"
#include "config/configproblem.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace ct {

struct StatusApiSettings
{
    bool enabled = false;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 9465;
    QString listen;      // as written in the config
    QString inlineToken; // NEVER log it; empty → the keychain entry, if any

    bool isLoopback() const { return address.isLoopback(); }
    // Where the keychain keeps the bearer token: SecretStore key "channeltray/statusApi/token".
    static AccountAddress keychainAddress()
    {
        return {QStringLiteral("channeltray"), QStringLiteral("statusApi")};
    }
    static QString keychainField() { return QStringLiteral("token"); }
    friend bool operator==(const StatusApiSettings &a, const StatusApiSettings &b)
    {
        return a.enabled == b.enabled && a.address == b.address && a.port == b.port
               && a.inlineToken == b.inlineToken;
    }
    friend bool operator!=(const StatusApiSettings &a, const StatusApiSettings &b) { return !(a == b); }
};

// Reads `channeltray.statusApi` of a loaded config (its raw JSON). Problems name the JSON path;
// with any problem the endpoint stays off.
StatusApiSettings readStatusApiSettings(const Config &config, QList<ConfigProblem> *problems = nullptr);

// Parses a `listen` value; false (and *error) when it is not one of the accepted forms.
bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port, QString *error);

// What `doctor` says about the endpoint: warnings for a non-loopback address (stronger
// without a token). `tokenOrigin` is "inline", "keychain" or "missing".
QStringList statusApiWarnings(const StatusApiSettings &settings, const QString &tokenOrigin);

} // namespace ct
