#pragma once
// Connects a TokenRefresher to the account connections, the same way for the tray (AppRuntime)
// and `watch`: an OpenIM token problem starts a refresh; while it runs the account shows
// Refreshing; a new token reconnects the account; a terminal failure leaves it in NeedsLogin
// with the reason.
#include "config/accountaddress.h"

#include <functional>

class QObject;

namespace ct {

class AccountConnection;
class OpenImConnection;
class TokenRefresher;

using ConnectionLookup = std::function<AccountConnection *(const AccountAddress &)>;
// Called with each refreshed token before the account reconnects (e.g. to remember it).
using TokenObserver = std::function<void(const AccountAddress &, const QString &token)>;

// Refresh outcomes → connection states. `context` scopes the connections made here.
void wireTokenRefresh(TokenRefresher &refresher, QObject *context, ConnectionLookup lookup,
                      TokenObserver onNewToken = {});
// The connection's token problems → refresher.trigger("<event> errCode=<n>").
void refreshOnTokenProblems(TokenRefresher &refresher, OpenImConnection *connection);

} // namespace ct
