// channeltray history [--account A] [--session K] [--limit N] [--json]
// Reads the durable history ($XDG_DATA_HOME/channeltray/history.sqlite) without creating or
// migrating it, and prints the newest N messages oldest first: JSON lines in the
// `watch --json` message format plus "direction", or one readable line per message. The
// history is the runtime's, opened read-only through it (AppRuntime::openReadOnly).
#include "commands.h"
#include "inbound/historystore.h"
#include "inbound/messagejson.h"
#include "runtime/appruntime.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>

namespace ct::cli {

namespace {
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 1000000;
} // namespace

int runHistory(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Read the durable message history."));
    const QCommandLineOption accountOption(
        QStringLiteral("account"), QStringLiteral("only this account (<channel>/<id>)"), QStringLiteral("A"));
    const QCommandLineOption sessionOption(QStringLiteral("session"), QStringLiteral("only this session key"),
                                           QStringLiteral("K"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("newest N messages (default %1)").arg(kDefaultLimit),
                                         QStringLiteral("N"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("one JSON object per line"));
    parser.addOptions({accountOption, sessionOption, limitOption, jsonOption});
    parser.addHelpOption();
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    HistoryQuery query;
    query.limit = kDefaultLimit;
    if (parser.isSet(limitOption)) {
        bool ok = false;
        const int limit = parser.value(limitOption).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return ctx.usageError(QStringLiteral("--limit expects a number from 1 to %1, got \"%2\"")
                                      .arg(kMaxLimit)
                                      .arg(parser.value(limitOption)));
        query.limit = limit;
    }
    if (parser.isSet(accountOption)) {
        query.account = AccountAddress::parse(parser.value(accountOption));
        if (!query.account.isValid())
            return ctx.usageError(QStringLiteral("--account expects <channel>/<id>, e.g. gotify/ops, got \"%1\"")
                                      .arg(parser.value(accountOption)));
    }
    query.sessionKey = parser.value(sessionOption);
    const bool json = parser.isSet(jsonOption);

    AppRuntime runtime(AppRuntime::Options::offline(ctx.configPath));
    const HistoryStore &store = runtime.history();
    if (!QFileInfo::exists(store.path())) {
        if (!json)
            ctx.err << "no history yet (" << store.path() << ")" << Qt::endl;
        return ExitOk;
    }
    QString error;
    if (!runtime.openReadOnly(&error))
        return ctx.failure(error);

    QList<HistoryRecord> records = store.query(query, &error);
    if (!error.isEmpty())
        return ctx.failure(QStringLiteral("cannot read %1: %2").arg(store.path(), error));
    std::reverse(records.begin(), records.end()); // oldest first, like a log
    for (const HistoryRecord &r : records) {
        if (json)
            ctx.out << QString::fromUtf8(messageJsonLine(r.message)) << '\n';
        else
            ctx.out << messageTextLine(r.message) << '\n';
    }
    ctx.out.flush();
    return ExitOk;
}

} // namespace ct::cli
