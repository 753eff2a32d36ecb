#pragma once
// The tray serves the status API (core/status) when channeltray.statusApi is on: every account
// of the registry, the runtime's pipeline and refresher counted, doctor run as this program.
// The endpoint follows each applied config (on, off, another address, another token).
namespace ct {
class AppRuntime;
class StatusApi;
} // namespace ct

namespace ct::app {

// Owned by the runtime (a child QObject).
StatusApi *attachStatusApi(AppRuntime &runtime);

} // namespace ct::app
