#include "version.h"

namespace ct {
QString versionString()
{
    return QStringLiteral(CHANNELTRAY_VERSION);
}
} // namespace ct
