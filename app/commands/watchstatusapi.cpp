#include "watchstatusapi.h"

#include "accounts/accountconnection.h"
#include "inbound/historystore.h"
#include "status/statusapi.h"
#include "status/statusapidoctor.h"

#include <QCoreApplication>

namespace ct::cli {

std::unique_ptr<StatusApi> startWatchStatusApi(const QString &configPath, const Config &config,
                                               const QList<AccountConnection *> &connections,
                                               InboundPipeline &pipeline, TokenRefresher &refresher,
                                               HistoryStore &history, TokenResolver &tokens, QString *error)
{
    QList<ConfigProblem> problems;
    const StatusApiSettings settings = readStatusApiSettings(config, &problems);
    if (!problems.isEmpty()) {
        *error = QStringLiteral("status API: %1").arg(problemStrings(problems).join(QStringLiteral("; ")));
        return nullptr;
    }
    if (!settings.enabled)
        return nullptr;
    QString token;
    if (!resolveStatusApiToken(config, tokens, &token, error))
        return nullptr;

    StatusBoard::Sources sources;
    sources.accounts = [connections] {
        QList<AccountAddress> out;
        for (AccountConnection *c : connections)
            out << c->address();
        return out;
    };
    sources.connection = [connections](const AccountAddress &a) -> AccountConnection * {
        for (AccountConnection *c : connections)
            if (c->address() == a)
                return c;
        return nullptr;
    };
    sources.enabled = [](const AccountAddress &) { return true; }; // watch runs what it was asked to
    sources.unread = [&history](const AccountAddress &a) { return history.unreadCount(a); };
    sources.server = [config](const AccountAddress &a) { return StatusBoard::serverOf(config, a); };
    sources.lastStoredAt = [&history](const AccountAddress &a) { return StatusBoard::newestStoredAt(history, a); };

    auto api = std::make_unique<StatusApi>(sources);
    api->board().observe(pipeline);
    api->board().observe(refresher);
    for (AccountConnection *c : connections)
        api->board().observe(c);
    api->setDoctor({QCoreApplication::applicationFilePath(), configPath});
    if (!api->apply(settings, token, error)) {
        *error = QStringLiteral("status API: cannot listen on %1: %2").arg(settings.listen, *error);
        return nullptr;
    }
    return api;
}

} // namespace ct::cli
