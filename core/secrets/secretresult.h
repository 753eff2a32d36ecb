#pragma once
// The outcome of one keychain operation, with a typed error the UI and `doctor` act upon.
#include <QMetaType>
#include <QString>

namespace ct {

enum class SecretError {
    None,         // success
    NotFound,     // no secret stored under that key
    NoBackend,    // no Secret Service / keychain reachable (nothing on D-Bus answers)
    Locked,       // the keychain is locked and was not unlocked
    AccessDenied, // the user or the keychain refused access
    Other,        // anything else; message has the details
};

struct SecretResult
{
    SecretError error = SecretError::None;
    QString value;   // the secret, for a successful read only. NEVER log it.
    QString message; // user-facing, translated; empty on success

    bool ok() const { return error == SecretError::None; }
};

// Stable machine-readable names for JSON output: "none", "not-found", "no-backend",
// "locked", "access-denied", "other".
QString secretErrorName(SecretError error);

} // namespace ct

Q_DECLARE_METATYPE(ct::SecretResult)
