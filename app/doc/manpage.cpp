// channeltray(1) in roff (man(7) macros), rendered from the table in clidoc.cpp.
#include "clidoc.h"

namespace ct::cli {

namespace {
// Text for roff: a backslash is \e, a line never starts with a control character, and a dash
// in an option or command name is a minus (\-), so it can be copied and searched for.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QStringLiteral("--"), QStringLiteral("\\-\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString dashes(QString name)
{
    return name.replace(QLatin1Char('-'), QStringLiteral("\\-"));
}

QString option(const OptionDoc &o)
{
    QString text = QStringLiteral("\\fB\\-\\-%1\\fR").arg(dashes(o.name));
    if (o.name == QLatin1String("help"))
        text.prepend(QStringLiteral("\\fB\\-h\\fR, "));
    if (!o.value.isEmpty())
        text += QStringLiteral(" \\fI%1\\fR").arg(o.value);
    return text;
}

QString synopsis(const CommandDoc &c)
{
    QString text = QStringLiteral("\\fBchanneltray %1\\fR").arg(dashes(c.name()));
    for (const OptionDoc &o : c.options)
        text += QStringLiteral(" [") + option(o) + QLatin1Char(']');
    if (!c.operands.isEmpty())
        text += QStringLiteral(" \\fI%1\\fR").arg(c.operands);
    return text;
}
} // namespace

QString manPage(const QString &version, const QString &date)
{
    QString t;
    t += QStringLiteral(
        ".\\\" Generated from app/doc/clidoc.cpp by channeltray-docgen; edit that table, not this file.\n");
    t += QStringLiteral(".TH CHANNELTRAY 1 \"%1\" \"ChannelTray %2\" \"User Commands\"\n").arg(date, version);
    t += QStringLiteral(".SH NAME\nchanneltray \\- Gotify and OpenIM accounts in the system tray\n");
    t += QStringLiteral(
        ".SH SYNOPSIS\n.B channeltray\n[\\fB\\-\\-config\\fR \\fIPATH\\fR] [\\fB\\-\\-lang\\fR \\fILOCALE\\fR]\n"
        ".br\n.B channeltray\n[\\fB\\-\\-config\\fR \\fIPATH\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIOPERANDS\\fR]\n");
    t += QStringLiteral(
        ".SH DESCRIPTION\n"
        "ChannelTray watches Gotify and OpenIM accounts on many servers from one system\\-tray icon, "
        "keeps every received message in a local history, refreshes expiring OpenIM tokens, and keeps "
        "every token in the keychain (Secret Service).\n.PP\n"
        "Without a command it starts the tray application. With a command it runs without a display "
        "and exits with one of the statuses below.\n");
    t += QStringLiteral(".SH COMMANDS\n");
    for (const CommandDoc &c : commandDocs()) {
        t += QStringLiteral(".TP\n") + synopsis(c) + QLatin1Char('\n') + roff(c.description) + QLatin1Char('\n');
        if (c.options.empty())
            continue;
        t += QStringLiteral(".RS\n");
        for (const OptionDoc &o : c.options)
            t += QStringLiteral(".TP\n") + option(o) + QLatin1Char('\n') + roff(o.help) + QLatin1Char('\n');
        t += QStringLiteral(".RE\n");
    }
    t += QStringLiteral(".SH OPTIONS\nThese come before the command.\n");
    for (const OptionDoc &o : globalOptionDocs())
        t += QStringLiteral(".TP\n") + option(o) + QLatin1Char('\n') + roff(o.help) + QLatin1Char('\n');
    t += QStringLiteral(".SH \"EXIT STATUS\"\n");
    for (const ExitCodeDoc &e : exitCodeDocs())
        t += QStringLiteral(".TP\n.B %1\n%2: %3\n").arg(e.code).arg(roff(e.name), roff(e.meaning));
    t += QStringLiteral(".SH ENVIRONMENT\n");
    for (const EnvironmentDoc &e : environmentDocs())
        t += QStringLiteral(".TP\n.B %1\n%2\n").arg(e.name, roff(e.meaning));
    t += QStringLiteral(".SH FILES\n");
    for (const EnvironmentDoc &f : fileDocs())
        t += QStringLiteral(".TP\n.I %1\n%2\n").arg(f.name, roff(f.meaning));
    t += QStringLiteral(
        ".SH EXAMPLES\n"
        "Store a Gotify client token without it appearing in the process list:\n.PP\n.nf\n.RS\n"
        "echo \\-n \"$TOKEN\" | channeltray accounts set\\-token gotify/ops \\-\\-field clientToken\n"
        ".RE\n.fi\n.PP\nPrint the next message of every account as JSON, or give up after a minute:\n"
        ".PP\n.nf\n.RS\nchanneltray watch \\-\\-json \\-\\-count 1 \\-\\-timeout 60\n.RE\n.fi\n");
    t += QStringLiteral(".SH \"SEE ALSO\"\n.BR secret\\-tool (1)\n");
    return t;
}

} // namespace ct::cli
