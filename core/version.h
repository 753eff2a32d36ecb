#pragma once
#include <QString>

namespace ct {
QString versionString();
}
