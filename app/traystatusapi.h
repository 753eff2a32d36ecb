#pragma once
// The tray serves the status API when channeltray.statusApi is on: the runtime's endpoint
// (core/runtime/runtimestatusapi.h), with a failure to serve shown among the tray's problems.
namespace ct {
class AppRuntime;
class StatusApi;
} // namespace ct

namespace ct::app {

// Owned by the runtime (a child QObject).
StatusApi *attachStatusApi(AppRuntime &runtime);

} // namespace ct::app
