#pragma once
#include "trayservices.h"

#include <QApplication>
#include <QStringList>

namespace ct {
class AppRuntime;
}

namespace ct::ui {
// Builds the tray and the windows over the runtime's accounts, then runs the event loop.
// A second launch only asks the running instance to show its window, and returns 0.
int runTrayApplication(QApplication &app, AppRuntime &runtime, const QStringList &guiArgs, TrayServices services);
} // namespace ct::ui
