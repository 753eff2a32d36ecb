#include "commandcontext.h"

#include "config/configlocation.h"

namespace ct::cli {

int CommandContext::usageError(const QString &reason) const
{
    err << args.value(0, QStringLiteral("channeltray")) << ": " << reason << Qt::endl;
    return ExitUsage;
}

int CommandContext::failure(const QString &reason) const
{
    err << args.value(0, QStringLiteral("channeltray")) << ": " << reason << Qt::endl;
    return ExitFailure;
}

QString defaultConfigPath()
{
    return resolveConfigLocation({}, qEnvironmentVariable("CHANNELTRAY_CONFIG")).path;
}

} // namespace ct::cli
