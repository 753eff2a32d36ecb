// `watch [--json] [--account A]… [--count N] [--timeout S]`: connect accounts, print events.
// Dispatches on each account's channel (Gotify here; OpenIM adds its branch in connectionFor).
#include "accounts/accountconnection.h"
#include "accountsupport.h"
#include "commands.h"
#include "connectivity/connectivitymonitor.h"
#include "connectivity/networkrecovery.h"
#include "gotify/gotifyconnection.h"
#include "gotify_commands.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "inbound/messagejson.h"
#include "net/heartbeatclock.h"
#include "openim/openimconnection.h"
#include "openim_commands.h"
#include "process/signalwatcher.h"
#include "refresh/tokenrefresher.h"
#include "runtime/refreshwiring.h"
#include "secrets/tokenresolver.h"
#include "status/statusapi.h"
#include "watchhistory.h"
#include "watchstatusapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

namespace ct::cli {

namespace {
AccountConnection *connectionFor(const Config &config, const AccountAddress &account, TokenResolver &tokens,
                                 InboundPipeline *pipeline, HistoryStore *history, QObject *parent, QString *error)
{
    if (account.channel == kGotifyChannel)
        return createGotifyWatchConnection(config, account, tokens, pipeline, history, parent, error);
    return createOpenImWatchConnection(config, account, tokens, pipeline, history, parent, error);
}

} // namespace

int runWatch(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per line.")});
    parser.addOption({QStringLiteral("account"),
                      QStringLiteral("Account <channel>/<id> (repeatable; default: all enabled)."),
                      QStringLiteral("A")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Exit after N messages."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Exit after S seconds (exit 3 if --count was not reached)."),
                      QStringLiteral("S")});
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    const bool json = parser.isSet(QStringLiteral("json"));
    bool ok = true;
    const int count = parser.isSet(QStringLiteral("count")) ? parser.value(QStringLiteral("count")).toInt(&ok) : 0;
    if (!ok || count < 0)
        return ctx.usageError(QStringLiteral("--count needs a positive number"));
    const double timeoutS = parser.isSet(QStringLiteral("timeout"))
                                ? parser.value(QStringLiteral("timeout")).toDouble(&ok)
                                : 0;
    if (!ok || timeoutS < 0)
        return ctx.usageError(QStringLiteral("--timeout needs a number of seconds"));

    LoadResult load;
    if (!loadConfigForCommand(ctx, load))
        return ExitFailure;
    const Config &config = load.config;
    QList<AccountAddress> accounts;
    for (const QString &text : parser.values(QStringLiteral("account"))) {
        int exitCode = ExitOk;
        const AccountAddress a = findAccount(ctx, config, text, &exitCode);
        if (!a.isValid())
            return exitCode;
        accounts << a;
    }
    if (accounts.isEmpty()) {
        if (config.gotify.enabled)
            for (const auto &a : config.gotify.accounts)
                if (a.enabled)
                    accounts << a.address();
        if (config.openim.enabled)
            for (const auto &a : config.openim.accounts)
                if (a.enabled)
                    accounts << a.address();
    }
    if (accounts.isEmpty())
        return ctx.failure(QStringLiteral("no account to watch"));

    HistoryStore history(HistoryStore::defaultPath());
    WatchHistoryReport historyReport(ctx, json, history);
    QString error;
    // A history that cannot be opened yet (read-only or full disk, locked) is tried again; the
    // accounts start once it opens, so their catch-up starts from what it holds.
    const bool historyOpen = history.open(&error);
    if (historyOpen)
        historyReport.movedAsideAtOpen();
    InboundPipeline pipeline(history, config);
    TokenResolver tokens;
    // Before `owner`, so it outlives the connections that send through it.
    QNetworkAccessManager network; // one HTTP thread for every account's catch-up, not one each
    HeartbeatClock heartbeat(std::chrono::seconds(15)); // one wake-up per period for all accounts
    QObject owner;
    QList<AccountConnection *> connections;
    for (const AccountAddress &a : accounts) {
        AccountConnection *c = connectionFor(config, a, tokens, &pipeline, &history, &owner, &error);
        if (!c)
            return ctx.failure(error);
        if (auto *gotify = qobject_cast<GotifyConnection *>(c)) {
            gotify->setHeartbeatClock(&heartbeat);
            gotify->setNetwork(&network);
        } else if (auto *im = qobject_cast<OpenImConnection *>(c)) {
            im->setHeartbeatClock(&heartbeat);
            im->setNetwork(&network);
        }
        connections << c;
    }

    // No network: waiting and failed accounts show "offline" and wait; its return (or a wake from
    // sleep) reconnects them at once, as in the tray.
    ConnectivityMonitor connectivity;
    connectivity.watchSystem();
    NetworkRecovery recovery([&connections] { return connections; }, &connectivity);
    for (AccountConnection *c : std::as_const(connections))
        recovery.track(c);

