#include "clidoc.h"

namespace ct::cli {

namespace {
QString S(const char *text)
{
    return QString::fromUtf8(text);
}

// Built when the table is (no static initializer: one would fault in a page of this code in
// every process at start).
OptionDoc jsonLinesOption()
{
    return {S("json"), {}, S("one JSON object per line")};
}
OptionDoc accountOption()
{
    return {S("account"), S("ACCOUNT"), S("the account, <channel>/<id> (gotify/ops, multi-openim/primary)")};
}
} // namespace

const std::vector<CommandDoc> &commandDocs()
{
    static const std::vector<CommandDoc> docs{
        {S("doctor"),
         {},
         {},
         S("check the config, where each token comes from, and (--probe) every server"),
         S("Validates the config file (a malformed one is reported with its line, column and JSON path), "
           "checks that the keychain answers, and tells for every account where each of its tokens comes "
           "from: the keychain or plain text in the file. Exits 1 when something needs fixing."),
         {{S("json"), {}, S("print one JSON object instead of text")},
          {S("probe"), {}, S("also ask every server whether it answers and accepts the tokens")}}},
        {S("accounts"),
         S("list"),
         {},
         S("list the accounts"),
         S("Lists the accounts of the config file, one per line."),
         {jsonLinesOption()}},
        {S("accounts"),
         S("add"),
         S("ACCOUNT"),
         S("add a Gotify or OpenIM account without the GUI"),
         S("Adds gotify/ID (needs --server-url) or multi-openim/ID (needs --ws-addr and --api-addr) to the "
           "config file; its tokens are stored afterwards with accounts set-token."),
         {{S("server-url"), S("URL"), S("Gotify server URL")},
          {S("default-priority"), S("N"), S("Gotify default priority")},
          {S("ws-addr"), S("URL"), S("OpenIM gateway, a ws:// or wss:// URL")},
          {S("api-addr"), S("URL"), S("OpenIM REST API, an http:// or https:// URL")},
          {S("user-id"), S("ID"), S("OpenIM userID (default: from the token)")},
          {S("platform-id"), S("N"), S("OpenIM platformID (default: from the token)")},
          {S("disabled"), {}, S("add the account switched off")}}},
        {S("accounts"),
         S("remove"),
         S("ACCOUNT"),
         S("remove an account and its keychain entries"),
         S("Removes the account from the config file and its tokens from the keychain."),
         {{S("keep-secrets"), {}, S("leave its tokens in the keychain")}}},
        {S("accounts"),
         S("set-token"),
         S("ACCOUNT"),
         S("store a token read from standard input in the keychain"),
         S("Reads a token from standard input (never from the command line, where other users could see it), "
           "stores it in the keychain and removes a plain-text copy from the config file."),
         {{S("field"), S("FIELD"),
           S("appToken or clientToken (Gotify, which has both), token (OpenIM, the default)")}}},
        {S("watch"),
         {},
         {},
         S("connect the accounts and print events"),
         S("Connects the enabled accounts (or those named) and prints their state changes and messages until "
           "interrupted, --count messages arrived or --timeout passed."),
         {{S("json"), {}, S("one JSON object per line")},
          {S("account"), S("ACCOUNT"), S("watch this account (repeatable; default: every enabled one)")},
          {S("count"), S("N"), S("exit after N messages")},
          {S("timeout"), S("S"), S("exit after S seconds (exit status 3 when --count was not reached)")}}},
        {S("send"),
         {},
         {},
         S("send one message through an account"),
         S("Sends one Gotify message (--text, with --title, --priority, --markdown, --click-url) or one OpenIM "
           "message to --to (--text, --image, --video or --file)."),
         {accountOption(),
          {S("text"), S("TEXT"), S("message text")},
          {S("title"), S("TITLE"), S("title (Gotify)")},
          {S("priority"), S("N"), S("priority (Gotify; default: the account's)")},
          {S("markdown"), {}, S("send as text/markdown (Gotify)")},
          {S("click-url"), S("URL"), S("URL opened on click (Gotify)")},
          {S("to"), S("RECIPIENT"), S("user:ID or group:ID (OpenIM)")},
          {S("image"), S("URL"), S("send a picture (OpenIM)")},
          {S("video"), S("URL"), S("send a video (OpenIM)")},
          {S("file"), S("URL"), S("send a file (OpenIM)")}}},
        {S("history"),
         {},
         {},
         S("read the local message history"),
         S("Prints the newest messages of the local history, oldest first, without touching the file."),
         {{S("account"), S("ACCOUNT"), S("only this account")},
          {S("session"), S("KEY"), S("only this session key")},
          {S("limit"), S("N"), S("the newest N messages (default 50)")},
          jsonLinesOption()}},
        {S("notifications"),
         S("list"),
         {},
         S("show the mutes, snoozes and quiet hours"),
         S("Prints the quiet hours and every muted, snoozed or minimum-priority target of "
           "channeltray.notifications."),
         {{S("json"), {}, S("print one JSON object instead of text")}}},
        {S("notifications"),
         S("mute"),
         S("TARGET"),
         S("mute the notifications of an account, Gotify application or OpenIM conversation"),
         S("TARGET is an account (gotify/ops), a Gotify application of it (gotify/ops/app:3) or an OpenIM "
           "conversation of it (multi-openim/primary/conversation:si_a_b). With --for it is snoozed instead: "
           "muted for that long."),
         {{S("for"), S("DURATION"), S("snooze: 30m, 2h, 1d")}}},
        {S("notifications"),
         S("unmute"),
         S("TARGET"),
         S("end a mute or snooze"),
         S("Lets the target's notifications through again (its minimum priority stays)."),
         {}},
        {S("notifications"),
         S("min-priority"),
         S("TARGET N|none"),
         S("notify only messages of this priority and above"),
         S("Sets (or with none removes) the target's minimum priority; an OpenIM message counts 10 when it "
           "mentions the account, else 5."),
         {}},
        {S("notifications"),
         S("quiet-hours"),
         S("START END | off"),
         S("set the quiet hours (local time, HH:mm) or switch them off"),
         S("During the quiet hours only messages with priority --min-priority (default 8) and above notify; "
           "END may be past midnight."),
         {{S("min-priority"), S("N"), S("what still notifies (default 8)")}}},
        {S("demo"),
         {},
         {},
         S("start the demo servers and a tray on their config"),
         S("Starts channeltray-sandbox (loopback Gotify and OpenIM servers on 127.0.0.1 with a trickle of "
           "messages) and a tray on the config it writes, with a history of its own. Quitting that tray stops "
           "the servers. Your config and keychain are not touched."),
         {}},
    };
    return docs;
}

const std::vector<OptionDoc> &globalOptionDocs()
{
    static const std::vector<OptionDoc> docs{
        {S("config"), S("PATH"),
         S("the config file (default: $CHANNELTRAY_CONFIG, else $XDG_CONFIG_HOME/channeltray/config.json)")},
        {S("lang"), S("LOCALE"), S("user-interface language, e.g. zh_CN (tray only)")},
        {S("help"), {}, S("print the commands, or with a command its options, and exit")},
        {S("version"), {}, S("print the version and exit")},
    };
    return docs;
}

const std::vector<ExitCodeDoc> &exitCodeDocs()
{
    static const std::vector<ExitCodeDoc> docs{
        {0, S("ok"), S("success")},
        {1, S("failure"), S("a bad config, an unreachable server, a refused token, and the like")},
        {2, S("usage error"), S("an unknown command or option, a missing or malformed value")},
        {3, S("timeout"), S("watch --timeout passed before --count messages arrived")},
    };
    return docs;
}

const std::vector<EnvironmentDoc> &environmentDocs()
{
    static const std::vector<EnvironmentDoc> docs{
        {S("CHANNELTRAY_CONFIG"), S("the config file, when --config is not given")},
        {S("XDG_CONFIG_HOME"), S("where the config and the autostart entry live (default ~/.config)")},
        {S("XDG_DATA_HOME"), S("where the history lives (default ~/.local/share)")},
        {S("QT_LOGGING_RULES"),
         S("switches the channeltray.* logging categories, e.g. channeltray.gotify.debug=true")},
    };
    return docs;
}

const std::vector<EnvironmentDoc> &fileDocs()
{
    static const std::vector<EnvironmentDoc> docs{
        {S("$XDG_CONFIG_HOME/channeltray/config.json"),
         S("the accounts (an openclaw.json works as it is), written atomically with mode 0600")},
        {S("$XDG_DATA_HOME/channeltray/history.sqlite"),
         S("every received message, kept for channeltray.history.retentionDays (default 90)")},
        {S("$XDG_CONFIG_HOME/autostart/org.channeltray.ChannelTray.desktop"),
         S("written by the tray's Start at login")},
        {S("~/.openclaw/multi-openim/manual-login.ACCOUNT.json"),
         S("marks an OpenIM account whose token could not be refreshed")},
    };
    return docs;
}

QString CommandDoc::synopsis() const
{
    QString text = QStringLiteral("channeltray ") + name();
    for (const OptionDoc &o : options)
        text += o.value.isEmpty() ? QStringLiteral(" [--%1]").arg(o.name)
                                  : QStringLiteral(" [--%1 %2]").arg(o.name, o.value);
    if (!operands.isEmpty())
        text += QLatin1Char(' ') + operands;
    return text;
}

QStringList commandNames()
{
    QStringList names;
    for (const CommandDoc &c : commandDocs())
        if (!names.contains(c.command))
            names << c.command;
    return names;
}

QStringList optionNames(const QString &command, const QString &sub)
{
    QStringList names;
    for (const CommandDoc &c : commandDocs()) {
        if (c.command != command || (!sub.isEmpty() && c.sub != sub))
            continue;
        for (const OptionDoc &o : c.options)
            if (!names.contains(o.name))
                names << o.name;
    }
    return names;
}

} // namespace ct::cli
