// The setup commands, run as a user runs them: the real `channeltray` binary, a config file in
// a temporary directory, and the real Secret Service (gnome-keyring started by
// tools/headless.sh). Tokens go in on stdin and must come out nowhere but the keychain.
// (No raw string literals with "//" inside the class: moc 6.4 then misses Q_OBJECT.)
#include "config/configloader.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString binary()
{
    return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray");
}

Run run(const QStringList &args, const QByteArray &stdinData = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// The "config"."warnings" of a `doctor --json` run.
QJsonArray configWarnings(const Run &doctorJson)
{
    return QJsonDocument::fromJson(doctorJson.out.toUtf8())
        .object()
        .value(QStringLiteral("config"))
        .toObject()
        .value(QStringLiteral("warnings"))
        .toArray();
}
} // namespace

class TestCliSetup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("config-%1.json").arg(QTest::currentTestFunction()));
    }

    void doctor_namesTheConfigFileItUsesAndWhy_andTheGatewaysFilesItFinds()
    {
        // A user with no ChannelTray config and a gateway in ~/.openclaw (with its .env).
        const QString home = m_dir.filePath(QStringLiteral("home-doctor"));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/.openclaw")));
        writeFile(home + QStringLiteral("/.openclaw/openclaw.json"), "{ channels: {} }\n");
        writeFile(home + QStringLiteral("/.openclaw/.env"), "GOTIFY_TOKEN=x\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        env.remove(QStringLiteral("OPENCLAW_CONFIG_PATH"));
        env.remove(QStringLiteral("OPENCLAW_STATE_DIR"));
        Run r = run({QStringLiteral("doctor")}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral("config: %1/.config/channeltray/config.json\n  why: ChannelTray's own "
                                          "config\n")
                               .arg(home)),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("the gateway's config is %1/.openclaw/openclaw.json").arg(home)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("variables also from: %1/.openclaw/.env").arg(home)),
                 qPrintable(r.out));

        r = run({QStringLiteral("doctor"), QStringLiteral("--json")}, {}, env);
        const QJsonObject config = QJsonDocument::fromJson(r.out.toUtf8()).object().value("config").toObject();
        QCOMPARE(config.value("reason").toString(), QStringLiteral("ChannelTray's own config"));
        QCOMPARE(config.value("gatewayConfig").toString(), home + QStringLiteral("/.openclaw/openclaw.json"));

        // The gateway's file in place (as the first-run page remembers it): a token from its .env.
        writeFile(home + QStringLiteral("/.openclaw/openclaw.json"),
                  "{ channels: { gotify: { accounts: { ops: { serverUrl: 'http://127.0.0.1:1', "
                  "clientToken: '${GOTIFY_TOKEN}' } } } } }\n");
        QVERIFY(QDir().mkpath(home + QStringLiteral("/.config/channeltray")));
        writeFile(
            home + QStringLiteral("/.config/channeltray/location.json"),
            QJsonDocument(QJsonObject{{"gatewayConfigInPlace", home + QStringLiteral("/.openclaw/openclaw.json")}})
                .toJson());
        env.remove(QStringLiteral("GOTIFY_TOKEN"));
        r = run({QStringLiteral("doctor")}, {}, env);
        QVERIFY2(
            r.out.contains(QStringLiteral("config: %1/.openclaw/openclaw.json\n  why: the gateway's own config, "
                                          "used in place")
                               .arg(home)),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("clientToken: env GOTIFY_TOKEN from %1/.openclaw/.env").arg(home)),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("the gateway's config is")), qPrintable(r.out));
    }

    void doctor_onAConfigWithIncludes_listsTheIncludedFiles()
    {
        writeFile(m_dir.filePath(QStringLiteral("gotify-part.json5")),
                  "{ accounts: { ops: { serverUrl: 'http://127.0.0.1:1', clientToken: 'C' } } }");
        writeFile(m_config, "{ channels: { gotify: { $include: './gotify-part.json5' } } }");
        const Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config});
        QVERIFY2(r.out.contains(
                     QStringLiteral("  includes: %1\n").arg(m_dir.filePath(QStringLiteral("gotify-part.json5")))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("gotify/ops")), qPrintable(r.out));
    }

    void doctor_onABrokenConfig_listsEveryProblemWithItsJsonPath_andExits1()
    {
        writeFile(
            m_config,
            "{ \"channels\": { \"gotify\": { \"accounts\": { \"ops\": { \"serverUrl\": \"ftp://x\", \"clientToken\": \"C1\", \"inbound\": { \"reconnectDelayMs\": -5 } } } }, \"multi-openim\": { \"accounts\": { \"team-b\": { \"wsAddr\": \"http://x\", \"apiAddr\": \"http://y\", \"token\": \"a.b.c\" } } } }, \"session\": { \"dmScope\": \"per-planet\" } }");
        const Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("channels.gotify.accounts.ops.serverUrl: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("channels.gotify.accounts.ops.inbound.reconnectDelayMs: ")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("channels.multi-openim.accounts.team-b.wsAddr: ")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("session.dmScope: ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("plain text in the config file")));
        QVERIFY(!r.out.contains(QStringLiteral("C1")) && !r.err.contains(QStringLiteral("C1")));
    }

    void doctor_onInvalidJson_reportsLineAndColumn()
    {
        writeFile(m_config, "{\n  \"channels\": {\n    \"gotify\": [1,,2]\n  }\n}\n");
        const Run r = run(
            {QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        const QString problem = o.value(QStringLiteral("config"))
                                    .toObject()
                                    .value(QStringLiteral("problems"))
                                    .toArray()
                                    .first()
                                    .toString();
        QVERIFY2(problem.contains(QStringLiteral("line 3")), qPrintable(problem));
    }

    void doctor_withEveryTokenInline_neverTouchesTheKeychain()
    {
        writeFile(
            m_config,
            "{\"channels\":{\"gotify\":{\"accounts\":{\"ops\":{\"serverUrl\":\"http://127.0.0.1:9\", \"appToken\":\"A1\",\"clientToken\":\"C1\"}}}}}");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const Run r = run(
            {QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config}, {}, env);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("keychainUsed")).toBool(true), false);
        const QJsonObject tokens = o.value(QStringLiteral("accounts"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("tokens"))
                                       .toObject();
        QCOMPARE(tokens.value(QStringLiteral("clientToken")).toString(), QStringLiteral("inline"));
    }

    void doctor_onAConfigWithInlineTokensThatOthersCanRead_warnsWithItsModeAndTheFix()
    {
        writeFile(
            m_config,
            "{\"channels\":{\"gotify\":{\"accounts\":{\"ops\":{\"serverUrl\":\"http://127.0.0.1:9\", \"appToken\":\"A1\",\"clientToken\":\"C1\"}}}}}");
        QVERIFY(QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                    | QFile::ReadOther)); // 0644
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const QString warning = QStringLiteral("%1 holds tokens in plain text and others can read it (mode 0644): "
                                               "run `chmod 600 %1`")
                                    .arg(m_config);
        Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QCOMPARE(r.exitCode, 0); // a warning, not a problem
        QVERIFY2(r.out.contains(QStringLiteral("  warning: ") + warning), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("A1")) && !r.out.contains(QStringLiteral("C1")));
        r = run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config}, {},
                env);
        const QJsonArray warnings = configWarnings(r);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().toString().startsWith(warning));
        // Owner-only: nothing to say.
        QVERIFY(QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner));
        r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
    }

    void accountsList_showsEachServer_withoutItsPasswordQueryOrFragment()
    {
        writeFile(m_config, "{\"channels\":{\"gotify\":{\"accounts\":{\"ops\":{\"serverUrl\":"
                            "\"https://user:pw-s3cret@gotify.example/base?key=q-s3cret#access_token=f-s3cret\"}}},"
                            "\"multi-openim\":{\"accounts\":{\"im\":{\"wsAddr\":\"wss://im.example/ws\","
                            "\"apiAddr\":\"https://im.example/api\"}}}}}");
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--config"),
                             m_config};
            if (json)
                args << QStringLiteral("--json");
            const Run r = run(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(!r.out.contains(QStringLiteral("s3cret")), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("https://gotify.example/base?…#…")), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("wss://im.example/ws")), qPrintable(r.out));
        }
    }

    void doctor_onARefreshStateFileAndMarkerThatOthersCanRead_warnsWithTheirModeAndTheFix()
    {
        const QString state = m_dir.filePath(QStringLiteral("refresh-state.json"));
        const QString marker = m_dir.filePath(QStringLiteral("manual-login.json"));
        const QString accountMarker = m_dir.filePath(QStringLiteral("manual-login.ops-bot.json"));
        writeFile(state, "{\"ops-bot\":{\"refreshToken\":\"R-s3cret-refresh\"}}");
        writeFile(accountMarker, "{\"account\":\"multi-openim/ops-bot\"}");
        writeFile(m_config,
                  QStringLiteral("{\"channels\":{\"multi-openim\":{\"tokenRefresh\":{\"mode\":\"http\","
                                 "\"http\":{\"stateFile\":\"%1\",\"endpoint\":\"http://127.0.0.1:9/refresh\"},"
                                 "\"manualLoginMarkerPath\":\"%2\"},\"accounts\":{\"ops-bot\":{"
                                 "\"wsAddr\":\"ws://127.0.0.1:1\",\"apiAddr\":\"http://127.0.0.1:2\"}}}}}")
                      .arg(state, marker)
                      .toUtf8());
        const auto mode = [](const QString &path, QFile::Permissions p) {
            QVERIFY(QFile::setPermissions(path, p));
        };
        const QFile::Permissions wide = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        mode(state, wide);                             // 0644
        mode(accountMarker, wide & ~QFile::ReadOther); // 0640
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const QString stateWarning = QStringLiteral("%1 (tokenRefresh.http.stateFile) holds refresh tokens and "
                                                    "others can read it (mode 0644): run `chmod 600 %1`")
                                         .arg(state);
        const QString markerWarning = QStringLiteral("%1 (the manual-login marker of multi-openim/ops-bot) says "
                                                     "why the account's token could not be renewed, and others "
                                                     "can read it (mode 0640): run `chmod 600 %1`")
                                          .arg(accountMarker);
        Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QVERIFY2(r.out.contains(QStringLiteral("  warning: ") + stateWarning), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("  warning: ") + markerWarning), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("R-s3cret-refresh")));
        r = run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config}, {},
                env);
        const QJsonArray warnings = configWarnings(r);
        QCOMPARE(warnings, (QJsonArray{stateWarning, markerWarning}));
        // Owner-only, as ChannelTray writes them: nothing to say.
        mode(state, QFile::ReadOwner | QFile::WriteOwner);
        mode(accountMarker, QFile::ReadOwner | QFile::WriteOwner);
        r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
    }

    void doctor_onOpenClawsDotEnvThatOthersCanRead_warnsWithItsModeAndTheFix()
    {
        // The gateway's global .env (<state directory>/.env) sets the token the config names.
        const QString state = m_dir.filePath(QStringLiteral("openclaw-state"));
        QVERIFY(QDir().mkpath(state));
        const QString dotEnv = state + QStringLiteral("/.env");
        writeFile(dotEnv, "GOTIFY_CLIENT=C-s3cret-from-dotenv\n");
        writeFile(m_config, "{channels:{gotify:{accounts:{ops:{serverUrl:'http://127.0.0.1:9',"
                            "clientToken:'${GOTIFY_CLIENT}'}}}}}");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        env.insert(QStringLiteral("OPENCLAW_STATE_DIR"), state);
        env.remove(QStringLiteral("GOTIFY_CLIENT"));
        const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        QVERIFY(QFile::setPermissions(dotEnv, owner | QFile::ReadGroup)); // 0640
        const QString warning = QStringLiteral("%1 (OpenClaw's .env) sets variables that can hold tokens, and "
                                               "others can read it (mode 0640): run `chmod 600 %1`")
                                    .arg(dotEnv);
        Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QVERIFY2(r.out.contains(QStringLiteral("  warning: ") + warning), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("clientToken: env GOTIFY_CLIENT from %1").arg(dotEnv)),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("s3cret")));
        r = run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config}, {},
                env);
        QCOMPARE(configWarnings(r), QJsonArray{warning});
        // Owner-only: nothing to say; nor about a readable .env that sets nothing.
        QVERIFY(QFile::setPermissions(dotEnv, owner));
        r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
        writeFile(dotEnv, "# nothing set here\n");
        QVERIFY(QFile::setPermissions(dotEnv, owner | QFile::ReadGroup | QFile::ReadOther));
        r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
    }

    void doctor_saysWhereEachReferencedTokenComesFrom_withoutPrintingIt()
    {
        const QString vault = m_dir.filePath(QStringLiteral("vault.json"));
        writeFile(vault, "{\"gotify\": {\"ops\": \"C-FROM-VAULT\"}}");
        QFile::setPermissions(vault, QFile::ReadOwner | QFile::WriteOwner);
        writeFile(
            m_config,
            QStringLiteral(
                "{\n  // tokens by reference\n  secrets: { providers: { vault: { source: 'file', path: '%1', mode: 'json' } } },\n"
                "  channels: { gotify: { accounts: {\n"
                "    ops: { serverUrl: 'http://127.0.0.1:9', clientToken: { source: 'file', provider: 'vault', id: '/gotify/ops' },\n"
                "           appToken: '${CT_DOCTOR_APP}' },\n"
                "    home: { serverUrl: 'http://127.0.0.1:9', clientToken: '$CT_DOCTOR_UNSET' },\n"
                "  } } },\n}\n")
                .arg(vault)
                .toUtf8());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CT_DOCTOR_APP"), QStringLiteral("A-FROM-ENV"));
        env.remove(QStringLiteral("CT_DOCTOR_UNSET"));
        Run r = run({QStringLiteral("doctor"), QStringLiteral("--config"), m_config}, {}, env);
        QCOMPARE(r.exitCode, 1); // home's reference is unresolved
        QVERIFY2(r.out.contains(QStringLiteral("clientToken: file provider vault /gotify/ops")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("appToken: env CT_DOCTOR_APP")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("clientToken: missing (env CT_DOCTOR_UNSET unresolved)")),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral(
                "channels.gotify.accounts.home.clientToken: unresolved reference (env CT_DOCTOR_UNSET): environment variable CT_DOCTOR_UNSET is not set")),
            qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("C-FROM-VAULT")) && !r.out.contains(QStringLiteral("A-FROM-ENV")));
        QVERIFY(!r.err.contains(QStringLiteral("C-FROM-VAULT")) && !r.err.contains(QStringLiteral("A-FROM-ENV")));
        r = run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config}, {},
                env);
        QJsonObject ops;
        for (const QJsonValue &a :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("accounts")).toArray())
            if (a.toObject().value(QStringLiteral("account")).toString() == QStringLiteral("gotify/ops"))
                ops = a.toObject();
        QCOMPARE(ops.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("clientToken")).toString(),
                 QStringLiteral("file"));
        QCOMPARE(ops.value(QStringLiteral("tokenSources")).toObject().value(QStringLiteral("appToken")).toString(),
                 QStringLiteral("env CT_DOCTOR_APP"));
    }

    void addThenSetToken_putsTheTokenInTheKeychain_andNoTokenInTheFile()
    {
        const QString token = QStringLiteral("Ctest-%1").arg(QDateTime::currentMSecsSinceEpoch());
        Run r = run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("gotify/ops"),
                     QStringLiteral("--server-url"), QStringLiteral("http://127.0.0.1:8080"),
                     QStringLiteral("--config"), m_config});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QFileDevice::Permissions mode = QFile::permissions(m_config);
        QVERIFY(mode.testFlag(QFileDevice::ReadOwner) && mode.testFlag(QFileDevice::WriteOwner));
        QVERIFY(!(mode
                  & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                     | QFileDevice::WriteOther))); // 0600
        r = run({QStringLiteral("accounts"), QStringLiteral("set-token"), QStringLiteral("gotify/ops"),
                 QStringLiteral("--field"), QStringLiteral("clientToken"), QStringLiteral("--config"), m_config},
                token.toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(token) && !r.err.contains(token));
        QVERIFY(!readFile(m_config).contains(token.toUtf8()));

        SecretStore store;
        const SecretResult read = store.readBlocking({kGotifyChannel, QStringLiteral("ops")},
                                                     QStringLiteral("clientToken"));
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.value, token);

        r = run({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--config"), m_config});
        const QJsonObject tokens = QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("accounts"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("tokens"))
                                       .toObject();
        QCOMPARE(tokens.value(QStringLiteral("clientToken")).toString(), QStringLiteral("keychain"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(token));
    }

    // Through its runtime (AppRuntime::setToken, TokenRefresher::tokenReplaced), building no
    // account: nothing on stderr (no state of an account that is not running, no history query).
    void setToken_onAnOpenImAccount_removesItsManualLoginMarker_sayingOnlyWhatItDid()
    {
        const QString marker = m_dir.filePath(QStringLiteral("markers/manual-login.json"));
        const QString accountMarker = m_dir.filePath(QStringLiteral("markers/manual-login.ops-bot.json"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("markers")));
        writeFile(accountMarker, "{\"account\":\"multi-openim/ops-bot\"}");
        writeFile(
            m_config,
            QStringLiteral(
                "{\"channels\":{\"multi-openim\":{\"tokenRefresh\":{\"mode\":\"off\",\"manualLoginMarkerPath\":\"%1\"},"
                "\"accounts\":{\"ops-bot\":{\"wsAddr\":\"ws://127.0.0.1:1\",\"apiAddr\":\"http://127.0.0.1:2\"}}}}}")
                .arg(marker)
                .toUtf8());
        const Run r = run({QStringLiteral("accounts"), QStringLiteral("set-token"),
                           QStringLiteral("multi-openim/ops-bot"), QStringLiteral("--config"), m_config},
                          QByteArray("H.E.Y"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(accountMarker));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("removed the manual-login marker ") + accountMarker,
                              QStringLiteral("stored token of multi-openim/ops-bot in the keychain")}));
    }

    void setToken_onAnInlineToken_movesItOutOfTheFile_keepingUnknownKeys()
    {
        writeFile(
            m_config,
            "{\"gateway\":{\"port\":18789},\"channels\":{\"multi-openim\":{\"accounts\":{\"primary\": {\"wsAddr\":\"ws://127.0.0.1:10001\",\"apiAddr\":\"http://127.0.0.1:10002\",\"token\":\"OLD.TOKEN.X\",\"extraKey\":7}}}}}");
        const Run r = run({QStringLiteral("accounts"), QStringLiteral("set-token"),
                           QStringLiteral("multi-openim/primary"), QStringLiteral("--config"), m_config},
                          QByteArray("NEW.TOKEN.Y\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray after = readFile(m_config);
        QVERIFY(!after.contains("OLD.TOKEN.X"));
        QVERIFY(!after.contains("NEW.TOKEN.Y"));
        const QJsonObject root = QJsonDocument::fromJson(after).object();
        QCOMPARE(root.value(QStringLiteral("gateway")).toObject().value(QStringLiteral("port")).toInt(), 18789);
        QCOMPARE(root[QStringLiteral("channels")][QStringLiteral("multi-openim")][QStringLiteral("accounts")]
                     [QStringLiteral("primary")][QStringLiteral("extraKey")]
                         .toInt(),
                 7);
        SecretStore store;
        QCOMPARE(store.readBlocking({kOpenImChannel, QStringLiteral("primary")}, QStringLiteral("token")).value,
                 QStringLiteral("NEW.TOKEN.Y"));
    }

    void addAndSetToken_onAJson5OpenclawJson_changeOnlyTheirOwnBytes()
    {
        // The gateway's commented file (tests/unit/config/data/corpus), edited by the CLI: the
        // result is the hand-written expected file, byte for byte.
        const QString corpus = QStringLiteral(CONFIG_CORPUS_DIR);
        QFile::remove(m_config);
        QVERIFY(QFile::copy(corpus + QStringLiteral("/gotify-single.json5"), m_config));
        QVERIFY(QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner));
        Run r = run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("gotify/ops2"),
                     QStringLiteral("--server-url"), QStringLiteral("https://ops2.example.org"),
                     QStringLiteral("--default-priority"), QStringLiteral("7"), QStringLiteral("--config"),
                     m_config});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readFile(m_config), readFile(corpus + QStringLiteral("/expected/gotify-single.add-ops2.json5")));

        QFile::remove(m_config);
        QVERIFY(QFile::copy(corpus + QStringLiteral("/gotify-single.json5"), m_config));
        QVERIFY(QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner));
        r = run({QStringLiteral("accounts"), QStringLiteral("set-token"), QStringLiteral("gotify/default"),
                 QStringLiteral("--field"), QStringLiteral("clientToken"), QStringLiteral("--config"), m_config},
                QByteArray("CxFromStdin"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readFile(m_config),
                 readFile(corpus + QStringLiteral("/expected/gotify-single.drop-clientToken.json5")));
        QCOMPARE(readFile(m_config + QStringLiteral(".bak")),
                 readFile(corpus + QStringLiteral("/gotify-single.json5")));
    }

    void editCommands_onInvalidJson_failAndLeaveTheFileByteForByte()
    {
        const QByteArray broken = "{ \"channels\": { \"gotify\": { \"accounts\": { \"ops\": { ,,, } } } }";
        writeFile(m_config, broken);
        Run r = run({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("gotify/ops"),
                     QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("gotify/new"),
                 QStringLiteral("--server-url"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--config"),
                 m_config});
        QCOMPARE(r.exitCode, 1);
        r = run({QStringLiteral("accounts"), QStringLiteral("set-token"), QStringLiteral("gotify/ops"),
                 QStringLiteral("--field"), QStringLiteral("appToken"), QStringLiteral("--config"), m_config},
                QByteArray("A-never-stored"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 1")), qPrintable(r.err));
        QCOMPARE(readFile(m_config), broken);
    }

    void usageErrors_exit2_withAOneLineReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("accounts without subcommand") << QStringList{QStringLiteral("accounts")};
        QTest::newRow("bad address") << QStringList{QStringLiteral("accounts"), QStringLiteral("set-token"),
                                                    QStringLiteral("ops")};
        QTest::newRow("gotify needs --field")
            << QStringList{QStringLiteral("accounts"), QStringLiteral("set-token"), QStringLiteral("gotify/ops")};
        QTest::newRow("unknown doctor option") << QStringList{QStringLiteral("doctor"), QStringLiteral("--bogus")};
        QTest::newRow("add without url")
            << QStringList{QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("gotify/x")};
    }
    void usageErrors_exit2_withAOneLineReason()
    {
        QFETCH(QStringList, args);
        writeFile(m_config, "{\"channels\":{}}");
        const Run r = run(args + QStringList{QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!r.err.trimmed().isEmpty());
    }

    void removeAccount_dropsItFromTheFileAndTheKeychain()
    {
        writeFile(
            m_config,
            "{\"channels\":{\"gotify\":{\"accounts\":{\"ops\":{\"serverUrl\":\"http://127.0.0.1:1\"}, \"keep\":{\"serverUrl\":\"http://127.0.0.1:2\"}}}}}");
        SecretStore store;
        QVERIFY(store
                    .writeBlocking({kGotifyChannel, QStringLiteral("ops")}, QStringLiteral("appToken"),
                                   QStringLiteral("A-remove-me"))
                    .ok());
        const Run r = run({QStringLiteral("accounts"), QStringLiteral("remove"), QStringLiteral("gotify/ops"),
                           QStringLiteral("--config"), m_config});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const LoadResult load = loadConfig(m_config);
        QVERIFY(!load.config.gotifyAccount(QStringLiteral("ops")));
        QVERIFY(load.config.gotifyAccount(QStringLiteral("keep")));
        QCOMPARE(store.readBlocking({kGotifyChannel, QStringLiteral("ops")}, QStringLiteral("appToken")).error,
                 SecretError::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCliSetup)
#include "tst_cli_setup.moc"
