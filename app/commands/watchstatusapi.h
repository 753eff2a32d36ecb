#pragma once
// `watch` serves the status API (core/status) when channeltray.statusApi is on: the accounts it
// watches, its pipeline and refresher counted, doctor run as this same program.
#include "config/configmodel.h"

#include <QList>
#include <memory>

namespace ct {
class AccountConnection;
class HistoryStore;
class InboundPipeline;
class StatusApi;
class TokenRefresher;
class TokenResolver;
} // namespace ct

namespace ct::cli {

// nullptr and an empty *error when the endpoint is off; nullptr and *error when it should run
// but cannot (address in use, keychain not answering): `watch` then fails rather than run
// without what the operator asked for.
std::unique_ptr<StatusApi> startWatchStatusApi(const QString &configPath, const Config &config,
                                               const QList<AccountConnection *> &connections,
                                               InboundPipeline &pipeline, TokenRefresher &refresher,
                                               HistoryStore &history, TokenResolver &tokens, QString *error);

} // namespace ct::cli
