#pragma once
#include "configmodel.h"
#include "jsonreader.h"

class QRegularExpression;

namespace ct {

// Reads channels.multi-openim.tokenRefresh (found at `path`) into `out`, recording problems in
// `reader`. What is absent keeps the defaults of TokenRefreshConfig.
void readTokenRefresh(const QJsonObject &block, const QString &path, JsonReader &reader, TokenRefreshConfig &out);

// The placeholders of refresh recipes: {accountId}, {reason} and {state.<field>} (the state
// file's field for the account). Shared by the reader (which checks an endpoint as it will be
// once filled in) and the refresh jobs (which fill them in).
const QRegularExpression &refreshPlaceholderPattern();

QString refreshModeName(RefreshMode mode);
std::optional<RefreshMode> refreshModeFromName(const QString &name);

} // namespace ct
