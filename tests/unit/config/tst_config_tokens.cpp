// Every enabled account needs a token somewhere: inline in the file or in the keychain. The
// keychain is asked through a callback, so doctor passes real answers and these tests a lambda.
#include "configtesthelpers.h"

#include "config/tokencheck.h"

using namespace ct;
using namespace configtest;

namespace {

// A fake keychain: the set of "<channel>/<id>/<field>" keys it holds, and a log of questions.
struct FakeKeychain
{
    QSet<QString> keys;
    QStringList asked;
    KeychainTokenProbe probe()
    {
        return [this](const AccountAddress &a, const QString &field) {
            const QString key = a.toString() + QLatin1Char('/') + field;
            asked.append(key);
            return keys.contains(key);
        };
    }
};

Config withoutInlineTokens()
{
    QJsonObject root = validBase();
    ConfigEditor::removeAt(root, {"channels", "multi-openim", "accounts", "primary", "token"});
    ConfigEditor::removeAt(root, {"channels", "gotify", "accounts", "ops", "appToken"});
    ConfigEditor::removeAt(root, {"channels", "gotify", "accounts", "ops", "clientToken"});
    const LoadResult r = configFromJson(root);
    if (!r.ok())
        qFatal("test setup: %s", qPrintable(r.problemStrings().join('\n')));
    return r.config;
}

} // namespace

class TestConfigTokens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inlineTokens_satisfyTheCheck_withoutAskingTheKeychain()
    {
        FakeKeychain keychain;
        const QList<ConfigProblem> problems = checkAccountTokens(configFromJson(validBase()).config,
                                                                 keychain.probe());
        QVERIFY(problems.isEmpty());
        QVERIFY2(keychain.asked.isEmpty(), qPrintable(keychain.asked.join(", ")));
    }
    void noTokenAnywhere_isOneProblemPerAccount_atItsJsonPath()
    {
        FakeKeychain keychain;
        const QList<ConfigProblem> problems = checkAccountTokens(withoutInlineTokens(), keychain.probe());
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).path, QStringLiteral("channels.multi-openim.accounts.primary"));
        QVERIFY(problems.at(0).message.startsWith("no token"));
        QVERIFY(problems.at(0).message.contains("set-token multi-openim/primary"));
        QCOMPARE(problems.at(1).path, QStringLiteral("channels.gotify.accounts.ops"));
        QVERIFY(problems.at(1).message.startsWith("no token"));
        QCOMPARE(keychain.asked,
                 (QStringList{"multi-openim/primary/token", "gotify/ops/appToken", "gotify/ops/clientToken"}));
    }
    void keychainTokens_satisfyTheCheck()
    {
        FakeKeychain keychain;
        keychain.keys = {"multi-openim/primary/token", "gotify/ops/clientToken"};
        QVERIFY(checkAccountTokens(withoutInlineTokens(), keychain.probe()).isEmpty());
    }
    void gotify_eitherTokenIsEnough()
    {
        FakeKeychain keychain;
        keychain.keys = {"multi-openim/primary/token", "gotify/ops/appToken"};
        QVERIFY(checkAccountTokens(withoutInlineTokens(), keychain.probe()).isEmpty());
    }
    void keychainTokenForAnotherField_doesNotCount()
    {
        FakeKeychain keychain;
        keychain.keys = {"multi-openim/primary/appToken", "gotify/ops/token"};
        QCOMPARE(checkAccountTokens(withoutInlineTokens(), keychain.probe()).size(), 2);
    }
    void noKeychainAtAll_meansOnlyInlineTokensCount()
    {
        QCOMPARE(checkAccountTokens(withoutInlineTokens(), KeychainTokenProbe()).size(), 2);
        QVERIFY(checkAccountTokens(configFromJson(validBase()).config, KeychainTokenProbe()).isEmpty());
    }
    void disabledAccountsAndChannels_areNotJudged()
    {
        QJsonObject root = validBase();
        ConfigEditor::removeAt(root, {"channels", "multi-openim", "accounts", "primary", "token"});
        ConfigEditor::setAt(root, {"channels", "multi-openim", "accounts", "primary", "enabled"}, false);
        ConfigEditor::removeAt(root, {"channels", "gotify", "accounts", "ops", "appToken"});
        ConfigEditor::removeAt(root, {"channels", "gotify", "accounts", "ops", "clientToken"});
        ConfigEditor::setAt(root, {"channels", "gotify", "enabled"}, false);
        FakeKeychain keychain;
        QVERIFY(checkAccountTokens(configFromJson(root).config, keychain.probe()).isEmpty());
        QVERIFY(keychain.asked.isEmpty());
    }
    void gotifySingleForm_problemPointsAtTheChannelBlock()
    {
        QJsonObject root;
        ConfigEditor::setAt(root, {"channels", "gotify", "serverUrl"}, QStringLiteral("http://g"));
        FakeKeychain keychain;
        const QList<ConfigProblem> problems = checkAccountTokens(configFromJson(root).config, keychain.probe());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, QStringLiteral("channels.gotify"));
        QVERIFY(problems.first().message.contains("gotify/default"));
    }
    void tokenOrigin_prefersInline_thenKeychain_elseMissing()
    {
        FakeKeychain keychain;
        keychain.keys = {"gotify/ops/appToken"};
        const AccountAddress ops{kGotifyChannel, "ops"};
        QCOMPARE(tokenOrigin("inline", ops, "appToken", keychain.probe()), TokenOrigin::Inline);
        QVERIFY(keychain.asked.isEmpty());
        QCOMPARE(tokenOrigin(QString(), ops, "appToken", keychain.probe()), TokenOrigin::Keychain);
        QCOMPARE(tokenOrigin(QString(), ops, "clientToken", keychain.probe()), TokenOrigin::Missing);
    }
};

QTEST_GUILESS_MAIN(TestConfigTokens)
#include "tst_config_tokens.moc"
