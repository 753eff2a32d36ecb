#pragma once
// The executable's side of moduleentry.h: finds one of its libraries relative to this program
// (the same relative path in the build tree and in an installed package), loads it and returns
// the entry point named `symbol`; nullptr with `error` set when the library or the symbol is
// missing.
#include "moduleentry.h"

namespace ct::app {

enum class Module { Tray, Commands };

// Where `module` is for the program at `programPath` (this one when empty).
QString modulePath(Module module, const QString &programPath = {});
// Never unloaded: what the library made lives until the process ends.
QFunctionPointer loadEntry(Module module, const char *symbol, QString *error);

} // namespace ct::app
