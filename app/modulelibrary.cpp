#include "modulelibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

namespace ct::app {

QString modulePath(Module module, const QString &programPath)
{
    // Before any QCoreApplication exists (each library makes its own), so not
    // applicationDirPath(): the kernel's link to this program, symlinks resolved.
    const QString program = programPath.isEmpty() ? QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))
                                                  : programPath;
    const QString fromBin = module == Module::Tray ? QStringLiteral(CHANNELTRAY_TRAY_LIBRARY_FROM_BIN)
                                                   : QStringLiteral(CHANNELTRAY_CLI_LIBRARY_FROM_BIN);
    return QDir::cleanPath(QFileInfo(program).absolutePath() + QLatin1Char('/') + fromBin);
}

QFunctionPointer loadEntry(Module module, const char *symbol, QString *error)
{
    QLibrary library(modulePath(module));
    if (!library.load()) {
        *error = library.errorString();
        return nullptr;
    }
    QFunctionPointer entry = library.resolve(symbol);
    if (!entry)
        *error = library.errorString();
    return entry;
}

} // namespace ct::app
