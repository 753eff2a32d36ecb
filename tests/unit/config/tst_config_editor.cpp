// ConfigEditor changes one place of the raw JSON and nothing else; account helpers know where
// each form of an account lives.
#include "tst_config_editor.h"

#include "configtesthelpers.h"

using namespace ct;
using namespace configtest;

namespace {

const AccountAddress kGotifyDefault{kGotifyChannel, "default"};
const AccountAddress kOps{kGotifyChannel, "ops"};

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

void TestConfigEditor::setAt_createsIntermediateObjects_andKeepsSiblings()
{
    QJsonObject root = parse(R"({"gateway":{"port":1},"channels":{"gotify":{"enabled":true}}})");
    QString error;
    QVERIFY(ConfigEditor::setAt(root, {"channels", "gotify", "accounts", "ops", "serverUrl"},
                                QStringLiteral("http://o"), &error));
    QCOMPARE(root, parse(R"({"gateway":{"port":1},"channels":{"gotify":{"enabled":true,
                             "accounts":{"ops":{"serverUrl":"http://o"}}}}})"));
}

void TestConfigEditor::setAt_replacesAnExistingValue()
{
    QJsonObject root = parse(R"({"a":{"b":1,"c":2}})");
    QVERIFY(ConfigEditor::setAt(root, {"a", "b"}, QJsonArray{1, 2}));
    QCOMPARE(root, parse(R"({"a":{"b":[1,2],"c":2}})"));
}

void TestConfigEditor::setAt_throughANonObject_refusesAndChangesNothing()
{
    QJsonObject root = parse(R"({"channels":{"gotify":"oops"}})");
    const QJsonObject before = root;
    QString error;
    QVERIFY(!ConfigEditor::setAt(root, {"channels", "gotify", "accounts", "ops"}, QJsonObject(), &error));
    QCOMPARE(root, before);
    QCOMPARE(error, QStringLiteral(
                        R"(cannot set channels.gotify.accounts.ops: channels.gotify is "oops", not an object)"));
}

void TestConfigEditor::setAt_emptyPath_refuses()
{
    QJsonObject root;
    QString error;
    QVERIFY(!ConfigEditor::setAt(root, {}, 1, &error));
    QVERIFY(!error.isEmpty());
}

void TestConfigEditor::segmentWithADot_staysOneKey()
{
    QJsonObject root;
    QVERIFY(ConfigEditor::setAt(root, {"channels", "gotify", "accounts", "team.b"}, QJsonObject()));
    const QJsonObject accounts = ConfigEditor::valueAt(root, {"channels", "gotify", "accounts"}).toObject();
    QCOMPARE(accounts.keys(), QStringList{"team.b"});
}

void TestConfigEditor::removeAt_removesOnlyThatKey_andKeepsEmptyParents()
{
    QJsonObject root = parse(R"({"a":{"b":{"c":1},"d":2}})");
    QVERIFY(ConfigEditor::removeAt(root, {"a", "b", "c"}));
    QCOMPARE(root, parse(R"({"a":{"b":{},"d":2}})"));
}

void TestConfigEditor::removeAt_missingKey_returnsFalse()
{
    QJsonObject root = parse(R"({"a":{"b":1}})");
    QVERIFY(!ConfigEditor::removeAt(root, {"a", "x"}));
    QVERIFY(!ConfigEditor::removeAt(root, {"a", "b", "c"})); // through a number
    QVERIFY(!ConfigEditor::removeAt(root, {}));
    QCOMPARE(root, parse(R"({"a":{"b":1}})"));
}

void TestConfigEditor::valueAt_absent_isUndefined()
{
    const QJsonObject root = parse(R"({"a":{"b":null}})");
    QVERIFY(ConfigEditor::valueAt(root, {"a", "b"}).isNull());
    QVERIFY(ConfigEditor::valueAt(root, {"a", "x"}).isUndefined());
    QVERIFY(ConfigEditor::valueAt(root, {"a", "b", "c"}).isUndefined());
    QVERIFY(ConfigEditor::valueAt(root, {}).isUndefined());
}

