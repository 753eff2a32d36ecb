#pragma once
// The About box of the tray menu: the name, the version (the one CMakeLists.txt sets, through
// QCoreApplication::applicationVersion()), what the application is for, and its home page.
#include <QString>

class QWidget;

namespace ct::ui {

// The box's rich text, for `version`.
QString aboutText(const QString &version);
// Shows it (modal, over `parent`).
void showAboutBox(QWidget *parent);

} // namespace ct::ui
