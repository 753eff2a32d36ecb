#pragma once
// An account's `proxy` key (the name OpenClaw's own channels use for theirs):
//   absent or "system": the system's proxy, loopback servers excepted (core/net/systemproxy);
//   "none":             always direct;
//   "http://[user:password@]host:port" or "socks5://[user:password@]host:port": that proxy, for
//                       every connection of the account (stream, REST, catch-up), loopback too.
// A proxy URL may hold a password: it is never echoed in a problem or a log line.
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ct {

struct ProxySetting
{
    enum class Kind { System, None, Http, Socks5 };
    Kind kind = Kind::System;
    QString host;
    int port = 0;
    QString user;
    QString password;

    bool operator==(const ProxySetting &o) const
    {
        return kind == o.kind && host == o.host && port == o.port && user == o.user && password == o.password;
    }
};

// nullopt with `error` set for anything else ("ftp://…", a URL without host or port, …).
std::optional<ProxySetting> parseProxySetting(const QString &text, QString *error);

class JsonReader;
// Reads `proxy` of the account object at `path` into `out` (left as it is when absent); a bad
// value is a problem at <path>.proxy.
void readProxySetting(const QJsonObject &obj, const QString &path, JsonReader &r, QString &out);

} // namespace ct
