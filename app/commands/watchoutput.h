#pragma once
// What `watch` prints (docs/architecture.md "Command line"), a line per event: an account's
// state, a delivered message, a token refresh and a manual-login marker; with --json one object
// per line ({"type":"state"|"message"|"refresh"|"marker",…}), else a sentence. Never a token.
#include "commandcontext.h"
#include "config/accountaddress.h"

class QObject;

namespace ct {
class AppRuntime;
struct InboundMessage;
} // namespace ct

namespace ct::cli {

class WatchOutput
{
public:
    WatchOutput(CommandContext &ctx, bool json) : m_ctx(ctx), m_json(json) {}

    // Prints the runtime's account states, refreshes and markers while `context` lives.
    void follow(AppRuntime &runtime, QObject *context);
    // The same line format as `history --json`, without the direction.
    void message(const InboundMessage &m);

private:
    CommandContext &m_ctx;
    bool m_json;
};

} // namespace ct::cli
