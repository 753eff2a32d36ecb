#pragma once
// The accounts' `proxy` settings (config/proxysetting.h), given to the application's proxy
// factory (SystemProxyFactory) as a proxy per server: every connection to an account's server
// (Gotify's serverUrl; OpenIM's wsAddr and apiAddr) goes through the account's proxy, whichever
// part of the program opens it (stream, REST, catch-up, probe). A proxy is per server, as a
// connection knows its server but not its account: two accounts on one server whose settings
// differ are reported, and the first one's setting is used.
#include <QNetworkProxy>
#include <QStringList>

namespace ct {

struct Config;

// Replaces the per-server proxies with those of `config`; returns the conflicts (empty if none).
QStringList applyAccountProxies(const Config &config);

// The proxy an account's `proxy` setting names, for a network manager of its own (a probe of an
// account not applied yet): DefaultProxy (the application's factory) for the system's, or a
// setting that cannot be read.
QNetworkProxy accountProxy(const QString &proxySetting);

} // namespace ct
