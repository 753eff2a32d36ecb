// The command line's one description (app/doc/clidoc.cpp) is what --help, the man page and the
// shell completions say, and it cannot drift from the parsers: every option a command's
// QCommandLineParser accepts (read from app/commands/cmd_<command>.cpp) is documented for that
// command, and nothing else is; every documented command is run by someone.
#include "cli.h"
#include "doc/clidoc.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace ct::cli;

namespace {
// The option names a parser in `file` declares: addOption({QStringLiteral("name"), …}) and
// QCommandLineOption x(QStringLiteral("name"), …). --help (addHelpOption) is the CLI's own.
QStringList declaredOptions(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("<cannot read %1>").arg(file)};
    const QString source = QString::fromUtf8(f.readAll());
    static const QRegularExpression declared(QStringLiteral(
        R"re((?:addOption\(\s*\{|QCommandLineOption\s+\w+\()\s*QStringLiteral\("([a-z][a-z0-9-]*)"\))re"));
    QStringList names;
    for (auto it = declared.globalMatch(source); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    names.sort();
    return names;
}

QString sourceDir()
{
    return qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR");
}
} // namespace

class TestCliDoc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedOptions_areExactlyThoseItsParserDeclares_data()
    {
        QTest::addColumn<QString>("command");
        for (const QString &command : runnableCommands())
            QTest::newRow(qPrintable(command)) << command;
    }
    void documentedOptions_areExactlyThoseItsParserDeclares()
    {
        QFETCH(QString, command);
        const QString file = sourceDir() + QStringLiteral("/app/commands/cmd_%1.cpp").arg(command);
        const QStringList declared = declaredOptions(file);
        QVERIFY2(!declared.isEmpty(), qPrintable(file + QStringLiteral(" declares no option (or was not found)")));
        QStringList documented = optionNames(command);
        documented.sort();
        QCOMPARE(documented, declared);
    }

    void everyDocumentedCommand_isRunnable_andEveryRunnableOneDocumented()
    {
        QStringList run = runnableCommands() << QStringLiteral("demo"); // demo: main.cpp (it needs the tray)
        QStringList documented = commandNames();
        run.sort();
        documented.sort();
        QCOMPARE(documented, run);
        for (const QString &command : commandNames())
            QVERIFY2(parseInvocation({QStringLiteral("channeltray"), command}).usageError.isEmpty(),
                     qPrintable(command));
    }

    void commandHelp_isAskedForAfterTheCommand_andListsItsOptions()
    {
        const Invocation inv = parseInvocation(
            {QStringLiteral("channeltray"), QStringLiteral("watch"), QStringLiteral("--help")});
        QVERIFY(inv.help);
        QCOMPARE(inv.command, QStringLiteral("watch"));
        const QString help = helpText(inv);
        for (const QString &option : optionNames(QStringLiteral("watch")))
            QVERIFY2(help.contains(QStringLiteral("--") + option), qPrintable(option));
        QVERIFY(help.contains(QStringLiteral("Exit codes: 0 ok, 1 failure, 2 usage error, 3 timeout.")));
    }

    void usage_listsEveryCommandAndSubcommand()
    {
        const QString usage = helpText(parseInvocation({QStringLiteral("channeltray"), QStringLiteral("--help")}));
        for (const CommandDoc &c : commandDocs())
            QVERIFY2(usage.contains(QStringLiteral("\n  ") + c.name() + QLatin1Char(' ')), qPrintable(c.name()));
    }

    void manPage_documentsEveryCommandOptionExitCodeAndVersion()
    {
        const QString man = manPage(QStringLiteral("9.8.7"), QStringLiteral("2030-01-02"));
        QVERIFY(man.contains(QStringLiteral(".TH CHANNELTRAY 1 \"2030-01-02\" \"ChannelTray 9.8.7\"")));
        for (const CommandDoc &c : commandDocs()) {
            QVERIFY2(man.contains(QStringLiteral("\\fBchanneltray ")
                                  + QString(c.name()).replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                     qPrintable(c.name()));
            for (const OptionDoc &o : c.options)
                QVERIFY2(man.contains(QStringLiteral("\\fB\\-\\-")
                                      + QString(o.name).replace(QLatin1Char('-'), QStringLiteral("\\-"))),
                         qPrintable(o.name));
        }
        for (const ExitCodeDoc &e : exitCodeDocs())
            QVERIFY(man.contains(QStringLiteral(".B %1\n%2: ").arg(e.code).arg(e.name)));
        // roff: no line starts with a stray control character or holds an unescaped backslash sequence.
        for (const QString &line : man.split(QLatin1Char('\n')))
            QVERIFY2(!line.startsWith(QLatin1Char('\'')), qPrintable(line));
    }

    void completions_offerEveryCommandSubcommandAndOption()
    {
        const QString bash = bashCompletion();
        const QString zsh = zshCompletion();
        for (const CommandDoc &c : commandDocs()) {
            QVERIFY2(bash.contains(c.command) && zsh.contains(c.command), qPrintable(c.command));
            if (!c.sub.isEmpty())
                QVERIFY2(bash.contains(c.sub) && zsh.contains(QStringLiteral("'") + c.sub + QLatin1Char(':')),
                         qPrintable(c.sub));
            for (const OptionDoc &o : c.options) {
                QVERIFY2(bash.contains(QStringLiteral("--") + o.name), qPrintable(o.name));
                QVERIFY2(zsh.contains(QStringLiteral("--") + o.name + QLatin1Char('[')), qPrintable(o.name));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDoc)
#include "tst_cli_doc.moc"
