#pragma once
// The status endpoint (core/status) of a runtime, the same for the tray and `watch`: the
// registry's accounts, the runtime's pipeline and refresher counted, doctor run as this same
// program; applied again with each config (channeltray.statusApi and its bearer token) and
// each keychain change (a bearer token kept there follows it).
#include <QString>
#include <functional>

namespace ct {

class AppRuntime;
class StatusApi;
struct StatusApiReport;

// The endpoint, a child of `runtime`. `applied(ok, error)` follows each apply: ok when it is
// off or listening, else why it is not (a bad setting, an address that cannot be bound, a
// keychain that did not give the token).
using StatusApiApplied = std::function<void(bool ok, const QString &error)>;
StatusApi *attachStatusApi(AppRuntime &runtime, StatusApiApplied applied);

// What `doctor` says about the endpoint of the config the runtime applied (inspectStatusApi),
// its bearer token looked up through the runtime's keychain. FOR COMMAND-LINE CODE ONLY: the
// keychain is read blocking.
StatusApiReport inspectStatusApi(AppRuntime &runtime);

} // namespace ct
