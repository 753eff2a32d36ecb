// The gateway's own files found where OpenClaw looks for them, with real files in a temporary
// home: openclaw.json ($OPENCLAW_CONFIG_PATH, then $OPENCLAW_STATE_DIR, then ~/.openclaw, the
// legacy names last) and the global .env (<state dir>/.env) whose variables fill `${VAR}` only
// where the process environment has none, ahead of the config's own `env` block.
#include "config/configloader.h"
#include "config/dotenv.h"
#include "config/envsubst.h"
#include "config/openclawpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QProcessEnvironment homeEnv(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

} // namespace

class TestGatewayFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_home.isValid()); }
    void cleanup() { QVERIFY(QDir(m_home.path()).removeRecursively() && QDir().mkpath(m_home.path())); }

    void findGatewayConfig_nothingThere_namesOpenClawsDefaultPlaceAsMissing()
    {
        const GatewayConfigLocation loc = findGatewayConfig(homeEnv(m_home.path()));
        QCOMPARE(loc.path, m_home.path() + "/.openclaw/openclaw.json");
        QVERIFY(!loc.exists);
    }

    void findGatewayConfig_homeFile_isFound()
    {
        writeFile(m_home.path() + "/.openclaw/openclaw.json", "{}");
        const GatewayConfigLocation loc = findGatewayConfig(homeEnv(m_home.path()));
        QCOMPARE(loc.path, m_home.path() + "/.openclaw/openclaw.json");
        QVERIFY(loc.exists);
    }

    void findGatewayConfig_stateDirFile_winsOverHomeFile()
    {
        writeFile(m_home.path() + "/.openclaw/openclaw.json", "{}");
        writeFile(m_home.path() + "/state/openclaw.json", "{}");
        QProcessEnvironment env = homeEnv(m_home.path());
        env.insert("OPENCLAW_STATE_DIR", "~/state");
        const GatewayConfigLocation loc = findGatewayConfig(env);
        QCOMPARE(loc.path, m_home.path() + "/state/openclaw.json");
        QCOMPARE(loc.reason, QStringLiteral("in $OPENCLAW_STATE_DIR"));
    }

    void findGatewayConfig_stateDirWithoutFile_fallsBackToHomeFile()
    {
        writeFile(m_home.path() + "/.openclaw/openclaw.json", "{}");
        QProcessEnvironment env = homeEnv(m_home.path());
        env.insert("OPENCLAW_STATE_DIR", m_home.path() + "/empty-state");
        QCOMPARE(findGatewayConfig(env).path, m_home.path() + "/.openclaw/openclaw.json");
    }

    void findGatewayConfig_configPathVariable_isUsedEvenWhenMissing()
    {
        writeFile(m_home.path() + "/.openclaw/openclaw.json", "{}");
        QProcessEnvironment env = homeEnv(m_home.path());
        env.insert("OPENCLAW_CONFIG_PATH", " ~/elsewhere/gw.json5 ");
        const GatewayConfigLocation loc = findGatewayConfig(env);
        QCOMPARE(loc.path, m_home.path() + "/elsewhere/gw.json5");
        QVERIFY(!loc.exists);
        QCOMPARE(loc.reason, QStringLiteral("$OPENCLAW_CONFIG_PATH"));
    }

    void findGatewayConfig_legacyDirectoryAndName_areFoundLast()
    {
        writeFile(m_home.path() + "/.clawdbot/clawdbot.json", "{}");
        QCOMPARE(findGatewayConfig(homeEnv(m_home.path())).path, m_home.path() + "/.clawdbot/clawdbot.json");
        writeFile(m_home.path() + "/.openclaw/openclaw.json", "{}");
        QCOMPARE(findGatewayConfig(homeEnv(m_home.path())).path, m_home.path() + "/.openclaw/openclaw.json");
    }

    void openClawHome_overridesHomeForEveryPath()
    {
        QProcessEnvironment env = homeEnv(m_home.path());
        env.insert("OPENCLAW_HOME", m_home.path() + "/svc");
        QCOMPARE(openClawDotEnvFiles(env).value(0), m_home.path() + "/svc/.openclaw/.env");
    }

    void parseDotEnv_followsTheDotenvGrammar()
    {
        const auto vars = parseDotEnv("# comment\n"
                                      "PLAIN=value # trailing comment\n"
                                      "export EXPORTED=yes\n"
                                      "SPACED =  padded  \n"
                                      "SINGLE='keeps # and \\n'\n"
                                      "DOUBLE=\"line\\nbreak\"\n"
                                      "MULTI=\"first\nsecond\"\n"
                                      "COLON: styled\r\n"
                                      "EMPTY=\n"
                                      "TWICE=one\nTWICE=two\n"
                                      "not an assignment\n");
        QCOMPARE(vars.value("PLAIN"), QStringLiteral("value"));
        QCOMPARE(vars.value("EXPORTED"), QStringLiteral("yes"));
        QCOMPARE(vars.value("SPACED"), QStringLiteral("padded"));
        QCOMPARE(vars.value("SINGLE"), QStringLiteral("keeps # and \\n"));
        QCOMPARE(vars.value("DOUBLE"), QStringLiteral("line\nbreak"));
        QCOMPARE(vars.value("MULTI"), QStringLiteral("first\nsecond"));
        QCOMPARE(vars.value("COLON"), QStringLiteral("styled"));
        QVERIFY(vars.contains("EMPTY") && vars.value("EMPTY").isEmpty());
        QCOMPARE(vars.value("TWICE"), QStringLiteral("two"));
        QCOMPARE(vars.size(), 9);
    }

    void configEnvironment_processThenStateDotEnvThenEnvBlock()
    {
        writeFile(m_home.path() + "/state/.env", "FROM_FILE=file\nBOTH=file\nBLANK_IN_PROCESS=file\n");
        QProcessEnvironment env = homeEnv(m_home.path());
        env.insert("OPENCLAW_STATE_DIR", m_home.path() + "/state");
        env.insert("BOTH", "process");
        env.insert("BLANK_IN_PROCESS", "");
        const QJsonObject root{{"env", QJsonObject{{"FROM_FILE", "block"},
                                                   {"BLANK_IN_PROCESS", "block"},
                                                   {"vars", QJsonObject{{"ONLY_BLOCK", "block"}}}}}};
        const EnvLookup lookup = configEnvironment(root, env);
        QCOMPARE(lookup("BOTH"), std::optional<QString>("process"));
        QCOMPARE(lookup("FROM_FILE"), std::optional<QString>("file"));
        // A variable set but blank in the process is not replaced by the .env (dotenv never
        // overrides), but the config's block fills it.
        QCOMPARE(lookup("BLANK_IN_PROCESS"), std::optional<QString>("block"));
        QCOMPARE(lookup("ONLY_BLOCK"), std::optional<QString>("block"));
        QCOMPARE(lookup("NOWHERE"), std::nullopt);
    }

    void configEnvironment_gatewayEnvFallback_isReadAfterTheStateDirDotEnv_onlyWithoutAStateDir()
    {
        writeFile(m_home.path() + "/.openclaw/.env", "BOTH=state\n");
        writeFile(m_home.path() + "/.config/openclaw/gateway.env", "BOTH=fallback\nONLY_FALLBACK=fallback\n");
        const EnvLookup lookup = configEnvironment({}, homeEnv(m_home.path()));
        QCOMPARE(lookup("BOTH"), std::optional<QString>("state"));
        QCOMPARE(lookup("ONLY_FALLBACK"), std::optional<QString>("fallback"));
        QProcessEnvironment withState = homeEnv(m_home.path());
        withState.insert("OPENCLAW_STATE_DIR", m_home.path() + "/.openclaw");
        QCOMPARE(configEnvironment({}, withState)("ONLY_FALLBACK"), std::nullopt);
    }

    void configEnvironment_homeDotEnvFillsATokenReference()
    {
        writeFile(m_home.path() + "/.openclaw/.env", "GOTIFY_CLIENT_TOKEN=from-dotenv\n");
        const QJsonObject root{
            {"channels",
             QJsonObject{
                 {"gotify",
                  QJsonObject{{"accounts",
                               QJsonObject{{"ops", QJsonObject{{"serverUrl", "http://127.0.0.1:8080"},
                                                               {"clientToken", "${GOTIFY_CLIENT_TOKEN}"}}}}}}}}}};
        const LoadResult r = configFromJson(root, configEnvironment(root, homeEnv(m_home.path())));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        QCOMPARE(r.config.gotify.accounts.value(0).clientToken, QStringLiteral("from-dotenv"));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestGatewayFiles)
#include "tst_config_gatewayfiles.moc"
