// A refreshed keychain token lands in the real keychain (gnome-keyring under tools/headless.sh).
#include "fakerefreshendpoint.h"
#include "refreshtesthelpers.h"
#include "refresh/tokenrefresher.h"
#include "secrets/secretstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ct;
using namespace refreshtest;

class TestRefreshKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void testHttpRefresh_newTokenWrittenToKeychain()
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
        endpoint.setHandler([&](const RecordedRequest &) {
            return CannedResponse{200, QJsonDocument(QJsonObject{{"token", newToken}}).toJson(), false};
        });
        TokenRefreshConfig config;
        config.mode = RefreshMode::Http;
        config.http.endpoint = endpoint.url("/r/{accountId}");
        config.manualLoginMarkerPath = dir.filePath("manual-login.json");
        OpenImAccountConfig account;
        account.id = address.accountId;
        TokenRefresher refresher;
        refresher.setConfig(config, {account}, dir.filePath("config.json"));
        refresher.setTokenWriter(TokenRefresher::secretStoreWriter(&store));
        QSignalSpy ok(&refresher, &TokenRefresher::refreshSucceeded);
        QSignalSpy persistFailed(&refresher, &TokenRefresher::persistFailed);
        refresher.trigger(address, "OnUserTokenExpired");
        QVERIFY(ok.wait(20000));
        QCOMPARE(persistFailed.size(), 0);
        const SecretResult read = store.readBlocking(address, "token");
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.value, newToken);
        QVERIFY(store.removeBlocking(address, "token").ok());
    }
};

QTEST_GUILESS_MAIN(TestRefreshKeychain)
#include "tst_refresh_keychain.moc"
