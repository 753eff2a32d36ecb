// channeltray-sandbox end to end: started with QProcess on a temporary path, its config is
// loaded by the real loader, its servers and refresh route are asked over HTTP, and SIGTERM
// ends it with exit code 0.
#include "config/configloader.h"
#include "refresh/httprefreshjob.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString sandboxPath()
{
    return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR")
           + QStringLiteral("/tests/servers/sandbox/channeltray-sandbox");
}

struct HttpAnswer
{
    int status = 0;
    QJsonObject json;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

HttpAnswer ask(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
               const Headers &headers = {}, const QJsonObject &body = {})
{
    QNetworkRequest request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QByteArray payload;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = network.sendCustomRequest(request, method, payload);
    QSignalSpy done(reply, &QNetworkReply::finished);
    HttpAnswer answer;
    if (reply->isFinished() || done.wait(5000)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    }
    reply->deleteLater();
    return answer;
}

QJsonObject dataOf(const HttpAnswer &a)
{
    return a.json.value(QStringLiteral("data")).toObject();
}

} // namespace

class TstSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageWithoutConfigPath();
    void onceWritesAValidConfig();
    void liveServersRefreshRouteAndSigterm();
    void firstOpenImTokenIsShortLived();
    void coreRefreshRecipeGetsAToken();

private:
    // Starts the sandbox and waits for its config; the process is owned by `parent`.
    QProcess *startSandbox(const QString &configPath, const QStringList &extra, QObject *parent);
    static QStringList secretsOf(const ct::Config &config);
    QNetworkAccessManager m_network;
};

void TstSandbox::initTestCase()
{
    if (!QFileInfo(sandboxPath()).isExecutable())
        QFAIL(qPrintable(QStringLiteral("not built: %1").arg(sandboxPath())));
}

QProcess *TstSandbox::startSandbox(const QString &configPath, const QStringList &extra, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProgram(sandboxPath());
    process->setArguments(QStringList{QStringLiteral("--write-config"), configPath} + extra);
    process->start();
    if (!process->waitForStarted(5000))
        return nullptr;
    return process;
}

QStringList TstSandbox::secretsOf(const ct::Config &config)
{
    QStringList out;
    for (const auto &a : config.gotify.accounts)
        out << a.appToken << a.clientToken;
    for (const auto &a : config.openim.accounts)
        out << a.token;
    out << config.openim.tokenRefresh.http.headers.values();
    out.removeAll(QString());
    return out;
}

