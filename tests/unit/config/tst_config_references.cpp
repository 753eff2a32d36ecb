// ${VAR} and SecretRefs on credential fields, resolved at load as OpenClaw resolves them: the
// env, file (json and singleValue) and exec sources for real (files in a temporary directory,
// an exec resolver script run without a shell), unresolved ones a per-account problem that
// names the reference and never a value; the file's text keeps the references.
#include "config/configloader.h"
#include "config/envsubst.h"
#include "config/secretrefs.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

EnvLookup envOf(const QHash<QString, QString> &vars)
{
    return [vars](const QString &name) -> std::optional<QString> {
        if (vars.contains(name))
            return vars.value(name);
        return std::nullopt;
    };
}

bool writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return QFile::setPermissions(path, mode);
}

const QFile::Permissions k0600 = QFile::ReadOwner | QFile::WriteOwner;
const QFile::Permissions k0700 = k0600 | QFile::ExeOwner;

QJsonObject gotifyWith(const QJsonValue &clientToken, const QJsonObject &secrets = {})
{
    QJsonObject root{
        {"channels",
         QJsonObject{
             {"gotify",
              QJsonObject{{"accounts", QJsonObject{{"ops", QJsonObject{{"serverUrl", "http://127.0.0.1:8080"},
                                                                       {"clientToken", clientToken}}}}}}}}}};
    if (!secrets.isEmpty())
        root.insert("secrets", secrets);
    return root;
}

QJsonObject execProvider(const QString &command, int timeoutMs = 5000)
{
    return QJsonObject{{"providers", QJsonObject{{"pass", QJsonObject{{"source", "exec"},
                                                                      {"command", command},
                                                                      {"args", QJsonArray{"--store", "ops"}},
                                                                      {"passEnv", QJsonArray{"PATH"}},
                                                                      {"timeoutMs", timeoutMs}}}}}};
}

} // namespace

class TestConfigReferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void substitution_followsOpenClawsRules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("whole value") << "${TOKEN}"
                                     << "t0k" << QStringList{};
        QTest::newRow("inline") << "${BASE}/v1?x=${TOKEN}"
                                << "https://b/v1?x=t0k" << QStringList{};
        QTest::newRow("escaped") << "$${TOKEN}"
                                 << "${TOKEN}" << QStringList{};
        QTest::newRow("lower case is not a name") << "${token}"
                                                  << "${token}" << QStringList{};
        QTest::newRow("unset stays visible") << "a-${NOPE}"
                                             << "a-${NOPE}" << QStringList{"NOPE"};
        QTest::newRow("empty counts as unset") << "${EMPTY}"
                                               << "${EMPTY}" << QStringList{"EMPTY"};
        QTest::newRow("fallback") << "${NOPE:-60}"
                                  << "60" << QStringList{};
        QTest::newRow("fallback not used") << "${TOKEN:-x}"
                                           << "t0k" << QStringList{};
        QTest::newRow("nested is not a fallback") << "${A:-${TOKEN}}"
                                                  << "${A:-t0k}" << QStringList{};
        QTest::newRow("lone dollars") << "$5 $$ $"
                                      << "$5 $$ $" << QStringList{};
        // Found by tests/fuzz/config_envsubst: the name check ended in '$', which matches before
        // a final newline too, so "TOKEN\n" counted as a name.
        QTest::newRow("a newline is not part of a name") << "${TOKEN\n}"
                                                         << "${TOKEN\n}" << QStringList{};
    }
    void substitution_followsOpenClawsRules()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QStringList, missing);
        const EnvSubstitution s = substituteEnv(text,
                                                envOf({{"TOKEN", "t0k"}, {"BASE", "https://b"}, {"EMPTY", ""}}));
        QCOMPARE(s.text, expected);
        QCOMPARE(s.missing, missing);
    }

    void configEnvBlock_fillsWhatTheProcessLacks_neverOverrides()
    {
        qputenv("CT_TEST_FROM_PROCESS", "process");
        const EnvLookup env = configEnvironment(
            QJsonObject{{"env", QJsonObject{{"CT_TEST_FROM_PROCESS", "config"},
                                            {"vars", QJsonObject{{"CT_TEST_ONLY_CONFIG", "config"}}}}}});
        QCOMPARE(env("CT_TEST_FROM_PROCESS").value_or(QString()), QStringLiteral("process"));
        QCOMPARE(env("CT_TEST_ONLY_CONFIG").value_or(QString()), QStringLiteral("config"));
        qunsetenv("CT_TEST_FROM_PROCESS");
    }

    void envReference_resolves_rawKeepsTheReference()
    {
        const QJsonObject raw = gotifyWith("${GOTIFY_OPS_CLIENT}");
        const LoadResult r = configFromJson(raw, envOf({{"GOTIFY_OPS_CLIENT", "C-env"}}));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        const GotifyAccountConfig *a = r.config.gotifyAccount("ops");
        QCOMPARE(a->clientToken, QStringLiteral("C-env"));
        QCOMPARE(a->credentialRefs.value("clientToken").description, QStringLiteral("env GOTIFY_OPS_CLIENT"));
        QCOMPARE(r.config.raw, raw);
    }

    // The shorthand is read by hand (no regular expression at start, issue 11): $NAME or
    // ${NAME}, NAME an upper-case variable name, nothing before or after.
    void envShorthand_isDollarNameOrBracedName_only()
    {
        QString name;
        QVERIFY(SecretRefResolver::isEnvShorthand(QStringLiteral("$TOKEN_2"), &name));
        QCOMPARE(name, QStringLiteral("TOKEN_2"));
        QVERIFY(SecretRefResolver::isEnvShorthand(QStringLiteral("${_T}"), &name));
        QCOMPARE(name, QStringLiteral("_T"));
        for (const char *text :
             {"", "$", "${}", "${A", "$A}", "$1A", "${a}", "$A-B", "x$A", "${A}}", "$ A", "TOKEN"})
            QVERIFY2(!SecretRefResolver::isEnvShorthand(QString::fromLatin1(text), &name), text);
        QVERIFY(isEnvName(u"A1_B"));
        QVERIFY(!isEnvName(u""));
        QVERIFY(!isEnvName(u"9A"));
        QVERIFY(!isEnvName(u"A\u00c4"));
    }

    // Found with tests/fuzz/config_envsubst (the same '$' anchor): "$NAME\n" and "${NAME}\n"
    // were env shorthands, and an env SecretRef id "NAME\n" was valid.
    void envShorthand_andEnvIds_endWhereTheTextEnds()
    {
        QVERIFY(!isEnvName(QStringLiteral("TOKEN\n")));
        QVERIFY(!SecretRefResolver::isEnvShorthand(QStringLiteral("$TOKEN\n"), nullptr));
        QVERIFY(!SecretRefResolver::isEnvShorthand(QStringLiteral("${TOKEN}\n"), nullptr));
        const SecretRefResolver resolver({}, envOf({{"TOKEN\n", "t0k"}}));
        const SecretRefResult r = resolver.resolve(QJsonObject{{"source", "env"}, {"id", "TOKEN\n"}});
        QVERIFY(!r.ok);
        QCOMPARE(r.problem, QStringLiteral("an env SecretRef id must be an upper-case variable name"));
    }

    void envShorthandAndSecretRef_areTheSameReference()
    {
        for (const QJsonValue &v :
             {QJsonValue("$GOTIFY_OPS_CLIENT"),
              QJsonValue(QJsonObject{{"source", "env"}, {"provider", "default"}, {"id", "GOTIFY_OPS_CLIENT"}})}) {
            const LoadResult r = configFromJson(gotifyWith(v), envOf({{"GOTIFY_OPS_CLIENT", "C-env"}}));
            QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
            QCOMPARE(r.config.gotifyAccount("ops")->clientToken, QStringLiteral("C-env"));
        }
    }

    void unresolved_isAProblemOfThatAccount_valueEmpty_neverEchoed()
    {
        const LoadResult r = configFromJson(gotifyWith("${GOTIFY_OPS_CLIENT}"), envOf({}));
        QCOMPARE(
            r.problemStrings(),
            QStringList{"channels.gotify.accounts.ops.clientToken: unresolved reference (env GOTIFY_OPS_CLIENT): "
                        "environment variable GOTIFY_OPS_CLIENT is not set"});
        QVERIFY(r.config.gotifyAccount("ops")->clientToken.isEmpty()); // never sent as "${…}"
        QVERIFY(!r.config.gotifyAccount("ops")->credentialRefs.value("clientToken").resolved());
    }

    void disabledAccount_referenceIsNotResolved_norAProblem()
    {
        QJsonObject raw = gotifyWith(QJsonObject{{"source", "exec"}, {"provider", "pass"}, {"id", "x"}});
        QJsonObject channels = raw["channels"].toObject();
        QJsonObject gotify = channels["gotify"].toObject();
        gotify["enabled"] = false;
        channels["gotify"] = gotify;
        raw["channels"] = channels;
        const LoadResult r = configFromJson(raw, envOf({}));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    }

    void fileProvider_jsonPointerAndSingleValue()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath("secrets.json");
        QVERIFY(writeFile(json, R"({"gotify": {"ops/main": "C-file", "n": 5}})", k0600));
        const QString single = dir.filePath("app.key");
        QVERIFY(writeFile(single, "A-single\n", k0600));
        const QJsonObject secrets{
            {"providers",
             QJsonObject{{"vault", QJsonObject{{"source", "file"}, {"path", json}, {"mode", "json"}}},
                         {"key", QJsonObject{{"source", "file"}, {"path", single}, {"mode", "singleValue"}}}}}};
        QJsonObject raw = gotifyWith(
            QJsonObject{{"source", "file"}, {"provider", "vault"}, {"id", "/gotify/ops~1main"}}, secrets);
        QJsonObject channels = raw["channels"].toObject();
        QJsonObject gotify = channels["gotify"].toObject();
        QJsonObject accounts = gotify["accounts"].toObject();
        QJsonObject ops = accounts["ops"].toObject();
        ops["appToken"] = QJsonObject{{"source", "file"}, {"provider", "key"}, {"id", "value"}};
        accounts["ops"] = ops;
        gotify["accounts"] = accounts;
        channels["gotify"] = gotify;
        raw["channels"] = channels;
        const LoadResult r = configFromJson(raw, envOf({}));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        const GotifyAccountConfig *a = r.config.gotifyAccount("ops");
        QCOMPARE(a->clientToken, QStringLiteral("C-file"));
        QCOMPARE(a->appToken, QStringLiteral("A-single"));
        QCOMPARE(a->credentialRefs.value("clientToken").description,
                 QStringLiteral("file provider vault /gotify/ops~1main"));
        QCOMPARE(a->credentialRefs.value("appToken").description, QStringLiteral("file provider key"));

        // A secret file others can read, a pointer to nothing, a number: refused, clearly.
        QVERIFY(QFile::setPermissions(json, k0600 | QFile::ReadOther));
        SecretRefResolver resolver(raw, envOf({}));
        SecretRefResult bad = resolver.resolve({{"source", "file"}, {"provider", "vault"}, {"id", "/gotify/n"}});
        QVERIFY2(bad.problem.contains("readable by group or others"), qPrintable(bad.problem));
        QVERIFY(QFile::setPermissions(json, k0600));
        bad = resolver.resolve({{"source", "file"}, {"provider", "vault"}, {"id", "/gotify/n"}});
        QCOMPARE(bad.problem, QStringLiteral("the value at /gotify/n in %1 is not a non-empty string").arg(json));
        bad = resolver.resolve({{"source", "file"}, {"provider", "vault"}, {"id", "/nope"}});
        QCOMPARE(bad.problem, QStringLiteral("no value at /nope in %1").arg(json));
        bad = resolver.resolve({{"source", "file"}, {"provider", "ghost"}, {"id", "/x"}});
        QCOMPARE(bad.problem, QStringLiteral("no provider \"ghost\" in secrets.providers"));
    }

    void execProvider_runsWithoutShellOrSecretInArgv_minimalEnvironment()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath("resolver");
        const QString seen = dir.filePath("seen");
        // The resolver records its argv, environment and request, then answers the protocol.
        QVERIFY(
            writeFile(script,
                      QStringLiteral("#!/bin/sh\n"
                                     "echo \"argv: $*\" > '%1'\n"
                                     "env >> '%1'\n"
                                     "cat >> '%1'\n"
                                     "echo '{\"protocolVersion\":1,\"values\":{\"openim/primary\":\"T-exec\"}}'\n")
                          .arg(seen)
                          .toUtf8(),
                      k0700));
        qputenv("CT_TEST_NOT_PASSED", "secret-of-the-parent");
        SecretRefResolver resolver(QJsonObject{{"secrets", execProvider(script)}}, envOf({}));
        const SecretRefResult r = resolver.resolve(
            {{"source", "exec"}, {"provider", "pass"}, {"id", "openim/primary"}});
        qunsetenv("CT_TEST_NOT_PASSED");
        QVERIFY2(r.ok, qPrintable(r.problem));
        QCOMPARE(r.value, QStringLiteral("T-exec"));
        QCOMPARE(r.description, QStringLiteral("exec provider pass openim/primary"));
        QFile f(seen);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString log = QString::fromUtf8(f.readAll());
        QVERIFY2(log.startsWith("argv: --store ops\n"), qPrintable(log)); // argv from config only
        QVERIFY2(!log.contains("secret-of-the-parent"), qPrintable(log));
        QVERIFY2(log.contains("PATH="), qPrintable(log));
        QVERIFY2(log.contains(R"({"ids":["openim/primary"],"protocolVersion":1,"provider":"pass"})"),
                 qPrintable(log));
    }

    void execProvider_timeoutAndBadAnswers_areProblems_outputNeverEchoed()
    {
        QTemporaryDir dir;
        const QString slow = dir.filePath("slow");
        QVERIFY(writeFile(slow, "#!/bin/sh\nexec sleep 30\n", k0700));
        const QString chatty = dir.filePath("chatty");
        QVERIFY(writeFile(chatty, "#!/bin/sh\necho 'not json: hunter2'\n", k0700));
        const QString notFound = dir.filePath("notfound");
        QVERIFY(writeFile(
            notFound,
            "#!/bin/sh\necho '{\"protocolVersion\":1,\"values\":{},\"errors\":{\"x\":{\"code\":\"NOT_FOUND\"}}}'\n",
            k0700));
        const QJsonObject ref{{"source", "exec"}, {"provider", "pass"}, {"id", "x"}};

        QElapsedTimer timer;
        timer.start();
        SecretRefResult r = SecretRefResolver(QJsonObject{{"secrets", execProvider(slow, 300)}}, envOf({}))
                                .resolve(ref);
        QCOMPARE(r.problem, QStringLiteral("%1 did not answer within 300 ms").arg(slow));
        QVERIFY(timer.elapsed() < 20000);
        r = SecretRefResolver(QJsonObject{{"secrets", execProvider(chatty)}}, envOf({})).resolve(ref);
        QCOMPARE(r.problem, QStringLiteral("%1 did not answer with the JSON of the exec protocol").arg(chatty));
        r = SecretRefResolver(QJsonObject{{"secrets", execProvider(notFound)}}, envOf({})).resolve(ref);
        QCOMPARE(r.problem, QStringLiteral("%1 answered NOT_FOUND for x").arg(notFound));
        r = SecretRefResolver(QJsonObject{{"secrets", execProvider("relative/cmd")}}, envOf({})).resolve(ref);
        QCOMPARE(r.problem, QStringLiteral("secrets.providers.pass.command must be an absolute path"));
        QVERIFY(QFile::setPermissions(chatty, k0700 | QFile::WriteOther));
        r = SecretRefResolver(QJsonObject{{"secrets", execProvider(chatty)}}, envOf({})).resolve(ref);
        QCOMPARE(r.problem, QStringLiteral("%1 is writable by group or others").arg(chatty));
    }

    void refreshRecipe_headersAndBody_takeReferences()
    {
        const QJsonObject raw{
            {"channels",
             QJsonObject{
                 {"multi-openim",
                  QJsonObject{
                      {"tokenRefresh",
                       QJsonObject{
                           {"mode", "http"},
                           {"http",
                            QJsonObject{{"endpoint", "${AUTH_BASE}/refresh"},
                                        {"headers", QJsonObject{{"Authorization", "Bearer ${REFRESH_KEY}"},
                                                                {"X-Secret", QJsonObject{{"source", "env"},
                                                                                         {"provider", "default"},
                                                                                         {"id", "REFRESH_KEY"}}}}},
                                        {"body", QJsonObject{{"key", QJsonObject{{"source", "env"},
                                                                                 {"provider", "default"},
                                                                                 {"id", "NOT_SET"}}}}}}}}},
                      {"accounts", QJsonObject{{"p", QJsonObject{{"token", "t"},
                                                                 {"wsAddr", "ws://127.0.0.1:1"},
                                                                 {"apiAddr", "http://127.0.0.1:2"}}}}}}}}}};
        const LoadResult r = configFromJson(raw,
                                            envOf({{"AUTH_BASE", "https://auth.example"}, {"REFRESH_KEY", "rk"}}));
        const HttpRefreshConfig &http = r.config.openim.tokenRefresh.http;
        QCOMPARE(http.endpoint, QStringLiteral("https://auth.example/refresh"));
        QCOMPARE(http.headers.value("Authorization"), QStringLiteral("Bearer rk"));
        QCOMPARE(http.headers.value("X-Secret"), QStringLiteral("rk"));
        QCOMPARE(
            r.problemStrings(),
            QStringList{"channels.multi-openim.tokenRefresh.http.body.key: unresolved reference (env NOT_SET): "
                        "environment variable NOT_SET is not set"});
    }
};

QTEST_GUILESS_MAIN(TestConfigReferences)
#include "tst_config_references.moc"
