#pragma once
#include "configmodel.h"
#include "jsonreader.h"

namespace ct {

// Reads channels.multi-openim.tokenRefresh (found at `path`) into `out`, recording problems in
// `reader`. What is absent keeps the defaults of TokenRefreshConfig.
void readTokenRefresh(const QJsonObject &block, const QString &path, JsonReader &reader,
                      TokenRefreshConfig &out);

QString refreshModeName(RefreshMode mode);
std::optional<RefreshMode> refreshModeFromName(const QString &name);

} // namespace ct
