#pragma once
// The sandbox of "Try the demo" and its pid file, sandbox.pid next to the demo's config.json.
// A pid from the file is only signalled while it still is a channeltray-sandbox process: the
// file outlives the process, and by then its number may be someone else's.
#include <QString>

namespace ct::app {

// sandbox.pid in the folder of `configPath`.
QString sandboxPidFileFor(const QString &configPath);

// SIGTERM to the sandbox `pidFile` names, when it still is one (does not wait for it); then
// the file goes, whatever it named: nothing is left for it to point at.
void stopSandbox(const QString &pidFile);

// A demo tray owns its sandbox: when `configPath` sits next to a sandbox.pid naming a running
// sandbox now, that sandbox is stopped and the file removed as the application quits — unless
// the file names another sandbox by then (a newer demo took the folder over). A tray on any
// other config leaves everything alone. Call once, after the QCoreApplication exists.
void stopDemoSandboxOnQuit(const QString &configPath);

} // namespace ct::app
