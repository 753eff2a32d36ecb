#pragma once
// Loads the user-interface translation built into the binary (":/i18n/channeltray_<lang>.qm").
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace ct::ui {

// `lang` from --lang ("zh_CN", "en"); empty → the system locale. Installs Qt's own translation
// too when the system has one. Returns the language actually loaded ("en" when none matched).
QString installTranslations(QCoreApplication &app, const QString &lang);

// The value of --lang in the GUI arguments ("--lang X" or "--lang=X"); empty when absent.
QString langFromArgs(const QStringList &args);

} // namespace ct::ui
