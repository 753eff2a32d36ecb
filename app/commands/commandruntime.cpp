#include "commandruntime.h"

#include "runtime/appruntime.h"

namespace ct::cli {

void applyConfigAndWait(AppRuntime &runtime, const Config &config)
{
    awaitCallback<bool>([&runtime, &config](std::function<void(const bool &)> done) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&runtime, &AppRuntime::configApplied, &runtime, [connection, done] {
            QObject::disconnect(*connection);
            done(true);
        });
        runtime.applyConfig(config); // with every token in the config it is applied at once
    });
}

} // namespace ct::cli
