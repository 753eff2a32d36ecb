#pragma once
// Whether a Secret Service can be reached right now. Used to tell "no keychain at all" from
// other failures, because libsecret reports a missing bus or service as a generic error.
#include <QString>

namespace ct {

// True when the session bus is reachable and org.freedesktop.secrets is running there or can
// be activated. On false, *why (when given) says what is missing. Makes blocking D-Bus calls
// (a few milliseconds); call it on the error path, not per operation. Without D-Bus support
// in the build (Windows, macOS) it returns true: the platform keychain is always there.
bool isSecretServiceReachable(QString *why = nullptr);

} // namespace ct
