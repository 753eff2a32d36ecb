// The command line is read before any QApplication exists: --config anywhere, unknown
// commands are usage errors (exit 2), no command starts the tray.
#include "cli.h"

#include <QtTest>

using namespace ct::cli;

class TestCliInvocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noCommand_startsTheTray()
    {
        const Invocation inv = parseInvocation({QStringLiteral("channeltray")});
        QVERIFY(inv.command.isEmpty());
        QVERIFY(inv.usageError.isEmpty());
    }
    void configOption_beforeOrAfterTheCommand_isTaken()
    {
        Invocation a = parseInvocation({"channeltray", "--config", "/tmp/a.json", "doctor", "--json"});
        QCOMPARE(a.configPath, QStringLiteral("/tmp/a.json"));
        QCOMPARE(a.command, QStringLiteral("doctor"));
        QCOMPARE(a.commandArgs, QStringList{"--json"});
        Invocation b = parseInvocation({"channeltray", "doctor", "--config=/tmp/b.json"});
        QCOMPARE(b.configPath, QStringLiteral("/tmp/b.json"));
        QVERIFY(b.configPathExplicit);
        QVERIFY(b.commandArgs.isEmpty());
    }
    void configOption_withoutPath_isAUsageError()
    {
        QVERIFY(!parseInvocation({"channeltray", "doctor", "--config"}).usageError.isEmpty());
    }
    void unknownCommand_isAUsageError()
    {
        const Invocation inv = parseInvocation({"channeltray", "frobnicate"});
        QVERIFY(inv.usageError.contains(QStringLiteral("frobnicate")));
    }
    void environmentVariable_choosesTheConfig()
    {
        qputenv("CHANNELTRAY_CONFIG", "/tmp/env.json");
        QCOMPARE(parseInvocation({"channeltray", "doctor"}).configPath, QStringLiteral("/tmp/env.json"));
        qunsetenv("CHANNELTRAY_CONFIG");
        QVERIFY(parseInvocation({"channeltray", "doctor"})
                    .configPath.endsWith(QStringLiteral("/channeltray/config.json")));
    }
};

QTEST_GUILESS_MAIN(TestCliInvocation)
#include "tst_cli_invocation.moc"
