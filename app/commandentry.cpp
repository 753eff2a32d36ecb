// The commands' library's one entry point (moduleentry.h): the only symbol it exports.
#include "cli.h"
#include "eventloop/glibepollhook.h"
#include "moduleentry.h"
#include "net/systemproxy.h"

#include <QCoreApplication>

extern "C" Q_DECL_EXPORT int channeltray_run_command(const ct::app::CommandLaunch &launch)
{
    ct::installSystemProxy(); // the system's proxy for servers, never for loopback ones
    QCoreApplication app(*launch.argc, launch.argv);
    ct::GlibEpollHook epoll; // `watch` with many accounts: a wake-up costs the ready sockets
    return ct::cli::runCommand(*launch.invocation, *launch.out, *launch.err, *launch.in);
}
