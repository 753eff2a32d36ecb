#pragma once
// Fills the tray's services from the running core: test sends through the accounts' own
// connections, "Test connection" probes for the account editor.
#include "trayservices.h"

namespace ct {
class AppRuntime;
}

namespace ct::app {

ui::TrayServices trayServicesFor(AppRuntime &runtime);

} // namespace ct::app
