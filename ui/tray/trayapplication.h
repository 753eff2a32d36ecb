#pragma once
#include "trayservices.h"

#include <QApplication>
#include <QStringList>

namespace ct::ui {
// Builds the tray, the windows and the account connections, then runs the event loop.
// A second launch only asks the running instance to show its window, and returns 0.
int runTrayApplication(QApplication &app, const QString &configPath, const QStringList &guiArgs);
int runTrayApplication(QApplication &app, const QString &configPath, const QStringList &guiArgs,
                       TrayServices services);
} // namespace ct::ui
