#include "keychainerror.h"

#include "secretserviceprobe.h"

#include <QCoreApplication>

namespace ct {
namespace {

bool reachable(const std::function<bool()> &serviceReachable)
{
    return serviceReachable ? serviceReachable() : isSecretServiceReachable();
}

} // namespace

QString secretErrorMessage(SecretError error, const QString &key, const QString &detail)
{
    switch (error) {
    case SecretError::None:
        return QString();
    case SecretError::NotFound:
        return QCoreApplication::translate("ct::SecretStore", "No secret is stored in the keychain for %1.")
            .arg(key);
    case SecretError::NoBackend:
        return QCoreApplication::translate(
            "ct::SecretStore", "No Secret Service is running (is gnome-keyring or KeePassXC's Secret Service "
                               "enabled?)");
    case SecretError::Locked:
        return QCoreApplication::translate("ct::SecretStore", "The keychain is locked. Unlock it and try again.");
    case SecretError::AccessDenied:
        return QCoreApplication::translate("ct::SecretStore", "Access to the keychain was denied.");
    case SecretError::Other:
        break;
    }
    if (detail.isEmpty())
        return QCoreApplication::translate("ct::SecretStore", "The keychain reported an error.");
    return QCoreApplication::translate("ct::SecretStore", "The keychain reported an error: %1").arg(detail);
}

SecretResult secretResultFromKeychain(QKeychain::Error code, const QString &detail, const QString &key,
                                      const std::function<bool()> &serviceReachable)
{
    SecretError error = SecretError::Other;
    switch (code) {
    case QKeychain::NoError:
        return SecretResult{};
    case QKeychain::EntryNotFound:
        error = SecretError::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        error = SecretError::NoBackend;
        break;
    case QKeychain::AccessDeniedByUser:
        error = SecretError::AccessDenied;
        break;
    case QKeychain::AccessDenied:
        // libsecret reports a locked collection as AccessDenied.
        error = detail.contains(QLatin1String("lock"), Qt::CaseInsensitive) ? SecretError::Locked
                                                                            : SecretError::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
        error = SecretError::Other;
        break;
    case QKeychain::OtherError:
        error = reachable(serviceReachable) ? SecretError::Other : SecretError::NoBackend;
        break;
    }
    return SecretResult{error, QString(), secretErrorMessage(error, key, detail)};
}

} // namespace ct
