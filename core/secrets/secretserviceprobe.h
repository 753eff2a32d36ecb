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

// True when the Secret Service's default collection (the login keyring) is locked. A locked
// collection hides its items: libsecret then reports a lookup as "not found" when no unlock
// prompt can be shown. One blocking D-Bus call (a few milliseconds): call it on the not-found
// path only. False when no Secret Service answers or without D-Bus in the build.
bool isSecretCollectionLocked();

} // namespace ct
