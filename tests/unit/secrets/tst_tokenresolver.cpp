// TokenResolver, the one rule every token user goes through: typed, else the config's reference
// (authoritative, even when it cannot be resolved), else inline, else the keychain. Against the
// real gnome-keyring of tools/headless.sh, under a service name of its own.
#include "config/configloader.h"
#include "secrets/secretstore.h"
#include "secrets/tokenresolver.h"

#include <QJsonObject>
#include <QUuid>
#include <QtTest>

using namespace ct;

class TestTokenResolver : public QObject
{
    Q_OBJECT
    const QString m_service = QStringLiteral("channeltray-test-")
                              + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const AccountAddress m_ops{kGotifyChannel, QStringLiteral("ops")};

    // One Gotify account "ops" whose clientToken is `clientToken` (a value or a ${VAR}).
    static Config configWith(const QJsonValue &clientToken)
    {
        QJsonObject ops{{"serverUrl", "http://127.0.0.1:1"}};
        if (!clientToken.isUndefined())
            ops.insert(QStringLiteral("clientToken"), clientToken);
        const QJsonObject root{
            {"channels", QJsonObject{{"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", ops}}}}}}}};
        return configFromJson(root,
                              [](const QString &name) -> std::optional<QString> {
                                  if (name == QLatin1String("CT_SET"))
                                      return QStringLiteral("from-env");
                                  return std::nullopt;
                              })
            .config;
    }
    ResolvedToken resolveAsync(TokenResolver &resolver, const Config &config, const QString &typed = {})
    {
        std::optional<ResolvedToken> out;
        resolver.resolve(
            config, m_ops, QStringLiteral("clientToken"), [&](const ResolvedToken &t) { out = t; }, typed);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000); }();
        return out.value_or(ResolvedToken{});
    }

private Q_SLOTS:
    void init()
    {
        SecretStore store(m_service);
        QVERIFY(store.writeBlocking(m_ops, QStringLiteral("clientToken"), QStringLiteral("from-keychain")).ok());
    }
    void cleanup()
    {
        SecretStore store(m_service);
        QVERIFY(store.removeBlocking(m_ops, QStringLiteral("clientToken")).ok());
    }

    void typedValue_winsOverEverything()
    {
        SecretStore store(m_service);
        TokenResolver resolver(&store);
        const ResolvedToken t = resolveAsync(resolver, configWith(QStringLiteral("inline")),
                                             QStringLiteral("typed"));
        QCOMPARE(t.value, QStringLiteral("typed"));
        QVERIFY(!resolver.keychainUsed());
    }

    void resolvedReference_winsOverTheKeychain()
    {
        SecretStore store(m_service);
        TokenResolver resolver(&store);
        const ResolvedToken t = resolveAsync(resolver, configWith(QStringLiteral("${CT_SET}")));
        QCOMPARE(t.value, QStringLiteral("from-env"));
        QCOMPARE(t.origin, TokenOrigin::Env);
        QCOMPARE(t.source, QStringLiteral("env CT_SET"));
        QVERIFY(!resolver.keychainUsed());
    }

    void unresolvedReference_isMissing_namesTheReference_andNeverFallsBackToTheKeychain()
    {
        SecretStore store(m_service);
        TokenResolver resolver(&store);
        const Config config = configWith(QStringLiteral("${CT_UNSET}"));
        for (const ResolvedToken &t : {resolveAsync(resolver, config),
                                       resolver.resolveBlocking(config, m_ops, QStringLiteral("clientToken"))}) {
            QVERIFY(!t.found());
            QVERIFY(t.unresolvedReference);
            QVERIFY(t.value.isEmpty());
            QVERIFY2(t.message.contains(QStringLiteral("CT_UNSET")), qPrintable(t.message));
        }
        QVERIFY(!resolver.keychainUsed());
    }

    void inlineValue_winsOverTheKeychain()
    {
        SecretStore store(m_service);
        TokenResolver resolver(&store);
        const ResolvedToken t = resolveAsync(resolver, configWith(QStringLiteral("inline")));
        QCOMPARE(t.value, QStringLiteral("inline"));
        QCOMPARE(t.origin, TokenOrigin::Inline);
        QVERIFY(!resolver.keychainUsed());
    }

    void nothingInTheFile_asksTheKeychain_asyncAndBlockingAlike()
    {
        SecretStore store(m_service);
        TokenResolver resolver(&store);
        const Config config = configWith(QJsonValue::Undefined);
        for (const ResolvedToken &t : {resolveAsync(resolver, config),
                                       resolver.resolveBlocking(config, m_ops, QStringLiteral("clientToken"))}) {
            QCOMPARE(t.value, QStringLiteral("from-keychain"));
            QCOMPARE(t.origin, TokenOrigin::Keychain);
        }
        QVERIFY(resolver.keychainUsed());
    }

    void nothingAnywhere_isMissing_withWhatWasAsked()
    {
        SecretStore store(m_service);
        QVERIFY(store.removeBlocking(m_ops, QStringLiteral("clientToken")).ok());
        TokenResolver resolver(&store);
        const ResolvedToken t = resolveAsync(resolver, configWith(QJsonValue::Undefined));
        QVERIFY(!t.found());
        QCOMPARE(t.keychainError, SecretError::NotFound);
        QVERIFY(!t.waitingForKeychain());
        QCOMPARE(t.message, QStringLiteral("no clientToken in the config file or the keychain"));
    }

    void lockedOrAbsentKeychain_meansWaiting_notMissing()
    {
        for (const SecretError e : {SecretError::NoBackend, SecretError::Locked}) {
            const ResolvedToken t = TokenResolver::fromKeychain(SecretResult{e, {}, QStringLiteral("why")},
                                                                QStringLiteral("clientToken"));
            QVERIFY(!t.found());
            QVERIFY(t.waitingForKeychain());
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenResolver)
#include "tst_tokenresolver.moc"
