#include "commandcontext.h"

#include <QStandardPaths>

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
    const QString fromEnv = qEnvironmentVariable("CHANNELTRAY_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/channeltray/config.json");
}

} // namespace ct::cli
