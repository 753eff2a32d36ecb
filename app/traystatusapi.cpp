#include "traystatusapi.h"

#include "logging/logging.h"
#include "runtime/appruntime.h"
#include "status/statusapi.h"

#include <QCoreApplication>

namespace ct::app {

StatusApi *attachStatusApi(AppRuntime &runtime)
{
    AccountRegistry &registry = runtime.registry();
    StatusBoard::Sources sources;
    sources.accounts = [&registry] { return registry.addresses(); };
    sources.connection = [&registry](const AccountAddress &a) { return registry.connection(a); };
    sources.enabled = [&registry](const AccountAddress &a) {
        const int row = registry.rowOf(a);
        return row >= 0 && registry.index(row).data(AccountRegistry::EnabledRole).toBool();
    };
    sources.unread = [&registry](const AccountAddress &a) { return registry.unread(a); };
    sources.server = [&runtime](const AccountAddress &a) { return StatusBoard::serverOf(runtime.config(), a); };
    sources.lastStoredAt = [&runtime](const AccountAddress &a) {
        return StatusBoard::newestStoredAt(runtime.history(), a);
    };

    auto *api = new StatusApi(sources, &runtime);
    api->board().observe(registry);
    api->board().observe(runtime.pipeline());
    api->board().observe(runtime.refresher());
    QObject::connect(&runtime, &AppRuntime::accountsStarted, api, [api, &runtime] {
        api->setDoctor({QCoreApplication::applicationFilePath(), runtime.configPath()});
        api->applyConfig(runtime.config(), &runtime.tokens(), [&runtime](bool ok, const QString &error) {
            if (!ok)
                runtime.reportProblem(
                    QCoreApplication::translate("ct::app::StatusApi", "The status endpoint is off: %1")
                        .arg(error));
        });
    });
    return api;
}

} // namespace ct::app
