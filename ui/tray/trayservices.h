#pragma once
// What the tray application needs from outside ui/ besides the AppRuntime: how to send and
// probe, how to start the demo, the Gotify admin API and OpenIM contacts. app/ fills these in;
// each is optional (a missing one turns its feature off and says so), which also keeps ui/ free
// of network code.
#include "contacts/contactsresult.h"
#include "editor/accountdraft.h"
#include "send/sendrequest.h"

#include <functional>

namespace ct {
class GotifyApi;
class ImageFetcher;
} // namespace ct

namespace ct::ui {

// "Try the demo", as the application reports its progress (ui/ puts it into words).
struct DemoEvent
{
    enum class Kind {
        StartingSandbox,  // detail: the sandbox program
        WaitingForConfig, // detail: the demo config path
        Relaunching,      // detail: the demo config path
        // Errors (the current instance keeps running):
        SandboxMissing, // detail: the paths looked at
        SandboxFailed,  // detail: what the sandbox printed, or the start error
        ConfigTimeout,  // detail: the demo config path
        RelaunchFailed, // detail: the program
    };
    Kind kind = Kind::StartingSandbox;
    QString detail;
    bool isError() const { return kind >= Kind::SandboxMissing; }
};

// What the demo starter may ask of the running tray.
struct DemoHooks
{
    std::function<void(const DemoEvent &)> report;
    std::function<void()> releaseInstance;   // just before the demo instance starts
    std::function<void()> reacquireInstance; // when it then failed to start
    std::function<void()> quit;              // the demo instance runs: this one ends
};

struct TrayServices
{
    Sender sender;         // empty → the send dialog says sending is unavailable
    ConnectionProbe probe; // empty → "Test connection" is disabled
    // Starts channeltray-sandbox, waits for its demo config, and relaunches the tray on it.
    // Empty → the welcome page says the demo is not available.
    std::function<void(const DemoHooks &)> startDemo;
    // The live GotifyApi of a Gotify account (its connection's), null when it has none.
    // Empty → "Gotify administration…" is disabled.
    std::function<GotifyApi *(const AccountAddress &)> gotifyApi;
    ContactsLoader contacts; // empty → the contacts view says contacts are unavailable
    // Fetches message images by URL for the Messages view; null → image URLs are links only.
    ImageFetcher *imageFetcher = nullptr;
};

} // namespace ct::ui