void TstSandbox::usageWithoutConfigPath()
{
    QProcess process;
    process.start(sandboxPath(), {QStringLiteral("--once")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--write-config"));
}

void TstSandbox::onceWritesAValidConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo/nested/config.json"));
    QProcess process;
    process.start(sandboxPath(), {QStringLiteral("--write-config"), path, QStringLiteral("--once")});
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, output.constData());

    // Mode 0600 (the *User flags mirror the owner's for the current user, so they are masked).
    const QFile::Permissions userFlags = QFile::ReadUser | QFile::WriteUser | QFile::ExeUser;
    QCOMPARE(QFile::permissions(path) & ~userFlags, QFile::ReadOwner | QFile::WriteOwner);
    const QFile::Permissions groupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFile::permissions(QFileInfo(path).absolutePath()) & groupOrOther, QFile::Permissions());
    const ct::LoadResult loaded = ct::loadConfig(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.problemStrings().join(QLatin1Char('\n'))));
    const ct::Config &config = loaded.config;

    QCOMPARE(config.gotify.accounts.size(), 2);
    QCOMPARE(config.gotify.defaultAccount, QStringLiteral("ops"));
    for (const QString &id : QStringList{QStringLiteral("ops"), QStringLiteral("alerts")}) {
        const ct::GotifyAccountConfig *a = config.gotifyAccount(id);
        QVERIFY2(a, qPrintable(id));
        QVERIFY(a->serverUrl.startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(!a->appToken.isEmpty());
        QVERIFY(!a->clientToken.isEmpty());
    }
    QVERIFY(config.gotifyAccount(QStringLiteral("ops"))->serverUrl
            != config.gotifyAccount(QStringLiteral("alerts"))->serverUrl);

    QCOMPARE(config.openim.accounts.size(), 1);
    const ct::OpenImAccountConfig *primary = config.openimAccount(QStringLiteral("primary"));
    QVERIFY(primary);
    QVERIFY(primary->wsAddr.startsWith(QStringLiteral("ws://127.0.0.1:")));
    QVERIFY(primary->apiAddr.startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(!primary->token.isEmpty());

    const ct::TokenRefreshConfig &refresh = config.openim.tokenRefresh;
    QCOMPARE(refresh.mode, ct::RefreshMode::Http);
    QVERIFY(refresh.http.endpoint.startsWith(QStringLiteral("http://127.0.0.1:")));
    QCOMPARE(refresh.http.responseTokenPaths, QStringList{QStringLiteral("data.token")});
    // The marker goes next to the demo config, not into the user's home.
    QCOMPARE(QFileInfo(refresh.manualLoginMarkerPath).absolutePath(), QFileInfo(path).absolutePath());

    QVERIFY(output.contains("keychain"));
    for (const QString &secret : secretsOf(config))
        QVERIFY2(!output.contains(secret.toUtf8()), "a token was printed");
}

void TstSandbox::liveServersRefreshRouteAndSigterm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QProcess *process = startSandbox(path, {QStringLiteral("--interval-ms"), QStringLiteral("200")}, this);
    QVERIFY(process);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 15000);
    const ct::LoadResult loaded = ct::loadConfig(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.problemStrings().join(QLatin1Char('\n'))));
    const ct::Config &config = loaded.config;

    // Gotify: both servers answer /health and /version; the trickle adds messages.
    for (const auto &account : config.gotify.accounts) {
        const QUrl base(account.serverUrl);
        const HttpAnswer health = ask(m_network, "GET", base.resolved(QUrl(QStringLiteral("/health"))));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(QStringLiteral("health")).toString(), QStringLiteral("green"));
        const HttpAnswer version = ask(m_network, "GET", base.resolved(QUrl(QStringLiteral("/version"))));
        QCOMPARE(version.status, 200);
        QVERIFY(!version.json.value(QStringLiteral("version")).toString().isEmpty());
    }
    const ct::GotifyAccountConfig *ops = config.gotifyAccount(QStringLiteral("ops"));
    QVERIFY(ops);
    const QUrl opsMessages = QUrl(ops->serverUrl).resolved(QUrl(QStringLiteral("/message")));
    const Headers opsKey{{QByteArrayLiteral("X-Gotify-Key"), ops->clientToken.toUtf8()}};
    const qsizetype seeded =
        ask(m_network, "GET", opsMessages, opsKey).json.value(QStringLiteral("messages")).toArray().size();
    QVERIFY(seeded >= 3);
    // Ids continue above those of earlier runs (the tray's history is keyed by them).
    const QJsonArray firstPage =
        ask(m_network, "GET", opsMessages, opsKey).json.value(QStringLiteral("messages")).toArray();
    QVERIFY(firstPage.last().toObject().value(QStringLiteral("id")).toInteger() > 100000);
    QTRY_VERIFY_WITH_TIMEOUT(
        ask(m_network, "GET", opsMessages, opsKey).json.value(QStringLiteral("messages")).toArray().size()
            > seeded,
        10000);

    // OpenIM REST: the errCode envelope; the config's token is accepted and names "primary".
    const ct::OpenImAccountConfig *primary = config.openimAccount(QStringLiteral("primary"));
    QVERIFY(primary);
    const QUrl usersInfo = QUrl(primary->apiAddr + QStringLiteral("/user/get_users_info"));
    const QJsonObject who{
        {QStringLiteral("userIDs"), QJsonArray{QStringLiteral("primary"), QStringLiteral("u_alice")}}};
    const HttpAnswer anonymous = ask(m_network, "POST", usersInfo, {{"operationID", "tst-1"}}, who);
    QCOMPARE(anonymous.status, 200);
    QVERIFY(anonymous.json.contains(QStringLiteral("errCode")));
    QVERIFY(anonymous.json.value(QStringLiteral("errCode")).toInt() != 0);
    const HttpAnswer known = ask(m_network, "POST", usersInfo,
                                 {{"operationID", "tst-2"}, {"token", primary->token.toUtf8()}}, who);
    QCOMPARE(known.json.value(QStringLiteral("errCode")).toInt(), 0);
    QCOMPARE(dataOf(known).value(QStringLiteral("usersInfo")).toArray().size(), 2);

    // The refresh route, asked the way the recipe in the config asks it.
    const ct::HttpRefreshConfig &recipe = config.openim.tokenRefresh.http;
    const QJsonObject body{{QStringLiteral("accountId"), QStringLiteral("primary")},
                           {QStringLiteral("reason"), QStringLiteral("OnUserTokenExpired")}};
    const HttpAnswer refused = ask(m_network, "POST", QUrl(recipe.endpoint), {{"X-Demo-Refresh-Key", "wrong"}},
                                   body);
    QCOMPARE(refused.status, 401);
    Headers recipeHeaders;
    for (auto it = recipe.headers.cbegin(); it != recipe.headers.cend(); ++it)
        recipeHeaders.append({it.key().toUtf8(), it.value().toUtf8()});
    const HttpAnswer fresh = ask(m_network, "POST", QUrl(recipe.endpoint), recipeHeaders, body);
    QCOMPARE(fresh.status, 200);
    const QString newToken = dataOf(fresh).value(QStringLiteral("token")).toString();
    QVERIFY(!newToken.isEmpty());
    QVERIFY(newToken != primary->token);
    const HttpAnswer parsed = ask(m_network, "POST", QUrl(primary->apiAddr + QStringLiteral("/auth/parse_token")),
                                  {{"operationID", "tst-3"}}, QJsonObject{{QStringLiteral("token"), newToken}});
    QCOMPARE(parsed.json.value(QStringLiteral("errCode")).toInt(), 0);
    QCOMPARE(dataOf(parsed).value(QStringLiteral("userID")).toString(), QStringLiteral("primary"));

    // SIGTERM: servers stop, exit code 0, within a few seconds.
    QSignalSpy finished(process, &QProcess::finished);
    process->terminate();
    QVERIFY(finished.wait(5000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    const QByteArray output = process->readAllStandardOutput() + process->readAllStandardError();
    QVERIFY2(output.contains("gotify/ops: message"), output.constData());
    QVERIFY2(output.contains("multi-openim: u_"), output.constData());
    QVERIFY2(output.contains("refresh: minted a new token for multi-openim/primary"), output.constData());
    QVERIFY(output.contains("SIGTERM"));
    QStringList secrets = secretsOf(config);
    secrets << newToken;
    for (const QString &secret : std::as_const(secrets))
        QVERIFY2(!output.contains(secret.toUtf8()), "a token was printed");
    QVERIFY(!ask(m_network, "GET", QUrl(ops->serverUrl + QStringLiteral("/health"))).status);
}

void TstSandbox::firstOpenImTokenIsShortLived()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QProcess *process = startSandbox(
        path, {QStringLiteral("--token-lifetime-s"), QStringLiteral("2"), QStringLiteral("--quiet")}, this);
    QVERIFY(process);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 15000);
    const ct::LoadResult loaded = ct::loadConfig(path);
    QVERIFY(loaded.ok());
    const ct::OpenImAccountConfig *primary = loaded.config.openimAccount(QStringLiteral("primary"));
    QVERIFY(primary);
    const QUrl parse(primary->apiAddr + QStringLiteral("/auth/parse_token"));
    const QJsonObject body{{QStringLiteral("token"), primary->token}};
    auto errCode = [&] {
        return ask(m_network, "POST", parse, {{"operationID", "tst-4"}}, body)
            .json.value(QStringLiteral("errCode"))
            .toInt(-1);
    };
    const qint64 expiresIn = dataOf(ask(m_network, "POST", parse, {{"operationID", "tst-5"}}, body))
                                 .value(QStringLiteral("expireTimeSeconds"))
                                 .toInteger()
                             - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(expiresIn <= 2, qPrintable(QString::number(expiresIn)));
    QTRY_COMPARE_WITH_TIMEOUT(errCode(), 1501, 8000); // expired

    QSignalSpy finished(process, &QProcess::finished);
    process->terminate();
    QVERIFY(finished.wait(5000));
    QCOMPARE(process->exitCode(), 0);
    const QByteArray err = process->readAllStandardError();
    QVERIFY(!err.contains("gotify/ops: message")); // --quiet: no event lines
}

