// tokenRefresh.mode = "http" end to end against a loopback endpoint on a real socket.
#include "fakerefreshendpoint.h"
#include "refresh/tokenrefresher.h"
#include "refreshtesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ct;
using namespace refreshtest;

namespace {
const AccountAddress kPrimary{kOpenImChannel, QStringLiteral("primary")};
const AccountAddress kSecond{kOpenImChannel, QStringLiteral("second")};
const QString kOldToken = QStringLiteral("old-inline-token-0123456789");
const QString kRefreshSecret = QStringLiteral("rt-secret-1");

const QByteArray kConfigText = refreshtest::handFormattedConfig();
} // namespace

class TestRefreshHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    FakeRefreshEndpoint *m_endpoint = nullptr;
    TokenRefresher *m_refresher = nullptr;
    QList<QPair<AccountAddress, QString>> m_written; // keychain seam
    TokenRefreshConfig m_config;
    QList<OpenImAccountConfig> m_accounts;

    QString path(const QString &name) const { return m_dir->filePath(name); }
    void apply() { m_refresher->setConfig(m_config, m_accounts, path("config.json")); }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        m_endpoint = new FakeRefreshEndpoint;
        QVERIFY(m_endpoint->listen());
        m_refresher = new TokenRefresher;
        m_written.clear();
        m_refresher->setTokenWriter([this](const AccountAddress &a, const QString &token,
                                           std::function<void(bool, const QString &)> done) {
            m_written.append({a, token});
            done(true, {});
        });
        m_refresher->setRetryPolicy({40, 200, 3, 0.0});
        QVERIFY(writeFile(path("config.json"), kConfigText));
        QVERIFY(writeFile(path("state.json"), refreshtest::stateFileText()));
        m_config = {};
        m_config.mode = RefreshMode::Http;
        m_config.manualLoginMarkerPath = path("markers/manual-login.json");
        HttpRefreshConfig &http = m_config.http;
        http.stateFile = path("state.json");
        http.endpoint = m_endpoint->url("/refresh/{accountId}?device={state.deviceId}");
        http.headers = {{"Authorization", "Bearer {state.refreshToken}"}, {"X-Account", "{accountId}"}};
        http.body = QJsonObject{{"refreshToken", "{state.refreshToken}"},
                                {"meta", QJsonObject{{"ids", QJsonArray{"{accountId}", 5, true}}}}};
        http.timeoutMs = 2000;
        http.responseTokenPaths = {"tokens.openimToken", "data.openimToken"};
        http.stateWriteBack = {{"refreshToken", {"tokens.refreshToken", "data.refreshToken"}}};
        http.clearOnSuccess = {path("cache-{accountId}.json")};
        OpenImAccountConfig primary;
        primary.id = "primary";
        primary.token = kOldToken;
        OpenImAccountConfig second;
        second.id = "second";
        m_accounts = {primary, second};
        apply();
    }
    void cleanup()
    {
        delete m_refresher;
        delete m_endpoint;
        delete m_dir;
    }

    void fullExample_fallbackPath_templating_writeBack_clear_configPatch()
    {
        const QString newToken = makeJwt("u_new");
        m_endpoint->setHandler([&](const RecordedRequest &) {
            const QJsonObject body{{"data", QJsonObject{{"openimToken", newToken}, {"refreshToken", "rt-2"}}}};
            return CannedResponse{200, QJsonDocument(body).toJson(), false};
        });
        QVERIFY(writeFile(path("cache-primary.json"), "{}"));
        QVERIFY(writeFile(path("cache-second.json"), "{}"));
        QVERIFY(QDir().mkpath(path("markers")));
        QVERIFY(writeFile(m_refresher->markerPath(kPrimary), "{}"));
        QVERIFY(
            QFile::setPermissions(path("config.json"), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        QSignalSpy removed(m_refresher, &TokenRefresher::markerRemoved);

        m_refresher->trigger(kPrimary, "OnUserTokenExpired errCode=1501");
        QVERIFY(ok.wait(5000));

        QCOMPARE(m_endpoint->requests.size(), 1);
        const RecordedRequest r = m_endpoint->requests.first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/refresh/primary?device=dev-9"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer rt-secret-1"));
        QCOMPARE(r.headers.value("x-account"), QByteArray("primary"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject sent = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(sent.value("refreshToken").toString(), kRefreshSecret);
        QCOMPARE(sent.value("meta").toObject().value("ids").toArray(), (QJsonArray{"primary", 5, true}));

        QCOMPARE(ok.first().at(1).toString(), QStringLiteral("OnUserTokenExpired errCode=1501"));
        const auto creds = m_refresher->credentials(kPrimary);
        QVERIFY(creds);
        QCOMPARE(creds->token, newToken);
        QCOMPARE(creds->userID, QStringLiteral("u_new"));
        // Write-back: the new refresh token, other fields and accounts kept.
        const QJsonObject state = readJson(path("state.json"));
        QCOMPARE(state["primary"]["refreshToken"].toString(), QStringLiteral("rt-2"));
        QCOMPARE(state["primary"]["deviceId"].toString(), QStringLiteral("dev-9"));
        QCOMPARE(state["second"]["refreshToken"].toString(), QStringLiteral("rt-second"));
        // clearOnSuccess, templated: only this account's file.
        QVERIFY(!QFile::exists(path("cache-primary.json")));
        QVERIFY(QFile::exists(path("cache-second.json")));
        // Inline token → the config file is patched, every other byte as it was; a file with a
        // token in plain text is owner-only, though it was 0640 (configsaver.h).
        QByteArray expected = kConfigText;
        expected.replace(kOldToken.toUtf8(), newToken.toUtf8());
        QCOMPARE(readFile(path("config.json")), expected);
        QCOMPARE(unixMode(path("config.json")), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(m_written.isEmpty()); // an inline token does not go to the keychain
        // The marker of an earlier failure is gone.
        QVERIFY(!QFile::exists(m_refresher->markerPath(kPrimary)));
        QCOMPARE(removed.size(), 1);
    }

    void keychainToken_goesToWriter_configUntouched()
    {
        const QString newToken = makeJwt("u_second");
        m_endpoint->setHandler([&](const RecordedRequest &) {
            return CannedResponse{
                200, QJsonDocument(QJsonObject{{"tokens", QJsonObject{{"openimToken", newToken}}}}).toJson(),
                false};
        });
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        m_refresher->trigger(kSecond, "OnKickedOffline");
        QVERIFY(ok.wait(5000));
        QCOMPARE(m_written.size(), 1);
        QCOMPARE(m_written.first().first, kSecond);
        QCOMPARE(m_written.first().second, newToken);
        QCOMPARE(readFile(path("config.json")), kConfigText);
    }

    void unresolvedPlaceholder_terminal_namesIt_nothingSent()
    {
        m_config.http.headers.insert("X-Device", "{state.noSuchField}");
        apply();
        QSignalSpy failed(m_refresher, &TokenRefresher::refreshFailed);
        m_refresher->trigger(kPrimary, "OnUserTokenInvalid");
        QVERIFY(failed.wait(3000));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(3).toBool());
        QVERIFY2(failed.first().at(2).toString().contains("{state.noSuchField}"),
                 qPrintable(failed.first().at(2).toString()));
        QVERIFY(m_endpoint->requests.isEmpty());
        QVERIFY(QFile::exists(m_refresher->markerPath(kPrimary)));
    }

    void failure_backoffThenMarker_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("hang");
        QTest::newRow("500") << 500 << QByteArray("{}") << false;
        QTest::newRow("timeout") << 200 << QByteArray() << true;
        QTest::newRow("garbage JSON") << 200 << QByteArray("<html>oops") << false;
        QTest::newRow("missing path") << 200 << QByteArray("{\"data\":{\"token\":\"x\"}}") << false;
    }
    void failure_backoffThenMarker()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, hang);
        m_config.http.timeoutMs = 300;
        apply();
        m_endpoint->setHandler([=](const RecordedRequest &) { return CannedResponse{status, body, hang}; });
        QSignalSpy failed(m_refresher, &TokenRefresher::refreshFailed);
        QSignalSpy marker(m_refresher, &TokenRefresher::markerWritten);
        QElapsedTimer clock;
        clock.start();
        m_refresher->trigger(kPrimary, "OnConnectFailed errCode=10001");
        QTRY_COMPARE_WITH_TIMEOUT(marker.size(), 1, 10000);
        QCOMPARE(m_endpoint->requests.size(), 3);
        QCOMPARE(failed.size(), 3);
        QVERIFY(!failed.at(0).at(3).toBool());
        QVERIFY(!failed.at(1).at(3).toBool());
        QVERIFY(failed.at(2).at(3).toBool());
        QVERIFY(clock.elapsed() >= 40 + 80); // two backoff delays, doubling, no jitter
        QVERIFY(!m_refresher->isRefreshing(kPrimary));

        const QString markerPath = marker.first().at(1).toString();
        QCOMPARE(markerPath, path("markers/manual-login.primary.json"));
        const QByteArray text = readFile(markerPath);
        const QJsonObject m = QJsonDocument::fromJson(text).object();
        QCOMPARE(m["account"].toString(), QStringLiteral("multi-openim/primary"));
        QCOMPARE(m["reason"].toString(), QStringLiteral("OnConnectFailed errCode=10001"));
        QCOMPARE(m["tried"]["mode"].toString(), QStringLiteral("http"));
        QCOMPARE(m["tried"]["attempts"].toInt(), 3);
        QCOMPARE(m["tried"]["endpoint"].toString(), m_endpoint->url("/refresh/{accountId}"));
        QVERIFY(!m["tried"]["lastError"].toString().isEmpty());
        QVERIFY(QDateTime::fromString(m["time"].toString(), Qt::ISODate).isValid());
        QVERIFY(!text.contains(kOldToken.toUtf8()));
        QVERIFY(!text.contains(kRefreshSecret.toUtf8()));
        QCOMPARE(unixMode(markerPath), QFile::ReadOwner | QFile::WriteOwner);
    }

    void singleFlight_threeConcurrentTriggers_oneRequest()
    {
        m_endpoint->setHandler([](const RecordedRequest &) { return CannedResponse{200, {}, true}; });
        QSignalSpy started(m_refresher, &TokenRefresher::refreshStarted);
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        m_refresher->trigger(kPrimary, "OnUserTokenExpired");
        m_refresher->trigger(kPrimary, "OnUserTokenInvalid");
        QVERIFY(m_refresher->isRefreshing(kPrimary));
        QTRY_COMPARE(m_endpoint->requests.size(), 1);
        m_refresher->trigger(kPrimary, "OnKickedOffline"); // while the request is held
        // A second job would start from the next event-loop pass (refreshStarted, then its
        // request); drain it and see that none did.
        QCoreApplication::processEvents();
        QCOMPARE(started.size(), 1);
        QCOMPARE(m_endpoint->requests.size(), 1);
        const QJsonObject body{{"tokens", QJsonObject{{"openimToken", makeJwt("u")}}}};
        m_endpoint->answerHeld({200, QJsonDocument(body).toJson(), false});
        QVERIFY(ok.wait(5000));
        QCOMPARE(m_endpoint->requests.size(), 1);
        QCOMPARE(started.size(), 1);
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.first().at(1).toString(), QStringLiteral("OnUserTokenExpired"));
    }

    void twoAccounts_oneFailing_otherUnaffected()
    {
        m_refresher->setRetryPolicy({10000, 10000, 3, 0.0}); // the failing one waits long
        const QString good = makeJwt("u_second");
        m_endpoint->setHandler([&](const RecordedRequest &r) {
            if (r.target.startsWith("/refresh/primary"))
                return CannedResponse{500, "{}", false};
            return CannedResponse{
                200, QJsonDocument(QJsonObject{{"data", QJsonObject{{"openimToken", good}}}}).toJson(), false};
        });
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        QSignalSpy failed(m_refresher, &TokenRefresher::refreshFailed);
        m_refresher->trigger(kPrimary, "OnConnectFailed errCode=10001");
        m_refresher->trigger(kSecond, "OnUserTokenExpired");
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(ok.first().at(0).value<AccountAddress>(), kSecond);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<AccountAddress>(), kPrimary);
        QVERIFY(!failed.first().at(3).toBool());
        QVERIFY(m_refresher->isRefreshing(kPrimary)); // waiting in its backoff
        QVERIFY(!m_refresher->isRefreshing(kSecond));
        QCOMPARE(m_refresher->credentials(kSecond)->token, good);
        QVERIFY(!QFile::exists(m_refresher->markerPath(kSecond)));
    }

    void marker_removedAfterLaterSuccess_andOnNewUserToken()
    {
        m_refresher->setRetryPolicy({10, 10, 1, 0.0});
        bool fail = true;
        m_endpoint->setHandler([&](const RecordedRequest &) {
            if (fail)
                return CannedResponse{503, "{}", false};
            return CannedResponse{
                200, QJsonDocument(QJsonObject{{"data", QJsonObject{{"openimToken", makeJwt("u")}}}}).toJson(),
                false};
        });
        QSignalSpy written(m_refresher, &TokenRefresher::markerWritten);
        QSignalSpy removed(m_refresher, &TokenRefresher::markerRemoved);
        QSignalSpy ok(m_refresher, &TokenRefresher::refreshSucceeded);
        m_refresher->trigger(kSecond, "OnUserTokenExpired");
        QTRY_COMPARE(written.size(), 1);
        QVERIFY(QFile::exists(m_refresher->markerPath(kSecond)));
        fail = false;
        m_refresher->trigger(kSecond, "OnUserTokenExpired");
        QVERIFY(ok.wait(5000));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!QFile::exists(m_refresher->markerPath(kSecond)));

        fail = true;
        m_refresher->trigger(kSecond, "OnUserTokenExpired");
        QTRY_COMPARE(written.size(), 2);
        m_refresher->tokenReplaced(kSecond);
        QCOMPARE(removed.size(), 2);
        QVERIFY(!QFile::exists(m_refresher->markerPath(kSecond)));
    }
};

QTEST_GUILESS_MAIN(TestRefreshHttp)
#include "tst_refresh_http.moc"
