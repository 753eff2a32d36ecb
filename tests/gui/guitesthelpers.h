#pragma once
// Shared by the GUI suites: an AccountConnection the test drives by hand, and configs.
#include "accounts/accountregistry.h"
#include "config/configloader.h"

#include <QJsonDocument>

namespace ct::guitest {

class DrivenConnection : public AccountConnection
{
public:
    using AccountConnection::AccountConnection;
    int reconnects = 0;
    void start() override { setState(AccountState::Connecting); }
    void reconnectNow() override { ++reconnects; }
    void drive(AccountState s, const QString &detail = {}, const QDateTime &retry = {})
    {
        setState(s, detail, retry);
    }
    void latency(int ms) { setLatencyMs(ms); }
    void expires(const QDateTime &at) { setTokenExpiresAt(at); }
};

inline AccountRegistry::ConnectionFactory drivenFactory()
{
    return [](const Config &, const AccountAddress &a) -> AccountConnection * { return new DrivenConnection(a); };
}

inline DrivenConnection *driven(AccountRegistry &r, const QString &address)
{
    return static_cast<DrivenConnection *>(r.connection(AccountAddress::parse(address)));
}

// gotify/ops, gotify/alerts and multi-openim/primary, all enabled, tokens inline.
inline Config sampleConfig()
{
    const QByteArray json = R"({
      "channels": {
        "gotify": { "accounts": {
          "ops":    { "serverUrl": "http://127.0.0.1:8081", "appToken": "A1", "clientToken": "C1" },
          "alerts": { "serverUrl": "https://gotify.example.com", "clientToken": "C2" } } },
        "multi-openim": { "tokenRefresh": { "mode": "off" }, "accounts": {
          "primary": { "token": "t", "wsAddr": "ws://127.0.0.1:10001", "apiAddr": "http://127.0.0.1:10002" } } }
      } })";
    return parseConfig(json).config;
}

// Gotify accounts bot<number> (four digits), all on one server: many accounts, for the tests
// that count the work one change costs with few and with many.
inline Config botsConfig(const QList<int> &numbers)
{
    Config c;
    c.gotify.present = true;
    for (int i : numbers) {
        GotifyAccountConfig a;
        a.id = QStringLiteral("bot%1").arg(i, 4, 10, QLatin1Char('0'));
        a.serverUrl = QStringLiteral("http://127.0.0.1:1");
        c.gotify.accounts << a;
    }
    return c;
}

// 0, 2, 4, …: n even numbers (odd ones can be added between them).
inline QList<int> evenNumbers(int n)
{
    QList<int> out;
    for (int i = 0; i < n; ++i)
        out << 2 * i;
    return out;
}

} // namespace ct::guitest
