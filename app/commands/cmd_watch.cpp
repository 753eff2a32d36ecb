// `watch [--json] [--account A]… [--count N] [--timeout S]`: a front end over AppRuntime, as
// the tray is: the runtime connects the accounts (only those asked for, each receiving), waits
// for the history, refreshes tokens and serves the status API; this prints what happens.
#include "accountsupport.h"
#include "commands.h"
#include "inbound/historystore.h"
#include "process/signalwatcher.h"
#include "runtime/appruntime.h"
#include "runtime/runtimestatusapi.h"
#include "watchhistory.h"
#include "watchoutput.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace ct::cli {

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

    AppRuntime::Options options;
    options.configPath = ctx.configPath;
    options.accounts = accounts;
    options.forceInbound = true; // watch was asked for explicitly
    // A run killed after storing a batch and before printing it: the next run prints it.
    options.deliveryConsumer = QStringLiteral("watch");
    options.requireTokens = true; // an account it cannot watch is an error, not a line
    // A history that cannot be opened yet (read-only or full disk, locked) is tried again; the
    // accounts start once it opens, so their catch-up starts from what it holds.
    options.historyRetryMs = 1000;
    options.healthChecks = false;
    // No network: waiting and failed accounts show "offline" and wait; its return (or a wake from
    // sleep) reconnects them at once, as in the tray.
    options.followNetwork = true;
    AppRuntime runtime(options);

    QEventLoop loop;
    int exitCode = ExitOk;
    bool finished = false;
    auto finish = [&](int code) {
        if (finished)
            return;
        finished = true;
        exitCode = code;
        loop.quit();
    };
    // The lifetime of what prints: it ends before the runtime stops the accounts.
    auto printing = std::make_unique<QObject>();
    WatchOutput output(ctx, json);
    output.follow(runtime, printing.get());
    int printed = 0;
    QObject::connect(&runtime, &AppRuntime::messageDelivered, &loop, [&](const InboundMessage &m) {
        if (count > 0 && printed >= count)
            return;
        output.message(m);
        if (count > 0 && ++printed >= count)
            finish(ExitOk);
    });
    QObject::connect(&runtime, &AppRuntime::accountsFailed, &loop, [&](const QStringList &reasons) {
        for (const QString &reason : reasons)
            ctx.failure(reason);
        finish(ExitFailure);
    });

    WatchHistoryReport historyReport(ctx, json, runtime.history());
    QString error;
    const bool historyOpen = runtime.open(&error);
    if (historyOpen)
        historyReport.movedAsideAtOpen();
    historyReport.follow(runtime, &loop);
    if (!historyOpen)
        historyReport.waiting(error);
    QObject::connect(&runtime, &AppRuntime::historyWaiting, &loop,
                     [&](const QString &reason) { historyReport.waiting(reason); });

    // channeltray.statusApi: /status, /health, /doctor, /metrics of the watched accounts; an
    // endpoint asked for that cannot start ends the watch rather than run without it. One that
    // stops later (its keychain token removed: it fails closed) is reported and the accounts go
    // on: ending would let a restart (systemd) serve it without the token it asked.
    bool statusApplied = false;
    attachStatusApi(runtime, [&](bool ok, const QString &why) {
        if (ok) {
            statusApplied = true;
            return;
        }
        if (statusApplied) {
            ctx.err << "channeltray watch: status API: " << why << Qt::endl;
            return;
        }
        ctx.failure(QStringLiteral("status API: %1").arg(why));
        finish(ExitFailure);
    });

    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] { finish(count > 0 ? ExitTimeout : ExitOk); });
    if (timeoutS > 0)
        timeout.start(int(timeoutS * 1000));

    // SIGINT/SIGTERM end the watch like --count or --timeout would.
    auto signalWatcher = std::make_unique<SignalWatcher>();
    QObject::connect(signalWatcher.get(), &SignalWatcher::signalled, &loop, [&] { finish(ExitOk); });

    runtime.applyConfig(config);
    loop.exec();

    signalWatcher.reset(); // default dispositions again
    printing.reset();      // no state lines for the stops below
    runtime.stop();        // what the pipeline still holds is stored (and printed)
    return exitCode;
}
} // namespace ct::cli
