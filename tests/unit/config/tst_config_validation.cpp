// Validation names the JSON path and the problem, and reports every problem, not the first.
#include "configtesthelpers.h"
#include "validationcases.h"

using namespace ct;
using namespace configtest;

class TestConfigValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validBase_hasNoProblems()
    {
        const LoadResult r = configFromJson(validBase());
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    }

    // One wrong value set into the valid base → exactly this one problem.
    void oneWrongValue_reportsExactlyThatProblem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        for (const ValidationCase &c : oneWrongValueCases())
            QTest::newRow(c.name) << c.path << c.value << c.expected;
    }
    void oneWrongValue_reportsExactlyThatProblem()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        const QJsonObject root = withValue(validBase(), path.split('.'), jsonValue(value));
        const LoadResult r = configFromJson(root);
        QCOMPARE(r.problemStrings(), QStringList{expected});
    }

    void everyProblem_isReported_notJustTheFirst()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "defaultPriority"}, QStringLiteral("x"));
        root = withValue(root, {"channels", "multi-openim", "accounts", "primary", "wsAddr"},
                         QStringLiteral("http://x"));
        root = withValue(root, {"session", "dmScope"}, QStringLiteral("nope"));
        root = withValue(root, {"channels", "gotify", "inbound", "maxReconnectAttempts"}, 0);
        const LoadResult r = configFromJson(root);
        QCOMPARE(r.problems.size(), 4);
        QStringList paths;
        for (const ConfigProblem &p : r.problems)
            paths << p.path;
        paths.sort();
        QCOMPARE(paths,
                 (QStringList{"channels.gotify.defaultPriority", "channels.gotify.inbound.maxReconnectAttempts",
                              "channels.multi-openim.accounts.primary.wsAddr", "session.dmScope"}));
    }

    void invalidJson_reportsLineAndColumn()
    {
        const LoadResult r = parseConfig("{\n  \"a\": 1,\n  \"b\": ]\n}\n");
        QCOMPARE(r.problems.size(), 1);
        const ConfigProblem p = r.problems.first();
        QVERIFY(!r.jsonValid); // raw is empty: nothing to edit and save back
        QCOMPARE(p.line, 3);
        QCOMPARE(p.column, 8); // the stray ']'
        QVERIFY(p.path.isEmpty());
        QVERIFY2(p.toString().startsWith("invalid JSON5 at line 3, column 8 (in b): "), qPrintable(p.toString()));
    }
    void invalidJson_columnCountsCharactersNotBytes()
    {
        const LoadResult r = parseConfig(QStringLiteral("{\n  \"\u00e4\u00f6\": ]\n}").toUtf8());
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().line, 2);
        QCOMPARE(r.problems.first().column, 9);
    }
    void invalidJson_missingSeparator_onFirstLine()
    {
        const LoadResult r = parseConfig(R"({"a" 1})");
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().line, 1);
        QCOMPARE(r.problems.first().column, 6);
    }
    void emptyFile_isAProblem()
    {
        const LoadResult r = parseConfig("  \n");
        QCOMPARE(r.problemStrings(), QStringList{"the file is empty; expected a JSON object"});
    }
    void topLevelArray_isAProblem()
    {
        const LoadResult r = parseConfig("[1, 2]");
        QCOMPARE(r.problemStrings(), QStringList{"expected a JSON object at the top, got an array"});
    }
    void missingFile_isAClearProblem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("nope/config.json");
        const LoadResult r = loadConfig(path);
        QVERIFY(!r.fileFound);
        QVERIFY(!r.jsonValid);
        QCOMPARE(r.problemStrings(), QStringList{QStringLiteral("config file %1 does not exist").arg(path)});
    }
    void invalidJsonInAFile_namesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"channels\": {,\n}");
        f.close();
        const LoadResult r = loadConfig(path);
        QVERIFY(r.fileFound);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(
            r.problems.first().message.startsWith(path + ": invalid JSON5 at line 2, column 16 (in channels): "),
            qPrintable(r.problems.first().message));
    }

    void unknownKeys_areNotProblems_andStayInRaw()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"gateway", "port"}, 18789);
        root = withValue(root, {"channels", "multi-openim", "someFutureKey"}, true);
        root = withValue(root, {"channels", "gotify", "accounts", "ops", "color"}, QStringLiteral("red"));
        root = withValue(root, {"channels", "telegram", "botToken"}, 5); // not our channel
        const LoadResult r = configFromJson(root);
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        QVERIFY(r.jsonValid);
        QCOMPARE(r.config.raw, root);
    }
    void openclawAgentsLayout_isNotAProblem()
    {
        QJsonObject root = validBase();
        root.insert("agents", jsonValue(R"({"defaults":{"model":"x","workspace":"~/w"},
                                            "list":[{"id":"main"}]})"));
        const LoadResult r = configFromJson(root);
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        QVERIFY(r.config.agents.isEmpty());
    }
    void accountBoundToTwoAgents_isAProblem()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"agents", "a1", "channels", "gotify", "accounts"}, QJsonArray{"ops"});
        root = withValue(root, {"agents", "a2", "channels", "gotify", "accounts"}, QJsonArray{"ops"});
        const LoadResult r = configFromJson(root);
        QCOMPARE(
            r.problemStrings(),
            QStringList{R"(agents.a2.channels.gotify.accounts[0]: gotify/ops is already bound to agent "a1")"});
    }

    void gotifyDefaultInBothForms_withDifferentServers_isADuplicate()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "serverUrl"}, QStringLiteral("http://one"));
        root = withValue(root, {"channels", "gotify", "accounts", "default", "serverUrl"},
                         QStringLiteral("http://two"));
        const LoadResult r = configFromJson(root);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().path, QStringLiteral("channels.gotify.accounts.default.serverUrl"));
        QVERIFY2(r.problems.first().message.startsWith(R"(duplicate account "default")"),
                 qPrintable(r.problems.first().message));
        QVERIFY(r.problems.first().message.contains("http://one"));
    }
    void gotifyDefaultInBothForms_withTheSameServer_merges()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "serverUrl"}, QStringLiteral("http://one/"));
        root = withValue(root, {"channels", "gotify", "accounts", "default", "serverUrl"},
                         QStringLiteral("http://one"));
        const LoadResult r = configFromJson(root);
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        QCOMPARE(r.config.gotify.accounts.size(), 2);
    }

    void tokenOfTheWrongType_isNeverEchoed()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "multi-openim", "accounts", "primary", "token"}, 123456789);
        root = withValue(root, {"channels", "gotify", "accounts", "ops", "appToken"}, 987654321);
        const LoadResult r = configFromJson(root);
        QCOMPARE(r.problemStrings(),
                 (QStringList{"channels.multi-openim.accounts.primary.token: expected a string, got a number",
                              "channels.gotify.accounts.ops.appToken: expected a string, got a number"}));
    }
    void badUrl_hidesItsQueryAndUserInfo()
    {
        const QJsonObject root = withValue(validBase(), {"channels", "gotify", "accounts", "ops", "serverUrl"},
                                           QStringLiteral("ftp://user:secret@host/path?token=s3cr3t"));
        const QString text = configFromJson(root).problemStrings().join('\n');
        QVERIFY2(!text.contains("secret") && !text.contains("s3cr3t"), qPrintable(text));
        QVERIFY2(text.contains("ftp://host/path?"), qPrintable(text));
    }

    void badUrl_hidesItsFragment_whereAnAccessTokenCanBe()
    {
        // An OAuth implicit grant puts the token in the fragment; a problem showed it whole.
        const QJsonObject root = withValue(validBase(), {"channels", "gotify", "accounts", "ops", "serverUrl"},
                                           QStringLiteral("ftp://host/path#access_token=s3cr3t-fragment"));
        const QString text = configFromJson(root).problemStrings().join('\n');
        QVERIFY2(!text.contains("s3cr3t-fragment") && !text.contains("access_token"), qPrintable(text));
        QVERIFY2(text.contains("\"ftp://host/path#…\""), qPrintable(text));
        // Qt cannot read this one (a NUL byte): the text's own shape hides query and fragment.
        const QJsonObject unreadable = withValue(
            validBase(), {"channels", "gotify", "accounts", "ops", "serverUrl"},
            QStringLiteral("ftp://ho") + QChar(0) + QStringLiteral("st/path?q=1#access_token=s3cr3t-fragment"));
        const QString unreadableText = configFromJson(unreadable).problemStrings().join('\n');
        QVERIFY2(!unreadableText.contains("s3cr3t-fragment") && unreadableText.contains("/path?…#…\""),
                 qPrintable(unreadableText));
    }

    void badUrlThatQtCannotRead_stillHidesItsUserInfoAndQuery()
    {
        // Found by fuzz_config_reader: a NUL byte made the URL unreadable for QUrl, and the
        // problem then quoted it whole, password included.
        const QString url = QStringLiteral("ws://h:1000:2http") + QString(11, QChar(0)) + QStringLiteral("@")
                            + QString(8, QChar(0)) + QStringLiteral("s://g.examp|e?token=s3cr3t-query");
        const QJsonObject root = withValue(validBase(),
                                           {"channels", "multi-openim", "accounts", "primary", "wsAddr"}, url);
        const QString text = configFromJson(root).problemStrings().join('\n');
        QVERIFY2(text.contains("wsAddr: expected a ws:// or wss:// URL, got \"ws://…@"), qPrintable(text));
        QVERIFY2(!text.contains("1000:2http") && !text.contains("s3cr3t-query"), qPrintable(text));
    }

    void tokenLengthAndPrefix_areNotJudged()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "accounts", "ops", "appToken"}, QStringLiteral("x"));
        root = withValue(root, {"channels", "multi-openim", "accounts", "primary", "token"},
                         QStringLiteral("not-a-jwt"));
        QVERIFY(configFromJson(root).ok());
    }
    void nullValues_meanNotSet()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "defaultPriority"}, QJsonValue::Null);
        root = withValue(root, {"session", "dmScope"}, QJsonValue::Null);
        const LoadResult r = configFromJson(root);
        QVERIFY(r.ok());
        QCOMPARE(r.config.gotify.defaultPriority, 5);
    }
    void wrongValue_keepsTheDocumentedDefault()
    {
        QJsonObject root = validBase();
        root = withValue(root, {"channels", "gotify", "inbound", "reconnectDelayMs"}, -3);
        root = withValue(root, {"session", "dmScope"}, QStringLiteral("bogus"));
        const LoadResult r = configFromJson(root);
        QCOMPARE(r.problems.size(), 2);
        QCOMPARE(r.config.gotify.inbound.reconnectDelayMs, 2000);
        QCOMPARE(r.config.gotify.accounts.first().inbound.reconnectDelayMs, 2000);
        QCOMPARE(r.config.session.dmScope, DmScope::Main);
    }
    void explicitHookMode_withCommand_isValid()
    {
        const QJsonObject root = withValue(
            validBase(), {"channels", "multi-openim", "tokenRefresh"},
            jsonValue(R"({"mode":"hook","hook":{"command":["r.sh","{accountId}"]}})"));
        QVERIFY(configFromJson(root).ok());
    }
};

QTEST_GUILESS_MAIN(TestConfigValidation)
#include "tst_config_validation.moc"
