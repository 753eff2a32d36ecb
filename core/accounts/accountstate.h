#pragma once
#include <QObject>
#include <QString>

namespace ct {

// The one state of an account connection (docs/architecture.md "Account states").
namespace AccountStateNs {
Q_NAMESPACE
enum class AccountState {
    Disabled,   // switched off in config
    Connecting, // socket or handshake in progress
    Connected,  // live; messages flow
    Backoff,    // waiting to retry; the next attempt time is known
    Refreshing, // token refresh in flight
    NeedsLogin, // token refresh failed terminally; a marker file was written
    Failed,     // gave up after maxReconnectAttempts; the health monitor or the user retries
    Offline,    // the machine reports no network: retries wait until it returns (NetworkRecovery)
};
Q_ENUM_NS(AccountState)
} // namespace AccountStateNs
using AccountStateNs::AccountState;

// "disabled", "connecting", "connected", "backoff", "refreshing", "needs-login", "failed", "offline"
QString accountStateName(AccountState state);

} // namespace ct
