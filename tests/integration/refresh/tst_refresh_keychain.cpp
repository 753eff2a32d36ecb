// A refreshed keychain token lands in the real keychain (gnome-keyring under tools/headless.sh).
#include "fakerefreshendpoint.h"
#include "refresh/tokenrefresher.h"
#include "refreshtesthelpers.h"
#include "secrets/secretstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ct;
using namespace refreshtest;

namespace {
// An endpoint that answers every refresh with `token`, and the http recipe pointing at it.
TokenRefreshConfig answeringWith(FakeRefreshEndpoint &endpoint, const QString &token, const QTemporaryDir &dir)
{
    endpoint.setHandler([token](const RecordedRequest &) {
        return CannedResponse{200, QJsonDocument(QJsonObject{{"token", token}}).toJson(), false};
    });
    TokenRefreshConfig config;
    config.mode = RefreshMode::Http;
    config.http.endpoint = endpoint.url("/r/{accountId}");
    config.manualLoginMarkerPath = dir.filePath("manual-login.json");
    return config;
}
// One refresh of `account`, a keychain token going to `store`: true when it succeeded and
// nothing failed to persist.
bool refreshOnce(const TokenRefreshConfig &config, const OpenImAccountConfig &account, const QString &configPath,
                 SecretStore &store)
{
    TokenRefresher refresher;
    refresher.setConfig(config, {account}, configPath);
    refresher.setTokenWriter(TokenRefresher::secretStoreWriter(&store));
    QSignalSpy ok(&refresher, &TokenRefresher::refreshSucceeded);
    QSignalSpy persistFailed(&refresher, &TokenRefresher::persistFailed);
    refresher.trigger({kOpenImChannel, account.id}, "OnUserTokenExpired");
    return ok.wait(20000) && persistFailed.isEmpty();
}
} // namespace

class TestRefreshKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpRefresh_newTokenWrittenToKeychain()
    {
        // Needs the Secret Service of tools/headless.sh; without it this fails, never skips.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no session bus: run the suite under tools/headless.sh");
        const AccountAddress address{kOpenImChannel, QStringLiteral("kc-account")};
        SecretStore store(QStringLiteral("channeltray-test-refresh"));
        QVERIFY(store.writeBlocking(address, "token", "old-token").ok());

        QTemporaryDir dir;
        FakeRefreshEndpoint endpoint;
        QVERIFY(endpoint.listen());
        const QString newToken = makeJwt("u_kc");
        const TokenRefreshConfig config = answeringWith(endpoint, newToken, dir);
        OpenImAccountConfig account;
        account.id = address.accountId;
        QVERIFY(refreshOnce(config, account, dir.filePath("config.json"), store));
        const SecretResult read = store.readBlocking(address, "token");
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.value, newToken);
        QVERIFY(store.removeBlocking(address, "token").ok());
    }

    void httpRefresh_tokenFieldHoldsAReference_goesToKeychain_fileUntouched()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no session bus: run the suite under tools/headless.sh");
        const AccountAddress address{kOpenImChannel, QStringLiteral("ref-account")};
        SecretStore store(QStringLiteral("channeltray-test-refresh"));
        QTemporaryDir dir;
        // The gateway's file says where the token comes from; a refresh must not replace that.
        const QByteArray file = "{\n  channels: { 'multi-openim': { accounts: { 'ref-account': {\n"
                                "    token: '${OPENIM_REF_TOKEN}', // from the service env\n  } } } },\n}\n";
        const QString configPath = dir.filePath("openclaw.json");
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file);
        f.close();
        FakeRefreshEndpoint endpoint;
        QVERIFY(endpoint.listen());
        const QString newToken = makeJwt("u_ref");
        const TokenRefreshConfig config = answeringWith(endpoint, newToken, dir);
        OpenImAccountConfig account;
        account.id = address.accountId;
        account.token = QStringLiteral("resolved-from-env"); // what ${OPENIM_REF_TOKEN} gave at load
        account.credentialRefs.insert("token", CredentialRef{"env", "env OPENIM_REF_TOKEN", {}});
        QVERIFY(refreshOnce(config, account, configPath, store));
        QCOMPARE(store.readBlocking(address, "token").value, newToken);
        QFile again(configPath);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), file);
        QVERIFY(store.removeBlocking(address, "token").ok());
    }
};

QTEST_GUILESS_MAIN(TestRefreshKeychain)
#include "tst_refresh_keychain.moc"
