#include "exposedfiles.h"

#include "config/inlinesecrets.h"
#include "config/userpath.h"
#include "manualloginmarker.h"

namespace ct {

QStringList exposedRefreshFileWarnings(const OpenImChannelConfig &openim)
{
    QStringList warnings;
    const TokenRefreshConfig &refresh = openim.tokenRefresh;
    if (!refresh.http.stateFile.isEmpty()) {
        const QString path = expandUserPath(refresh.http.stateFile);
        if (const QString mode = readableByOthersMode(path); !mode.isEmpty())
            warnings << QStringLiteral("%1 (tokenRefresh.http.stateFile) holds refresh tokens and others can read "
                                       "it (mode %2): run `chmod 600 %1`")
                            .arg(path, mode);
    }
    if (!refresh.manualLoginMarkerPath.isEmpty())
        for (const OpenImAccountConfig &account : openim.accounts) {
            const QString path = ManualLoginMarker::pathFor(refresh.manualLoginMarkerPath, account.id);
            if (const QString mode = readableByOthersMode(path); !mode.isEmpty())
                warnings << QStringLiteral("%1 (the manual-login marker of %2) says why the account's token "
                                           "could not be renewed, and others can read it (mode %3): run "
                                           "`chmod 600 %1`")
                                .arg(path, account.address().toString(), mode);
        }
    return warnings;
}

} // namespace ct
