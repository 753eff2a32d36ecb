#pragma once
// The files token refresh keeps owner-only (written 0600) that group or others can read all the
// same (made by hand, by another program, or by an older ChannelTray): the state file, which
// holds refresh tokens, and each account's manual-login marker. `doctor` warns about each.
#include "config/configmodel.h"

#include <QStringList>

namespace ct {

// One warning per such file, with its mode and the fix ("run `chmod 600 <path>`"); never a
// value from the file.
QStringList exposedRefreshFileWarnings(const OpenImChannelConfig &openim);

} // namespace ct
