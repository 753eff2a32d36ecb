#include "openim_commands.h"

#include "inbound/historystore.h"
#include "inbound/sentmessage.h"
#include "openim/openimconnection.h"
#include "secrets/tokenresolver.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

namespace ct::cli {

namespace {
constexpr int kSendTimeoutMs = 30000;

QString resolveToken(const Config &config, const AccountAddress &account, TokenResolver &tokens, QString *error)
{
    const ResolvedToken t = tokens.resolveBlocking(config, account, QStringLiteral("token"));
    if (!t.found())
        *error = QStringLiteral("%1: %2").arg(account.toString(), t.message);
    return t.value;
}

// A local file behind a file:// URL or a plain path, for picture size and file size.
QString localFileFor(const QString &value)
{
    const QUrl url(value);
    const QString path = url.isLocalFile() ? url.toLocalFile() : (url.scheme().isEmpty() ? value : QString());
    return !path.isEmpty() && QFileInfo(path).isReadable() ? path : QString();
}
} // namespace

int runOpenImSend(CommandContext &ctx, const Config &config, const AccountAddress &account,
                  const QCommandLineParser &parser)
{
    const QString to = parser.value(QStringLiteral("to"));
    if (!to.startsWith(QLatin1String("user:")) && !to.startsWith(QLatin1String("group:")))
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
    SendRequest request;
    request.account = account;
    request.recipient = to;
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

    TokenResolver tokens;
    QString error;
    const QString token = resolveToken(config, account, tokens, &error);
    if (token.isEmpty())
        return ctx.failure(error);
    HistoryStore history(HistoryStore::defaultPath());
    if (!history.open(&error))
        return ctx.failure(QStringLiteral("history: %1").arg(error));

    OpenImConnection connection(*config.openimAccount(account.accountId), token, nullptr, &history);
    QEventLoop loop;
    int exitCode = ExitFailure;
    int requestId = -1;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        ctx.err << "channeltray send: no answer from " << account.toString() << " within " << kSendTimeoutMs / 1000
                << " s" << Qt::endl;
        exitCode = ExitTimeout;
        loop.quit();
    });
    QObject::connect(&connection, &AccountConnection::stateChanged, &loop,
                     [&](AccountState state, const QString &detail) {
                         if (state == AccountState::Connected && requestId < 0) {
                             requestId = connection.send(request);
                         } else if (state == AccountState::NeedsLogin || state == AccountState::Failed
                                    || (state == AccountState::Backoff && requestId < 0)) {
                             ctx.err << "channeltray send: " << account.toString() << " could not connect: "
                                     << (detail.isEmpty() ? accountStateName(state) : detail) << Qt::endl;
                             loop.quit();
                         }
                     });
    QObject::connect(&connection, &OpenImConnection::sendFinished, &loop, [&](int id, const SendResult &r) {
        if (id != requestId)
            return;
        if (r.ok) {
            storeSentMessage(history, config, r.sent);
            ctx.out << QJsonDocument(QJsonObject{{"account", account.toString()},
                                                 {"to", to},
                                                 {"serverMsgID", r.serverId},
                                                 {"clientMsgID", r.clientId},
                                                 {"sendTime", r.time.isValid() ? r.time.toMSecsSinceEpoch() : 0}})
                           .toJson(QJsonDocument::Compact)
                    << Qt::endl;
            exitCode = ExitOk;
        } else {
            ctx.err << "channeltray send: the server refused the message: " << r.error
                    << (r.errCode ? QStringLiteral(" (errCode %1)").arg(r.errCode) : QString()) << Qt::endl;
        }
        loop.quit();
    });
    deadline.start(kSendTimeoutMs);
    QTimer::singleShot(0, &connection, [&connection] { connection.start(); });
    loop.exec();
    connection.stop();
    return exitCode;
}

} // namespace ct::cli
