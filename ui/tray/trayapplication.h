#pragma once
#include <QApplication>
#include <QStringList>

namespace ct::ui {
// Builds the tray, the windows and the account connections, then runs the event loop.
int runTrayApplication(QApplication &app, const QString &configPath, const QStringList &guiArgs);
} // namespace ct::ui
