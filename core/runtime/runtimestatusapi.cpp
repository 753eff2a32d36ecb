#include "runtimestatusapi.h"

#include "appruntime.h"
#include "status/statusapi.h"
#include "status/statusapidoctor.h"

#include <QCoreApplication>
#include <memory>

namespace ct {

StatusApi *attachStatusApi(AppRuntime &runtime, StatusApiApplied applied)
{
    const AccountRegistry &registry = runtime.registry();
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
    auto configured = std::make_shared<bool>(false);
    QObject::connect(&runtime, &AppRuntime::configApplied, api, [api, &runtime, applied, configured] {
        *configured = true;
        api->setDoctor({QCoreApplication::applicationFilePath(), runtime.configPath()});
        api->applyConfig(runtime.config(), &runtime.tokens(), applied);
    });
    // A bearer token kept in the keychain follows it (stored, changed or removed later).
    QObject::connect(&runtime, &AppRuntime::keychainChanged, api, [api, &runtime, applied, configured] {
        if (*configured)
            api->followKeychain(runtime.config(), &runtime.tokens(), applied);
    });
    return api;
}

StatusApiReport inspectStatusApi(AppRuntime &runtime)
{
    return inspectStatusApi(runtime.config(), runtime.tokens());
}

} // namespace ct
