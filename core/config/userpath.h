#pragma once
#include <QString>

namespace ct {

// "~" and "~/…" become the user's home directory; every other path is returned unchanged
// ("~user/…" is not expanded).
QString expandUserPath(const QString &path);

} // namespace ct
