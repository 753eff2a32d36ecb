#pragma once
// Fills the tray's services from the running core: test sends through the accounts' own
// connections, "Test connection" probes for the account editor.
#include "trayservices.h"

namespace ct {
class AppRuntime;
}

namespace ct::app {

ui::TrayServices trayServicesFor(AppRuntime &runtime);

// Where "Try the demo" finds its programs and puts its files; empty fields take the defaults:
// the sandbox next to this binary (build tree <build>/app/channeltray and
// <build>/tests/servers/sandbox/channeltray-sandbox, or the same folder once installed), the
// folder <$XDG_RUNTIME_DIR or temp>/channeltray-demo, and this program for the relaunch.
struct DemoPaths
{
    QString sandbox;
    QString demoDir;
    QString program;
};
// Starts the sandbox (detached: it outlives this process) with --write-config
// <demoDir>/config.json, waits for the config, then starts `program --config <that path>` with
// XDG_DATA_HOME=<demoDir>/data (the demo keeps its history apart) and asks this one to quit.
// A sandbox left by an earlier demo run is stopped first; the demo tray stops its own when it
// quits (stopDemoSandboxOnQuit, demosandbox.h).
std::function<void(const ui::DemoHooks &)> demoLauncher(QObject *owner, const DemoPaths &paths = {});

} // namespace ct::app
