#include "democommand.h"

#include "commands/commandcontext.h"
#include "common/singleinstance.h"
#include "firstrun/demostarter.h"
#include "traywiring.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QObject>

#include <optional>

namespace ct::app {

namespace {
// A running tray would only be raised by the demo tray, which would then leave its sandbox behind.
bool trayRunning()
{
    QLocalSocket probe;
    probe.connectToServer(ui::SingleInstance::defaultName());
    const bool running = probe.waitForConnected(500);
    probe.abort();
    return running;
}
} // namespace

int runDemoCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (!args.isEmpty()) {
        err << "channeltray demo: unexpected argument \"" << args.first() << "\"" << Qt::endl;
        return cli::ExitUsage;
    }
    if (trayRunning()) {
        err << "channeltray demo: ChannelTray is already running; quit it first, or use its "
               "\"Try the demo\""
            << Qt::endl;
        return cli::ExitFailure;
    }
    QObject owner;
    std::optional<int> result; // set by the first report that ends the command
    auto finish = [&result](int code) {
        if (!result) {
            result = code;
            QCoreApplication::exit(code); // (no effect before exec(): checked below)
        }
    };
    ui::DemoHooks hooks;
    hooks.report = [&](const ui::DemoEvent &event) {
        if (event.isError()) {
            err << "channeltray demo: " << ui::DemoStarter::describe(event) << Qt::endl;
            finish(cli::ExitFailure);
        } else {
            out << ui::DemoStarter::describe(event) << Qt::endl;
        }
    };
    hooks.releaseInstance = [] {};
    hooks.reacquireInstance = [] {};
    hooks.quit = [&] {
        out << "The demo tray is running; quitting it (from its menu) stops the demo servers." << Qt::endl;
        finish(cli::ExitOk);
    };
    demoLauncher (&owner)(hooks);
    if (result)
        return *result;
    return QCoreApplication::exec();
}

} // namespace ct::app
