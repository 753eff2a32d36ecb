// channeltray notifications list [--json]
//                            | mute TARGET [--for DURATION] | unmute TARGET
//                            | min-priority TARGET N|none
//                            | quiet-hours START END [--min-priority N] | quiet-hours off
// Mutes, snoozes and quiet hours in channeltray.notifications, written by the command's runtime
// (AppRuntime::writeConfig: the format-keeping writer, comments and layout stay; nothing is
// connected). TARGET is an account
// (gotify/ops), a Gotify application of it (gotify/ops/app:3) or an OpenIM conversation of it
// (multi-openim/primary/conversation:si_a_b). DURATION: 30m, 2h, 1d.
#include "accountsupport.h"
#include "commands.h"
#include "config/notificationsettingsedit.h"
#include "inbound/notificationrules.h"
#include "runtime/appruntime.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ct::cli {

namespace {

// "90s", "30m", "2h", "1d" → seconds; 0 when not a duration.
qint64 parseDuration(const QString &text)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(\\d{1,6})([smhd])$")).match(text);
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    switch (m.captured(2).at(0).toLatin1()) {
    case 's':
        return n;
    case 'm':
        return n * 60;
    case 'h':
        return n * 3600;
    default:
        return n * 86400;
    }
}

int save(CommandContext &ctx, AppRuntime &runtime, const QJsonObject &after, const QString &done)
{
    QString error;
    if (!runtime.writeConfig(after, &error))
        return ctx.failure(error);
    ctx.out << done << Qt::endl;
    return ExitOk;
}

// The target's account must be in the config.
bool checkTarget(CommandContext &ctx, const Config &config, const QString &target, int *code)
{
    const AccountAddress a = accountOfTarget(target);
    if (!a.isValid()) {
        *code = ctx.usageError(QStringLiteral("\"%1\" is not a target: use an account (gotify/ops), "
                                              "gotify/<id>/app:<appid> or multi-openim/<id>/conversation:<id>")
                                   .arg(target));
        return false;
    }
    const bool known = a.channel == kGotifyChannel ? config.gotifyAccount(a.accountId) != nullptr
                                                   : config.openimAccount(a.accountId) != nullptr;
    if (!known) {
        *code = ctx.failure(QStringLiteral("no account %1 in %2").arg(a.toString(), ctx.configPath));
        return false;
    }
    return true;
}

