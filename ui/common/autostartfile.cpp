#include "autostartfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace ct::ui {

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
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory)),
      m_command(std::move(command))
{
}

QString AutostartFile::defaultDirectory()
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base = xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg;
    return base + QStringLiteral("/autostart");
}

QString AutostartFile::filePath() const
{
    return m_directory + QStringLiteral("/channeltray.desktop");
}

bool AutostartFile::isEnabled() const
{
    return QFile::exists(filePath());
}

bool AutostartFile::setEnabled(bool enabled, QString *error)
{
    if (!enabled) {
        if (!QFile::exists(filePath()) || QFile::remove(filePath()))
            return true;
        if (error)
            *error = QCoreApplication::translate("ct::ui::AutostartFile", "Could not remove %1.")
                         .arg(filePath());
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QCoreApplication::translate("ct::ui::AutostartFile", "Could not create %1.")
                         .arg(m_directory);
        return false;
    }
    const QString command = m_command.isEmpty() ? QCoreApplication::applicationFilePath() : m_command;
    QSaveFile file(filePath());
    if (file.open(QIODevice::WriteOnly)) {
        const QString text = QStringLiteral("[Desktop Entry]\n"
                                            "Type=Application\n"
                                            "Name=ChannelTray\n"
                                            "Comment=OpenIM and Gotify accounts in the system tray\n"
                                            "Exec=%1\n"
                                            "Icon=channeltray\n"
                                            "Terminal=false\n"
                                            "X-GNOME-Autostart-enabled=true\n")
                                 .arg(quotedExec(command));
        file.write(text.toUtf8());
        if (file.commit())
            return true;
    }
    if (error)
        *error = QCoreApplication::translate("ct::ui::AutostartFile", "Could not write %1: %2")
                     .arg(filePath(), file.errorString());
    return false;
}

} // namespace ct::ui
