#pragma once
// The one description of the command line: every command, its operands and options, the global
// options, exit codes, environment and files. `channeltray --help`, `channeltray COMMAND --help`,
// the man page channeltray(1) and the bash and zsh completions are all rendered from it, so none
// of them can say something the others do not. tests/unit/cli checks it against the parsers in
// app/commands (every option they accept is here, and nothing else).
#include <QString>
#include <QStringList>
#include <vector>

namespace ct::cli {

struct OptionDoc
{
    QString name;  // without the leading dashes: "json", "config"
    QString value; // the value's placeholder ("URL"); empty for a flag
    QString help;
};

struct CommandDoc
{
    QString command;  // "doctor", "accounts"
    QString sub;      // "add" for `accounts add`; empty for a command without subcommands
    QString operands; // synopsis after the options, e.g. "ACCOUNT"; may be empty
    QString summary;  // one line for --help
    QString description;
    std::vector<OptionDoc> options;

    QString name() const { return sub.isEmpty() ? command : command + QLatin1Char(' ') + sub; }
    QString synopsis() const; // "channeltray accounts remove [--keep-secrets] ACCOUNT"
};

struct ExitCodeDoc
{
    int code;
    QString name; // "usage error"
    QString meaning;
};

struct EnvironmentDoc
{
    QString name;
    QString meaning;
};

const std::vector<CommandDoc> &commandDocs();
const std::vector<OptionDoc> &globalOptionDocs();
const std::vector<ExitCodeDoc> &exitCodeDocs();
const std::vector<EnvironmentDoc> &environmentDocs();
const std::vector<EnvironmentDoc> &fileDocs();

// The distinct top-level command names, in table order.
QStringList commandNames();
// The documented options of `command` (and `sub`, when given), without dashes.
QStringList optionNames(const QString &command, const QString &sub = {});

// Renderers.
QString usageText();                                          // channeltray --help
QString commandHelp(const QString &command);                  // channeltray COMMAND --help; empty: unknown
QString manPage(const QString &version, const QString &date); // roff, channeltray(1)
QString bashCompletion();
QString zshCompletion();

} // namespace ct::cli