// The recipe in the demo config, run by the core's own http refresh job.
void TstSandbox::coreRefreshRecipeGetsAToken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QProcess *process = startSandbox(path, {QStringLiteral("--quiet")}, this);
    QVERIFY(process);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 15000);
    const ct::LoadResult loaded = ct::loadConfig(path);
    QVERIFY(loaded.ok());
    const ct::OpenImAccountConfig *primary = loaded.config.openimAccount(QStringLiteral("primary"));
    QVERIFY(primary);

    ct::HttpRefreshJob job(&m_network, loaded.config.openim.tokenRefresh.http, QStringLiteral("primary"),
                           QStringLiteral("OnUserTokenExpired"));
    QSignalSpy finished(&job, &ct::HttpRefreshJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<ct::RefreshAttemptResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.token.isEmpty());
    QVERIFY(result.token != primary->token);
    const HttpAnswer parsed = ask(m_network, "POST", QUrl(primary->apiAddr + QStringLiteral("/auth/parse_token")),
                                  {{"operationID", "tst-6"}},
                                  QJsonObject{{QStringLiteral("token"), result.token}});
    QCOMPARE(parsed.json.value(QStringLiteral("errCode")).toInt(), 0);

    QSignalSpy exited(process, &QProcess::finished);
    process->terminate();
    QVERIFY(exited.wait(5000));
    QCOMPARE(process->exitCode(), 0);
}

QTEST_MAIN(TstSandbox)
#include "tst_sandbox.moc"
