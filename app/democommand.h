#pragma once
// channeltray demo: what the tray's "Try the demo" does, from a terminal. Starts the installed (or
// built) channeltray-sandbox, waits for the config it writes, and starts a tray on that config
// with a history of its own; quitting that tray stops the sandbox. Reports each step on `out`,
// a failure on `err`; returns once the demo tray runs (0) or the demo failed (1).
#include <QTextStream>

namespace ct::app {

int runDemoCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace ct::app
