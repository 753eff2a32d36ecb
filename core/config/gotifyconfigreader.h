#pragma once
#include "configmodel.h"
#include "jsonreader.h"

namespace ct {

// Reads channels.gotify into `out`.
//
// Two forms exist side by side. The single-account form (serverUrl/appToken/clientToken
// directly under channels.gotify) is read as the account `default`. Named accounts live under
// channels.gotify.accounts.<id>. When both a single form and a named `default` exist they are
// one account, merged field by field, and the named entry wins for every field it sets.
// The one thing that cannot be merged is a different server: when both forms give a
// serverUrl and they differ, it is unclear which server `default` is, so that is reported as
// a duplicate account. Equal serverUrls (or a serverUrl given in only one form) are fine.
// Tokens differing between the forms follow "named wins" without a problem.
void readGotifyChannel(const QJsonObject &block, JsonReader &reader, GotifyChannelConfig &out);

} // namespace ct
