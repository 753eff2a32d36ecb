// `send [--account <channel>/<id>] …`: one message through one account (a Gotify one named by
// channels.gotify.defaultAccount when --account is not given), through an AppRuntime that
// starts only that account, to send and not to receive: the send dialog's path (AppRuntime::send),
// so the sent message is stored the same way. An OpenIM account sends over its live connection,
// so the command waits for it to connect first.
#include "accountsupport.h"
#include "commands.h"
#include "inbound/historystore.h"
#include "runtime/appruntime.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

namespace ct::cli {

namespace {
constexpr int kSendTimeoutMs = 30000;

// A local file behind a file:// URL or a plain path, for picture size and file size.
QString localFileFor(const QString &value)
{
    const QUrl url(value);
    const QString path = url.isLocalFile() ? url.toLocalFile() : (url.scheme().isEmpty() ? value : QString());
    return !path.isEmpty() && QFileInfo(path).isReadable() ? path : QString();
}

// `send --account gotify/<id> --text … [--title] [--priority] [--markdown] [--click-url]`; ExitOk
// when `request` is filled in, else the usage error's exit code.
int gotifyRequest(CommandContext &ctx, const QCommandLineParser &parser, SendRequest &request)
{
    request.text = parser.value(QStringLiteral("text"));
    if (request.text.isEmpty())
        return ctx.usageError(QStringLiteral("--text is required for a Gotify account"));
    request.title = parser.value(QStringLiteral("title"));
    request.markdown = parser.isSet(QStringLiteral("markdown"));
    request.clickUrl = parser.value(QStringLiteral("click-url"));
    if (parser.isSet(QStringLiteral("priority"))) {
        bool ok = false;
        request.priority = parser.value(QStringLiteral("priority")).toInt(&ok);
        if (!ok)
            return ctx.usageError(QStringLiteral("--priority needs an integer"));
    }
    return ExitOk;
}

// `send --account multi-openim/<id> --to user:<id>|group:<id> --text T | --image U | --video U | --file U`
int openImRequest(CommandContext &ctx, const QCommandLineParser &parser, SendRequest &request)
{
    request.recipient = parser.value(QStringLiteral("to"));
    if (!request.recipient.startsWith(QLatin1String("user:"))
        && !request.recipient.startsWith(QLatin1String("group:")))
        return ctx.usageError(
            QStringLiteral("--to user:<id> or --to group:<id> is required for an OpenIM account"));
    struct Choice
    {
        const char *option;
        SendRequest::Kind kind;
    };
    const Choice choices[] = {{"text", SendRequest::Kind::Text},
                              {"image", SendRequest::Kind::Picture},
                              {"video", SendRequest::Kind::Video},
                              {"file", SendRequest::Kind::File}};
    int chosen = 0;
    QString value;
    for (const Choice &c : choices) {
        if (!parser.isSet(QLatin1String(c.option)))
            continue;
        ++chosen;
        request.kind = c.kind;
        value = parser.value(QLatin1String(c.option));
    }
    if (chosen != 1 || value.isEmpty())
        return ctx.usageError(QStringLiteral("give exactly one of --text, --image, --video, --file"));
    if (request.kind == SendRequest::Kind::Text) {
        request.text = value;
    } else {
        request.url = value;
        request.localFile = localFileFor(value);
    }
    return ExitOk;
}

// What `send` prints: Gotify's message object as the server answered, or OpenIM's ids.
QJsonObject printed(const SendRequest &request, const SendResult &r)
{
    if (request.account.channel == kGotifyChannel)
        return r.answer;
    return {{"account", request.account.toString()},
            {"to", request.recipient},
            {"serverMsgID", r.serverId},
            {"clientMsgID", r.clientId},
            {"sendTime", r.time.isValid() ? r.time.toMSecsSinceEpoch() : 0}};
}

int sendThroughRuntime(CommandContext &ctx, const Config &config, const SendRequest &request)
{
    const AccountAddress &account = request.account;
    AppRuntime::Options options;
    options.configPath = ctx.configPath;
    options.accounts = {account};
    options.receive = false;
    options.requireTokens = true; // an OpenIM account without its token ends the command
    options.healthChecks = false;
    options.firstProbeDelayMs = -1;
    options.retentionFirstRunDelayMs = -1;
    AppRuntime runtime(options);
    QString historyError;
    const bool historyOpen = runtime.open(&historyError);

    QEventLoop loop;
    int exitCode = ExitFailure;
    bool sending = false;
    bool ended = false; // the first outcome decides; the stop afterwards says nothing more
    auto finished = [&](int code) {
        if (ended)
            return;
        ended = true;
        exitCode = code;
        loop.quit();
    };
    auto sendNow = [&] {
        sending = true;
        runtime.send(request, [&](const SendResult &r) {
            if (ended) // the deadline came first; the stop fails what is still pending
                return;
            if (!r.ok && account.channel == kGotifyChannel) {
                ctx.err << "channeltray send: " << account.toString() << ": " << r.error << Qt::endl;
                finished(ExitFailure);
                return;
            }
            if (!r.ok) {
                ctx.err << "channeltray send: the server refused the message: " << r.error
                        << (r.errCode ? QStringLiteral(" (errCode %1)").arg(r.errCode) : QString()) << Qt::endl;
                finished(ExitFailure);
                return;
            }
            if (!historyOpen)
                ctx.err << "channeltray send: sent, but not kept in the history: " << historyError << Qt::endl;
            ctx.out << QJsonDocument(printed(request, r)).toJson(QJsonDocument::Compact) << Qt::endl;
            finished(ExitOk);
        });
    };
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        ctx.err << "channeltray send: no answer from " << account.toString() << " within " << kSendTimeoutMs / 1000
                << " s" << Qt::endl;
        finished(ExitTimeout);
    });
    QObject::connect(&runtime, &AppRuntime::accountsFailed, &loop, [&](const QStringList &reasons) {
        for (const QString &reason : reasons)
            ctx.err << "channeltray send: " << reason << Qt::endl;
        finished(ExitFailure);
    });
    QObject::connect(&runtime, &AppRuntime::accountsStarted, &loop, [&] {
        if (account.channel == kGotifyChannel) { // over REST: no connection to wait for
            sendNow();
            return;
        }
        const AccountConnection *connection = runtime.registry().connection(account);
        auto follow = [&](AccountState state, const QString &detail) {
            if (ended)
                return;
            if (state == AccountState::Connected && !sending) {
                sendNow();
            } else if (state == AccountState::NeedsLogin || state == AccountState::Failed
                       || (state == AccountState::Backoff && !sending)) {
                ctx.err << "channeltray send: " << account.toString()
                        << " could not connect: " << (detail.isEmpty() ? accountStateName(state) : detail)
                        << Qt::endl;
                finished(ExitFailure);
            }
        };
        QObject::connect(connection, &AccountConnection::stateChanged, &loop, follow);
        follow(connection->state(), connection->detail());
    });
    deadline.start(kSendTimeoutMs);
    runtime.applyConfig(config);
    if (!ended) // tokens all in the config: applyConfig may have ended it already
        loop.exec();
    runtime.stop();
    return exitCode;
}
} // namespace

