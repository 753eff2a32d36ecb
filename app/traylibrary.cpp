#include "traylibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

namespace ct::app {

QString trayLibraryPath(const QString &programPath)
{
    // Before any QCoreApplication exists (the tray makes its QApplication in the library), so
    // not applicationDirPath(): the kernel's link to this program, symlinks resolved.
    const QString program = programPath.isEmpty() ? QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))
                                                  : programPath;
    return QDir::cleanPath(QFileInfo(program).absolutePath() + QLatin1Char('/')
                           + QStringLiteral(CHANNELTRAY_TRAY_LIBRARY_FROM_BIN));
}

TrayEntry loadTrayEntry(const char *symbol, QString *error)
{
    // Never unloaded: the tray's objects live until the process ends.
    QLibrary library(trayLibraryPath());
    if (!library.load()) {
        *error = library.errorString();
        return nullptr;
    }
    auto entry = reinterpret_cast<TrayEntry>(library.resolve(symbol));
    if (!entry)
        *error = library.errorString();
    return entry;
}

} // namespace ct::app
