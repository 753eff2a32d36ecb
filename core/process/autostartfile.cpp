#include "autostartfile.h"

#include "config/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace ct {

namespace {
QString quotedExec(const QString &command)
{
    // Desktop Entry spec: quote arguments containing reserved characters.
    if (!command.contains(QLatin1Char(' ')) && !command.contains(QLatin1Char('"')))
        return command;
    QString escaped = command;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}
} // namespace

AutostartFile::AutostartFile(QString directory, QString command)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory)), m_command(std::move(command))
{
}

QString AutostartFile::defaultDirectory()
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base = xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg;
    return base + QStringLiteral("/autostart");
}

QString AutostartFile::commandFor(const QString &executable)
{
    const QString name = QStringLiteral("channeltray");
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty() && QFileInfo(onPath).canonicalFilePath() == QFileInfo(executable).canonicalFilePath())
        return name;
    return executable;
}

QString AutostartFile::filePath() const
{
    return m_directory + QStringLiteral("/org.channeltray.ChannelTray.desktop");
}

QString AutostartFile::legacyFilePath() const
{
    return m_directory + QStringLiteral("/channeltray.desktop");
}

bool AutostartFile::isEnabled() const
{
    return QFile::exists(filePath()) || QFile::exists(legacyFilePath());
}

bool AutostartFile::setEnabled(bool enabled, QString *error)
{
    if (!enabled) {
        for (const QString &path : {filePath(), legacyFilePath()}) {
            if (!QFile::exists(path) || QFile::remove(path))
                continue;
            if (error)
                *error = QCoreApplication::translate("ct::AutostartFile", "Could not remove %1.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QCoreApplication::translate("ct::AutostartFile", "Could not create %1.").arg(m_directory);
        return false;
    }
    const QString command = m_command.isEmpty() ? commandFor(QCoreApplication::applicationFilePath()) : m_command;
    const QString text = QStringLiteral("[Desktop Entry]\n"
                                        "Type=Application\n"
                                        "Name=ChannelTray\n"
                                        "Comment=OpenIM and Gotify accounts in the system tray\n"
                                        "Exec=%1\n"
                                        "Icon=org.channeltray.ChannelTray\n"
                                        "Terminal=false\n"
                                        "X-GNOME-Autostart-enabled=true\n")
                             .arg(quotedExec(command));
    QString why;
    if (writeFileAtomically(filePath(), text.toUtf8(), &why)) {
        QFile::remove(legacyFilePath()); // this entry replaces an older version's
        return true;
    }
    if (error)
        *error = QCoreApplication::translate("ct::AutostartFile", "Could not turn on start at login: %1").arg(why);
    return false;
}

} // namespace ct