int runSend(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("account"), QStringLiteral("Account <channel>/<id>."), QStringLiteral("A")});
    // Gotify
    parser.addOption({QStringLiteral("text"), QStringLiteral("Message text."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("Title (Gotify)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("priority"), QStringLiteral("Priority (Gotify; default: the account's)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("markdown"), QStringLiteral("Send as text/markdown (Gotify).")});
    parser.addOption(
        {QStringLiteral("click-url"), QStringLiteral("URL opened on click (Gotify)."), QStringLiteral("U")});
    // OpenIM
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("user:<id> | group:<id> (OpenIM)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("image"), QStringLiteral("Image URL (OpenIM)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("video"), QStringLiteral("Video URL (OpenIM)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("File URL (OpenIM)."), QStringLiteral("URL")});
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    LoadResult load;
    if (!loadConfigForCommand(ctx, load))
        return ExitFailure;
    // Without --account, channels.gotify.defaultAccount (as the plugin picks it); OpenIM has no
    // default: its accounts are always named.
    QString wanted = parser.value(QStringLiteral("account"));
    if (!parser.isSet(QStringLiteral("account"))) {
        if (load.config.gotify.defaultAccount.isEmpty())
            return ctx.usageError(
                QStringLiteral("--account <channel>/<id> is required (or set channels.gotify.defaultAccount)"));
        wanted = AccountAddress{kGotifyChannel, load.config.gotify.defaultAccount}.toString();
    }
    int exitCode = ExitOk;
    SendRequest request;
    request.account = findAccount(ctx, load.config, wanted, &exitCode);
    if (!request.account.isValid())
        return exitCode;
    exitCode = request.account.channel == kGotifyChannel ? gotifyRequest(ctx, parser, request)
                                                         : openImRequest(ctx, parser, request);
    if (exitCode != ExitOk)
        return exitCode;
    return sendThroughRuntime(ctx, load.config, request);
}

} // namespace ct::cli
