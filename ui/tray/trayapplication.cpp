#include "trayapplication.h"

#include "appcontroller.h"
#include "common/logo.h"
#include "common/messagebox.h"
#include "common/resources.h"
#include "common/singleinstance.h"
#include "common/translations.h"
#include "logging/logging.h"
#include "mainwindow/mainwindow.h"
#include "process/autostartfile.h"
#include "runtime/appruntime.h"

namespace ct::ui {

int runTrayApplication(QApplication &app, AppRuntime &runtime, const QStringList &guiArgs, TrayServices services)
{
    initResources();
    const QString lang = installTranslations(app, langFromArgs(guiArgs));
    app.setQuitOnLastWindowClosed(false);
    app.setWindowIcon(logoIcon());

    SingleInstance instance; // SingleInstance::defaultName()
    if (!instance.start())
        return 0;

    MessageBox messageBox;
    AutostartFile autostart;
    AppController controller(runtime, std::move(services), &messageBox, &autostart);
    controller.setSingleInstance(&instance);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &controller,
                     [&controller] { controller.mainWindow()->bringToFront(); });
    QObject::connect(&controller, &AppController::quitRequested, &app, &QApplication::quit);
    controller.start();
    qCInfo(lcUi) << "tray started with config" << runtime.configPath() << "language" << lang;
    return app.exec();
}

} // namespace ct::ui
