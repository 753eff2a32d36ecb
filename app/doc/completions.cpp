// The bash and zsh completions of channeltray, rendered from the table in clidoc.cpp.
#include "clidoc.h"

namespace ct::cli {

namespace {
QString dashed(const std::vector<OptionDoc> &options)
{
    QStringList names;
    for (const OptionDoc &o : options)
        names << QStringLiteral("--") + o.name;
    return names.join(QLatin1Char(' '));
}

QStringList subcommands(const QString &command)
{
    QStringList subs;
    for (const CommandDoc &c : commandDocs())
        if (c.command == command && !c.sub.isEmpty())
            subs << c.sub;
    return subs;
}

// Options that take a value, over every command and the global ones.
QStringList valueOptions()
{
    QStringList names;
    auto collect = [&names](const std::vector<OptionDoc> &options) {
        for (const OptionDoc &o : options)
            if (!o.value.isEmpty() && !names.contains(QStringLiteral("--") + o.name))
                names << QStringLiteral("--") + o.name;
    };
    collect(globalOptionDocs());
    for (const CommandDoc &c : commandDocs())
        collect(c.options);
    return names;
}

// Inside a single-quoted zsh word: ' closes the quote.
QString zshQuoted(QString text)
{
    return text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
}

// An _arguments description: brackets and colons are syntax there.
QString zshDescription(QString text)
{
    text.replace(QLatin1Char('['), QStringLiteral("\\[")).replace(QLatin1Char(']'), QStringLiteral("\\]"));
    text.replace(QLatin1Char(':'), QStringLiteral("\\:"));
    return zshQuoted(text);
}

QString zshOptionSpec(const OptionDoc &o)
{
    QString action;
    if (!o.value.isEmpty()) {
        action = QStringLiteral(":%1:").arg(o.value.toLower());
        if (o.name == QLatin1String("config"))
            action += QStringLiteral("_files");
        else if (o.name == QLatin1String("field"))
            action += QStringLiteral("(appToken clientToken token)");
    }
    const QString repeat = o.help.contains(QLatin1String("repeatable")) ? QStringLiteral("*") : QString();
    return QStringLiteral("'%1--%2[%3]%4'").arg(repeat, o.name, zshDescription(o.help), zshQuoted(action));
}
} // namespace

QString bashCompletion()
{
    QString t;
    t += QStringLiteral(
        "# bash completion for channeltray(1)\n"
        "# Generated from app/doc/clidoc.cpp by channeltray-docgen; edit that table, not this file.\n\n"
        "_channeltray()\n{\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "    local command='' sub='' i word\n"
        "    case $prev in\n"
        "        --config) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
        "        --field) COMPREPLY=($(compgen -W 'appToken clientToken token' -- \"$cur\")); return ;;\n");
    QStringList others = valueOptions();
    others.removeAll(QStringLiteral("--config"));
    others.removeAll(QStringLiteral("--field"));
    t += QStringLiteral("        %1) return ;;\n").arg(others.join(QLatin1Char('|')));
    t += QStringLiteral(
        "    esac\n"
        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "        word=${COMP_WORDS[i]}\n"
        "        case $word in\n"
        "            --config|--lang) ((i++)) ;;\n"
        "            -*) ;;\n"
        "            *) if [[ -z $command ]]; then command=$word; elif [[ -z $sub ]]; then sub=$word; fi ;;\n"
        "        esac\n"
        "    done\n"
        "    local words=''\n"
        "    case \"$command\" in\n");
    t += QStringLiteral("        '') words='%1 %2' ;;\n")
             .arg(commandNames().join(QLatin1Char(' ')), dashed(globalOptionDocs()));
    for (const QString &command : commandNames()) {
        const QStringList subs = subcommands(command);
        if (subs.isEmpty()) {
            for (const CommandDoc &c : commandDocs())
                if (c.command == command)
                    t += QStringLiteral("        %1) words='%2 --help' ;;\n").arg(command, dashed(c.options));
            continue;
        }
        t += QStringLiteral("        %1)\n            case \"$sub\" in\n").arg(command);
        t += QStringLiteral("                '') words='%1 --help' ;;\n").arg(subs.join(QLatin1Char(' ')));
        for (const QString &sub : subs)
            for (const CommandDoc &c : commandDocs())
                if (c.command == command && c.sub == sub)
                    t += QStringLiteral("                %1) words='%2 --help' ;;\n").arg(sub, dashed(c.options));
        t += QStringLiteral("            esac ;;\n");
    }
    t += QStringLiteral("    esac\n"
                        "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
                        "}\n"
                        "complete -F _channeltray channeltray\n");
    return t;
}

QString zshCompletion()
{
    QString t;
    t += QStringLiteral(
        "#compdef channeltray\n"
        "# zsh completion for channeltray(1)\n"
        "# Generated from app/doc/clidoc.cpp by channeltray-docgen; edit that table, not this file.\n\n"
        "_channeltray() {\n"
        "  local curcontext=$curcontext state line ret=1\n"
        "  local -a commands subcommands\n"
        "  commands=(\n");
    for (const QString &command : commandNames()) {
        QString summary;
        for (const CommandDoc &c : commandDocs())
            if (c.command == command)
                summary = c.sub.isEmpty()
                              ? c.summary
                              : QStringLiteral("manage the accounts (")
                                    + subcommands(command).join(QStringLiteral(", ")) + QLatin1Char(')');
        t += QStringLiteral("    '%1:%2'\n").arg(command, zshQuoted(summary));
    }
    t += QStringLiteral("  )\n  _arguments -C \\\n");
    for (const OptionDoc &o : globalOptionDocs()) {
        if (o.name == QLatin1String("help"))
            t += QStringLiteral("    '(- *)'{-h,--help}'[%1]' \\\n").arg(zshDescription(o.help));
        else if (o.name == QLatin1String("version"))
            t += QStringLiteral("    '(- *)--version[%1]' \\\n").arg(zshDescription(o.help));
        else
            t += QStringLiteral("    %1 \\\n").arg(zshOptionSpec(o));
    }
    t += QStringLiteral("    '1:command:->command' \\\n"
                        "    '*::argument:->argument' && ret=0\n"
                        "  case $state in\n"
                        "    command) _describe -t commands 'channeltray command' commands && ret=0 ;;\n"
                        "    argument)\n"
                        "      curcontext=${curcontext%:*:*}:channeltray-$words[1]:\n"
                        "      case $words[1] in\n");
    for (const QString &command : commandNames()) {
        const QStringList subs = subcommands(command);
        if (subs.isEmpty()) {
            for (const CommandDoc &c : commandDocs()) {
                if (c.command != command)
                    continue;
                t += QStringLiteral("        %1) _arguments '(- *)--help[print the options]'").arg(command);
                for (const OptionDoc &o : c.options)
                    t += QLatin1Char(' ') + zshOptionSpec(o);
                t += QStringLiteral(" && ret=0 ;;\n");
            }
            continue;
        }
        t += QStringLiteral("        %1)\n          if (( CURRENT == 2 )); then\n            subcommands=(\n")
                 .arg(command);
        for (const CommandDoc &c : commandDocs())
            if (c.command == command)
                t += QStringLiteral("              '%1:%2'\n").arg(c.sub, zshQuoted(c.summary));
        t +=
            QStringLiteral(
                "            )\n            _describe -t subcommands '%1 command' subcommands && ret=0\n"
                "          else\n            shift words\n            (( CURRENT-- ))\n            case $words[1] in\n")
                .arg(command);
        for (const CommandDoc &c : commandDocs()) {
            if (c.command != command)
                continue;
            t += QStringLiteral("              %1) _arguments '(- *)--help[print the options]'").arg(c.sub);
            for (const OptionDoc &o : c.options)
                t += QLatin1Char(' ') + zshOptionSpec(o);
            if (!c.operands.isEmpty())
                t += QStringLiteral(" ':%1:'").arg(c.operands.toLower());
            t += QStringLiteral(" && ret=0 ;;\n");
        }
        t += QStringLiteral("            esac\n          fi ;;\n");
    }
    t += QStringLiteral("      esac ;;\n  esac\n  return ret\n}\n\n_channeltray \"$@\"\n");
    return t;
}

} // namespace ct::cli
