#pragma once
// A failed Gotify request, typed. Carries the server's errorDescription when it sent one.
#include <QCoreApplication>
#include <QString>

namespace ct {

struct GotifyError
{
    Q_DECLARE_TR_FUNCTIONS(GotifyError)
public:
    enum class Kind {
        None,
        Network,      // could not reach the server (refused, DNS, reset)
        Timeout,      // no answer in time
        Tls,          // certificate not trusted (see the account's caCertFile)
        Unauthorized, // 401: token missing or refused
        Forbidden,    // 403: token valid but not allowed (e.g. a client token on an app-only route)
        NotElevated,  // 403 on v3: this needs an elevated session
        NotFound,     // 404
        BadRequest,   // 400: the server named what was wrong
        Server,       // 5xx
        Protocol,     // the answer was not what Gotify sends
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString error;       // the server's "error" (status text); Tls: kTlsHostMismatch or empty
    QString description; // the server's "errorDescription", or the network error text

    // Kind::Tls, error: the certificate is trusted but names other hosts than the one connected
    // to (QSslError::HostNameMismatch); a caCertFile cannot help then, the server's name can.
    static constexpr QLatin1StringView kTlsHostMismatch{"host-mismatch"};

    bool isError() const { return kind != Kind::None; }
    // One line for a user: what failed and, for v3 elevation, what to do about it.
    QString message() const;
    static QString kindName(Kind kind); // "network", "timeout", "unauthorized", …
};

} // namespace ct
