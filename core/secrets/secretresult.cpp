#include "secretresult.h"

namespace ct {

QString secretErrorName(SecretError error)
{
    switch (error) {
    case SecretError::None:
        return QStringLiteral("none");
    case SecretError::NotFound:
        return QStringLiteral("not-found");
    case SecretError::NoBackend:
        return QStringLiteral("no-backend");
    case SecretError::Locked:
        return QStringLiteral("locked");
    case SecretError::AccessDenied:
        return QStringLiteral("access-denied");
    case SecretError::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace ct