void TestConfigEditor::accountPath_isChannelsChannelAccountsId()
{
    QCOMPARE(ConfigEditor::accountPath({kOpenImChannel, "primary"}),
             (QStringList{"channels", "multi-openim", "accounts", "primary"}));
    QCOMPARE(ConfigEditor::dottedPath(ConfigEditor::accountPath(kOps)),
             QStringLiteral("channels.gotify.accounts.ops"));
}

void TestConfigEditor::accountFieldPath_gotifyDefaultInSingleForm_writesTheSingleForm()
{
    const QJsonObject root = parse(R"({"channels":{"gotify":{"serverUrl":"http://s"}}})");
    QCOMPARE(ConfigEditor::accountFieldPath(root, kGotifyDefault, "appToken"),
             (QStringList{"channels", "gotify", "appToken"}));
    // A field the single form does not have goes to the named entry.
    QCOMPARE(ConfigEditor::accountFieldPath(root, kGotifyDefault, "defaultPriority"),
             (QStringList{"channels", "gotify", "accounts", "default", "defaultPriority"}));
}

void TestConfigEditor::accountFieldPath_namedDefault_winsOverTheSingleForm()
{
    const QJsonObject root = parse(
        R"({"channels":{"gotify":{"serverUrl":"http://s","accounts":{"default":{}}}}})");
    QCOMPARE(ConfigEditor::accountFieldPath(root, kGotifyDefault, "appToken"),
             (QStringList{"channels", "gotify", "accounts", "default", "appToken"}));
}

void TestConfigEditor::setAccountField_newAccount_createsTheNamedEntry()
{
    QJsonObject root;
    QVERIFY(ConfigEditor::setAccountField(root, kOps, "serverUrl", QStringLiteral("http://o")));
    QVERIFY(ConfigEditor::setAccountField(root, kGotifyDefault, "serverUrl", QStringLiteral("http://d")));
    const LoadResult r = configFromJson(root);
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.gotifyAccount("ops")->serverUrl, QStringLiteral("http://o"));
    QCOMPARE(r.config.gotifyAccount("default")->serverUrl, QStringLiteral("http://d"));
}

void TestConfigEditor::removeAccount_gotifyDefault_removesBothFormsTheDefaultAccountAndBindings()
{
    QJsonObject root = parse(R"({
        "channels":{"gotify":{"serverUrl":"http://s","appToken":"A","clientToken":"C","enabled":true,
                              "defaultAccount":"default",
                              "accounts":{"default":{"defaultPriority":3},"ops":{"serverUrl":"http://o"}}}},
        "agents":{"a":{"channels":{"gotify":{"accounts":["default","ops"]},
                                   "multi-openim":{"accounts":["default"]}}}}})");
    QVERIFY(ConfigEditor::removeAccount(root, kGotifyDefault));
    QCOMPARE(root, parse(R"({
        "channels":{"gotify":{"enabled":true,"accounts":{"ops":{"serverUrl":"http://o"}}}},
        "agents":{"a":{"channels":{"gotify":{"accounts":["ops"]},
                                   "multi-openim":{"accounts":["default"]}}}}})"));
    // Only the binding of another channel's (here absent) `default` is left to complain about.
    QCOMPARE(configFromJson(root).problemStrings(),
             QStringList{"agents.a.channels.multi-openim.accounts[0]: no account "
                         "multi-openim/default in this config"});
}

void TestConfigEditor::removeAccount_keepsAnotherDefaultAccount()
{
    QJsonObject root = parse(R"({"channels":{"gotify":{"defaultAccount":"ops",
        "accounts":{"ops":{"serverUrl":"http://o"},"b":{"serverUrl":"http://b"}}}}})");
    QVERIFY(ConfigEditor::removeAccount(root, {kGotifyChannel, "b"}));
    QCOMPARE(ConfigEditor::valueAt(root, {"channels", "gotify", "defaultAccount"}), QJsonValue("ops"));
    QVERIFY(ConfigEditor::valueAt(root, {"channels", "gotify", "accounts", "b"}).isUndefined());
}

void TestConfigEditor::removeAccount_unknown_returnsFalseAndChangesNothing()
{
    QJsonObject root = validBase();
    QVERIFY(!ConfigEditor::removeAccount(root, {kOpenImChannel, "ghost"}));
    QCOMPARE(root, validBase());
}

QTEST_GUILESS_MAIN(TestConfigEditor)
