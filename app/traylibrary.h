#pragma once
// The executable's side of trayentry.h: finds the tray library relative to this program (the
// same relative path in the build tree and in an installed package), loads it and returns the
// entry point named `symbol`; nullptr with `error` set when the library or the symbol is missing.
#include "trayentry.h"

namespace ct::app {

// Where the tray library is for the program at `programPath` (this one when empty).
QString trayLibraryPath(const QString &programPath = {});
TrayEntry loadTrayEntry(const char *symbol, QString *error);

} // namespace ct::app
