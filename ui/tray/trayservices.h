#pragma once
// What the tray application needs from outside ui/: how to make each account's connection,
// how to send and probe, and how to start the demo. app/ fills these in; each is optional
// (a missing one turns its feature off and says so), which also keeps ui/ free of network code.
#include "contacts/contactsresult.h"
#include "editor/accountdraft.h"
#include "send/sendrequest.h"

#include <functional>

namespace ct {
class AccountConnection;
class AppRuntime;
class GotifyApi;
class HistoryStore;
class InboundPipeline;
struct Config;
}

namespace ct::ui {

// Shared objects the application creates once and a connection may use.
struct TrayContext
{
    InboundPipeline *pipeline = nullptr;
    HistoryStore *history = nullptr;
};

struct TrayServices
{
    using ConnectionMaker =
        std::function<AccountConnection *(const Config &config, const AccountAddress &address, const TrayContext &context)>;

    // The running core (history, pipeline, notifications, registry with live connections,
    // token refresh, health). When set, it replaces makeConnection and the objects below.
    AppRuntime *runtime = nullptr;
    ConnectionMaker makeConnection; // empty → accounts are listed but not connected
    Sender sender;                  // empty → the send dialog says sending is unavailable
    ConnectionProbe probe;          // empty → "Test connection" is disabled
    std::function<void()> startDemo;
    // The live GotifyApi of a Gotify account (its connection's), null when it has none.
    // Empty → "Gotify administration…" is disabled.
    std::function<GotifyApi *(const AccountAddress &)> gotifyApi;
    ContactsLoader contacts;        // empty → the contacts view says contacts are unavailable
    QString historyPath;            // empty → HistoryStore::defaultPath()
    QString instanceName;           // empty → SingleInstance::defaultName()
    bool useKeychain = true;        // false in tests: tokens typed in the editor are dropped
};

} // namespace ct::ui