int list(CommandContext &ctx, const LoadResult &load, bool json)
{
    const NotificationSettings &n = load.config.app.notifications;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QuietHours &q = n.quietHours;
    if (json) {
        QJsonObject quiet;
        if (q.enabled)
            quiet = {{"start", q.start.toString(QStringLiteral("HH:mm"))},
                     {"end", q.end.toString(QStringLiteral("HH:mm"))},
                     {"minPriority", q.minPriority}};
        QJsonObject mute;
        for (auto it = n.mute.constBegin(); it != n.mute.constEnd(); ++it) {
            QJsonObject e{{"muted", it->muted}};
            if (it->snoozeUntil.isValid() && it->snoozeUntil > now)
                e.insert(QStringLiteral("snoozeUntil"), it->snoozeUntil.toString(Qt::ISODate));
            if (it->minPriority >= 0)
                e.insert(QStringLiteral("minPriority"), it->minPriority);
            mute.insert(it.key(), e);
        }
        ctx.out << QJsonDocument(
                       QJsonObject{{"quietHours", q.enabled ? QJsonValue(quiet) : QJsonValue()}, {"mute", mute}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        return ExitOk;
    }
    if (q.enabled)
        ctx.out << "quiet hours " << q.start.toString(QStringLiteral("HH:mm")) << "–"
                << q.end.toString(QStringLiteral("HH:mm")) << ": only priority " << q.minPriority << " and above"
                << Qt::endl;
    else
        ctx.out << "no quiet hours" << Qt::endl;
    for (auto it = n.mute.constBegin(); it != n.mute.constEnd(); ++it) {
        QStringList what;
        if (it->muted)
            what << QStringLiteral("muted");
        if (it->snoozeUntil.isValid() && it->snoozeUntil > now)
            what << QStringLiteral("snoozed until %1")
                        .arg(it->snoozeUntil.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (it->minPriority >= 0)
            what << QStringLiteral("minimum priority %1").arg(it->minPriority);
        if (!what.isEmpty())
            ctx.out << it.key() << ": " << what.join(QStringLiteral(", ")) << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runNotifications(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Mutes, snoozes and quiet hours of desktop notifications."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list | mute | unmute | min-priority | quiet-hours"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: one JSON object"));
    const QCommandLineOption forOption(QStringLiteral("for"), QStringLiteral("mute: only this long (30m, 2h, 1d)"),
                                       QStringLiteral("DURATION"));
    const QCommandLineOption minOption(QStringLiteral("min-priority"),
                                       QStringLiteral("quiet-hours: what still notifies (default 8)"),
                                       QStringLiteral("N"));
    parser.addOptions({json, forOption, minOption});
    parser.addHelpOption();
    if (!parser.parse(ctx.args))
        return ctx.usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0, QStringLiteral("list"));
    LoadResult load;
    if (!loadConfigForCommand(ctx, load, /*requireValid=*/false))
        return ExitFailure;
    if (action == QLatin1String("list"))
        return list(ctx, load, parser.isSet(json));

    // The edit is made on the runtime's document, which its writeConfig writes against.
    AppRuntime runtime(AppRuntime::Options::offline(ctx.configPath));
    runtime.useConfigRead(load); // the file is read once per command
    QJsonObject root = runtime.document().raw;
    QString error;
    int code = ExitOk;
    if (action == QLatin1String("mute") || action == QLatin1String("unmute")
        || action == QLatin1String("min-priority")) {
        const int want = action == QLatin1String("min-priority") ? 3 : 2;
        if (pos.size() != want)
            return ctx.usageError(action == QLatin1String("min-priority")
                                      ? QStringLiteral("min-priority needs a target and a number (or none)")
                                      : QStringLiteral("%1 needs exactly one target").arg(action));
        const QString target = pos.at(1);
        if (!checkTarget(ctx, load.config, target, &code))
            return code;
        MuteRule rule = load.config.app.notifications.mute.value(target);
        QString done;
        if (action == QLatin1String("mute")) {
            if (parser.isSet(forOption)) {
                const qint64 seconds = parseDuration(parser.value(forOption));
                if (seconds <= 0)
                    return ctx.usageError(
                        QStringLiteral("--for takes a duration such as 30m, 2h or 1d, got \"%1\"")
                            .arg(parser.value(forOption)));
                rule.snoozeUntil = QDateTime::currentDateTimeUtc().addSecs(seconds);
                done = QStringLiteral("%1 snoozed until %2")
                           .arg(target,
                                rule.snoozeUntil.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            } else {
                rule.muted = true;
                done = QStringLiteral("%1 muted").arg(target);
            }
        } else if (action == QLatin1String("unmute")) {
            rule.muted = false;
            rule.snoozeUntil = {};
            done = QStringLiteral("%1 unmuted").arg(target);
        } else {
            bool ok = true;
            const int n = pos.at(2) == QLatin1String("none") ? -1 : pos.at(2).toInt(&ok);
            if (!ok || n < -1)
                return ctx.usageError(QStringLiteral("min-priority takes a number of 0 or more, or none"));
            rule.minPriority = n;
            done = n < 0 ? QStringLiteral("%1: no minimum priority").arg(target)
                         : QStringLiteral("%1: minimum priority %2").arg(target).arg(n);
        }
        if (!setMuteRule(root, target, rule, &error))
            return ctx.failure(error);
        return save(ctx, runtime, root, done);
    }
    if (action == QLatin1String("quiet-hours")) {
        if (pos.size() == 2 && pos.at(1) == QLatin1String("off")) {
            setQuietHours(root, std::nullopt);
            return save(ctx, runtime, root, QStringLiteral("quiet hours off"));
        }
        if (pos.size() != 3)
            return ctx.usageError(QStringLiteral("quiet-hours needs START END (HH:mm) or off"));
        QuietHours q;
        q.enabled = true;
        q.start = QTime::fromString(pos.at(1), QStringLiteral("HH:mm"));
        q.end = QTime::fromString(pos.at(2), QStringLiteral("HH:mm"));
        if (!q.start.isValid() || !q.end.isValid() || q.start == q.end)
            return ctx.usageError(QStringLiteral("quiet-hours needs two different times as HH:mm"));
        if (parser.isSet(minOption)) {
            bool ok = false;
            q.minPriority = parser.value(minOption).toInt(&ok);
            if (!ok || q.minPriority < 0)
                return ctx.usageError(QStringLiteral("--min-priority takes a number of 0 or more"));
        }
        if (!setQuietHours(root, q, &error))
            return ctx.failure(error);
        return save(ctx, runtime, root,
                    QStringLiteral("quiet hours %1–%2: only priority %3 and above")
                        .arg(pos.at(1), pos.at(2))
                        .arg(q.minPriority));
    }
    return ctx.usageError(
        QStringLiteral("unknown action \"%1\" (list, mute, unmute, min-priority, quiet-hours)").arg(action));
}

} // namespace ct::cli
