#include "gotifyerror.h"

namespace ct {

QString GotifyError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotElevated:
        return QStringLiteral("not-elevated");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    }
    return {};
}

QString GotifyError::message() const
{
    const QString detail = description.isEmpty() ? error : description;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("cannot reach the Gotify server: %1").arg(detail);
    case Kind::Timeout:
        return tr("the Gotify server did not answer in time");
    case Kind::Tls:
        if (error == kTlsHostMismatch)
            return tr("the server's TLS certificate is for another host name (%1); use a name it lists in the "
                      "account's server URL")
                .arg(detail);
        return tr("the server's TLS certificate is not trusted (%1); set caCertFile for a self-signed server")
            .arg(detail);
    case Kind::Unauthorized:
        return tr("the token was refused (HTTP 401): %1").arg(detail);
    case Kind::Forbidden:
        return tr("not allowed (HTTP 403): %1").arg(detail);
    case Kind::NotElevated:
        return tr("this Gotify v3 server needs an elevated session for this action (HTTP 403): %1. "
                  "Elevate the client in the Gotify web UI (or use basic auth) and try again")
            .arg(detail);
    case Kind::NotFound:
        return tr("not found (HTTP 404): %1").arg(detail);
    case Kind::BadRequest:
        return tr("the server refused the request (HTTP 400): %1").arg(detail);
    case Kind::Server:
        return tr("server error (HTTP %1): %2").arg(httpStatus).arg(detail);
    case Kind::Protocol:
        return tr("unexpected answer from the server: %1").arg(detail);
    }
    return detail;
}

} // namespace ct
