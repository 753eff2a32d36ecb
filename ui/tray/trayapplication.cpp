#include "trayapplication.h"

#include "logging/logging.h"

#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QSystemTrayIcon>

namespace ct::ui {

int runTrayApplication(QApplication &app, const QString &configPath, const QStringList &guiArgs)
{
    Q_UNUSED(guiArgs);
    app.setQuitOnLastWindowClosed(false);
    const QIcon icon(QStringLiteral(":/channeltray/icons/channeltray.svg"));
    app.setWindowIcon(icon);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        QMessageBox::warning(nullptr, QObject::tr("ChannelTray"),
                             QObject::tr("No system tray was found on this desktop."));
        return 1;
    }
    QSystemTrayIcon tray(icon);
    QMenu menu;
    menu.addAction(QObject::tr("Quit"), &app, &QApplication::quit);
    tray.setContextMenu(&menu);
    tray.setToolTip(QObject::tr("ChannelTray — %1").arg(configPath));
    tray.show();
    qCInfo(lcUi) << "tray started with config" << configPath;
    return app.exec();
}

} // namespace ct::ui
