// channeltray --help and channeltray COMMAND --help, rendered from the table in clidoc.cpp.
#include "clidoc.h"

namespace ct::cli {

namespace {
QString optionLabel(const OptionDoc &o)
{
    QString label = o.name == QLatin1String("help") ? QStringLiteral("-h, --help") : QStringLiteral("--") + o.name;
    if (!o.value.isEmpty())
        label += QLatin1Char(' ') + o.value;
    return label;
}

QString rows(const std::vector<std::pair<QString, QString>> &items)
{
    qsizetype width = 0;
    for (const auto &[left, right] : items)
        width = std::max(width, left.size());
    QString text;
    for (const auto &[left, right] : items)
        text += QStringLiteral("  %1  %2\n").arg(left, -int(width)).arg(right);
    return text;
}

QString exitCodes()
{
    QStringList parts;
    for (const ExitCodeDoc &e : exitCodeDocs())
        parts << QStringLiteral("%1 %2").arg(e.code).arg(e.name);
    return QStringLiteral("Exit codes: ") + parts.join(QStringLiteral(", ")) + QStringLiteral(".\n");
}
} // namespace

QString usageText()
{
    QString text = QStringLiteral("Usage: channeltray [--config PATH] [COMMAND [ARGS...]]\n\n"
                                  "Without a command, starts the tray application.\n\nCommands:\n");
    std::vector<std::pair<QString, QString>> commands;
    for (const CommandDoc &c : commandDocs())
        commands.emplace_back(c.name(), c.summary);
    text += rows(commands);
    text += QStringLiteral("\nRun \"channeltray COMMAND --help\" for a command's options.\n\nGlobal options:\n");
    std::vector<std::pair<QString, QString>> options;
    for (const OptionDoc &o : globalOptionDocs())
        options.emplace_back(optionLabel(o), o.help);
    text += rows(options);
    return text + QLatin1Char('\n') + exitCodes();
}

QString commandHelp(const QString &command)
{
    QString text;
    for (const CommandDoc &c : commandDocs()) {
        if (c.command != command)
            continue;
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += QStringLiteral("Usage: ") + c.synopsis() + QStringLiteral("\n\n") + c.description
                + QLatin1Char('\n');
        std::vector<std::pair<QString, QString>> options;
        for (const OptionDoc &o : c.options)
            options.emplace_back(optionLabel(o), o.help);
        if (!options.empty())
            text += QStringLiteral("\nOptions:\n") + rows(options);
    }
    if (text.isEmpty())
        return text;
    return text + QLatin1Char('\n') + exitCodes();
}

} // namespace ct::cli