    QEventLoop loop;
    int exitCode = ExitOk;
    int printed = 0;
    auto finish = [&](int code) {
        exitCode = code;
        loop.quit();
    };
    for (AccountConnection *c : std::as_const(connections)) {
        QObject::connect(
            c, &AccountConnection::stateChanged, &loop, [&, c](AccountState state, const QString &detail) {
                if (json)
                    ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("state")},
                                                         {QStringLiteral("account"), c->address().toString()},
                                                         {QStringLiteral("state"), accountStateName(state)},
                                                         {QStringLiteral("detail"), detail}})
                                   .toJson(QJsonDocument::Compact)
                            << Qt::endl;
                else
                    ctx.out << c->address().toString() << ": " << accountStateName(state)
                            << (detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + QLatin1Char(')'))
                            << Qt::endl;
            });
    }
    // Token problems of OpenIM accounts go to the refresh recipe of the config; its outcome is
    // printed as "refresh" and "marker" lines, and a new token reconnects the account.
    TokenRefresher refresher;
    refresher.setConfig(config, ctx.configPath);
    refresher.setTokenWriter(TokenRefresher::secretStoreWriter(tokens.store()));
    auto printJson = [&](const QJsonObject &o) {
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    };
    auto connectionOf = [&](const AccountAddress &a) -> AccountConnection * {
        for (AccountConnection *c : std::as_const(connections))
            if (c->address() == a)
                return c;
        return nullptr;
    };
    wireTokenRefresh(refresher, &loop, connectionOf);
    for (AccountConnection *c : std::as_const(connections))
        if (auto *im = qobject_cast<OpenImConnection *>(c))
            refreshOnTokenProblems(refresher, im);
    QObject::connect(&refresher, &TokenRefresher::refreshSucceeded, &loop,
                     [&](const AccountAddress &a, const QString &reason) {
                         if (json)
                             printJson({{QStringLiteral("type"), QStringLiteral("refresh")},
                                        {QStringLiteral("account"), a.toString()},
                                        {QStringLiteral("reason"), reason},
                                        {QStringLiteral("result"), QStringLiteral("ok")}});
                         else
                             ctx.out << a.toString() << ": token refreshed (" << reason << ")" << Qt::endl;
                     });
    QObject::connect(&refresher, &TokenRefresher::refreshFailed, &loop,
                     [&](const AccountAddress &a, const QString &reason, const QString &error, bool terminal) {
                         if (!terminal)
                             return;
                         if (json)
                             printJson({{QStringLiteral("type"), QStringLiteral("refresh")},
                                        {QStringLiteral("account"), a.toString()},
                                        {QStringLiteral("reason"), reason},
                                        {QStringLiteral("result"), QStringLiteral("failed")},
                                        {QStringLiteral("error"), error}});
                         else
                             ctx.out << a.toString() << ": token refresh failed (" << reason << "): " << error
                                     << Qt::endl;
                     });
    QObject::connect(
        &refresher, &TokenRefresher::markerWritten, &loop, [&](const AccountAddress &a, const QString &path) {
            if (json)
                printJson({{QStringLiteral("type"), QStringLiteral("marker")},
                           {QStringLiteral("account"), a.toString()},
                           {QStringLiteral("path"), path}});
            else
                ctx.out << a.toString() << ": needs a manual login; marker written to " << path << Qt::endl;
        });

    QObject::connect(&pipeline, &InboundPipeline::delivered, &loop, [&](const InboundMessage &m) {
        if (!accounts.contains(m.account) || (count > 0 && printed >= count))
            return;
        // The same line format as `history --json`, without the direction.
        if (json)
            ctx.out << QString::fromUtf8(messageJsonLine(m, /*withDirection=*/false)) << Qt::endl;
        else
            ctx.out << messageTextLine(m) << Qt::endl;
        if (count > 0 && ++printed >= count)
            finish(ExitOk);
    });

    // channeltray.statusApi: /status, /health, /doctor, /metrics of the watched accounts.
    error.clear();
    const std::unique_ptr<StatusApi> statusApi = startWatchStatusApi(ctx.configPath, config, connections, pipeline,
                                                                     refresher, history, tokens, &error);
    if (!statusApi && !error.isEmpty())
        return ctx.failure(error);

    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] { finish(count > 0 ? ExitTimeout : ExitOk); });
    if (timeoutS > 0)
        timeout.start(int(timeoutS * 1000));

    // SIGINT/SIGTERM end the watch like --count or --timeout would.
    auto signalWatcher = std::make_unique<SignalWatcher>();
    QObject::connect(signalWatcher.get(), &SignalWatcher::signalled, &loop, [&] { finish(ExitOk); });

    historyReport.follow(pipeline, &loop);
    auto startAll = [&] {
        for (AccountConnection *c : std::as_const(connections))
            QTimer::singleShot(0, c, [c] { c->start(); });
    };
    QTimer historyRetry;
    historyRetry.setInterval(1000);
    QObject::connect(&historyRetry, &QTimer::timeout, &loop, [&] {
        QString why;
        if (!history.open(&why)) {
            historyReport.waiting(why);
            return;
        }
        historyRetry.stop(); // a file moved aside meanwhile was reported by follow()
        startAll();
    });
    if (historyOpen) {
        startAll();
    } else {
        historyReport.waiting(error);
        historyRetry.start();
    }
    loop.exec();

    signalWatcher.reset(); // default dispositions again
    for (AccountConnection *c : std::as_const(connections)) {
        c->disconnect(&loop);
        c->stop();
    }
    pipeline.flush();
    return exitCode;
}
} // namespace ct::cli
