#include "traystatusapi.h"

#include "runtime/appruntime.h"
#include "runtime/runtimestatusapi.h"

#include <QCoreApplication>

namespace ct::app {

StatusApi *attachStatusApi(AppRuntime &runtime)
{
    return ct::attachStatusApi(runtime, [&runtime](bool ok, const QString &error) {
        if (!ok)
            runtime.reportProblem(
                QCoreApplication::translate("ct::app::StatusApi", "The status endpoint is off: %1").arg(error));
    });
}

} // namespace ct::app
