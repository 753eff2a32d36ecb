// Gotify REST through the client API: sends, v3 specifics, admin round trips, health, probe —
// each against the loopback server, and never a token in a query string.
#include "gotify/gotifyapi.h"
#include "gotify/gotifyprobe.h"
#include "gotifytestfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace ct;
using ct::testserver::GotifyServer;

namespace {
// Runs one API call and waits for its answer.
template <typename Call> GotifyResult await(Call call)
{
    GotifyResult noAnswer;
    noAnswer.error.kind = GotifyError::Kind::Timeout;
    return test::awaitResult(call, noAnswer);
}
} // namespace

class TestGotifyRest : public QObject
{
    Q_OBJECT

    static void verifyNoTokenInQuery(const GotifyServer &server)
    {
        for (const auto &rec : server.requestLog())
            QVERIFY2(!rec.query.contains(QLatin1String("token"), Qt::CaseInsensitive),
                     qPrintable(rec.path + QLatin1Char('?') + rec.query));
    }

private Q_SLOTS:
    void send_defaultPriorityFromAccount_noExtras()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        GotifyEndpoint e = test::endpointFor(server, QStringLiteral("ops"));
        e.defaultPriority = 7;
        GotifyApi api(e);
        SendRequest req;
        req.text = QStringLiteral("plain");
        const GotifyResult r = await([&](auto cb) { api.sendMessage(req, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        QCOMPARE(r.value.toObject().value(QStringLiteral("priority")).toInt(), 7);
        QCOMPARE(r.value.toObject().value(QStringLiteral("title")).toString(), QStringLiteral("channeltray-demo"));
        QVERIFY(server.store().message(1)->extras.isEmpty());
        QVERIFY(
            server.requestLog().last().headers.contains({QByteArray("X-Gotify-Key"), server.appToken().toUtf8()}));
        verifyNoTokenInQuery(server);
    }

    void send_priorityMarkdownClickUrl_reachTheServer()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        GotifyApi api(test::endpointFor(server, QStringLiteral("ops")));
        SendRequest req;
        req.text = QStringLiteral("**bold**");
        req.title = QStringLiteral("T");
        req.priority = 0;
        req.markdown = true;
        req.clickUrl = QStringLiteral("https://example.org/");
        const GotifyResult r = await([&](auto cb) { api.sendMessage(req, cb); });
        QVERIFY(r.ok());
        const auto *m = server.store().message(r.value.toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(m);
        QCOMPARE(m->priority, 0);
        QCOMPARE(m->extras.value(QStringLiteral("client::display"))
                     .toObject()
                     .value(QStringLiteral("contentType"))
                     .toString(),
                 QStringLiteral("text/markdown"));
        QCOMPARE(m->extras.value(QStringLiteral("client::notification"))
                     .toObject()
                     .value(QStringLiteral("click"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QStringLiteral("https://example.org/"));
    }

    void send_badAppToken_typedErrorWithServerDescription()
    {
        test::RefusedAppToken refused;
        QVERIFY(refused.start());
        const GotifyResult r = await(
            [&](auto cb) { refused.api->sendMessage(test::textRequest(QStringLiteral("x")), cb); });
        QCOMPARE(r.error.kind, GotifyError::Kind::Unauthorized);
        QCOMPARE(r.error.httpStatus, 401);
        QVERIFY(r.error.description.contains(QLatin1String("valid access token")));
        QVERIFY(!r.error.message().contains(test::RefusedAppToken::kToken));
    }

    void v3_clientTokenOnlySend_hiddenTokens_elevation_rotation()
    {
        GotifyServer server(GotifyServer::Mode::V3);
        QVERIFY(server.listen());
        QVERIFY(server.clientToken().startsWith(QLatin1String("gtfyc.")) && server.clientToken().size() == 49);
        GotifyEndpoint e = test::endpointFor(server, QStringLiteral("v3"));
        e.appToken.clear();
        GotifyApi api(e);
        SendRequest req;
        req.text = QStringLiteral("via appid");
        const GotifyResult sent = await([&](auto cb) { api.sendMessage(req, cb); });
        QVERIFY2(sent.ok(), qPrintable(sent.error.message()));
        QCOMPARE(sent.value.toObject().value(QStringLiteral("appid")).toInt(), 1);

        const GotifyResult apps = await([&](auto cb) { api.listApplications(cb); });
        QCOMPARE(apps.value.toArray().first().toObject().value(QStringLiteral("token")).toString(), QString());
        const GotifyResult rotated = await([&](auto cb) { api.rotateApplicationToken(1, cb); });
        QVERIFY(rotated.ok());
        const QString newToken = rotated.value.toObject().value(QStringLiteral("token")).toString();
        QVERIFY(newToken.startsWith(QLatin1String("gtfya.")));
        QCOMPARE(server.store().app(1)->token, newToken);

        const GotifyResult del = await([&](auto cb) { api.deleteApplication(1, cb); });
        QCOMPARE(del.error.kind, GotifyError::Kind::NotElevated);
        QVERIFY(del.error.message().contains(QLatin1String("elevated session")));
        const GotifyResult delClient = await([&](auto cb) { api.deleteClient(1, cb); });
        QCOMPARE(delClient.error.kind, GotifyError::Kind::NotElevated);
        server.setElevated(true);
        QVERIFY(await([&](auto cb) { api.deleteApplication(1, cb); }).ok());
        const GotifyResult page = await([&](auto cb) { api.listMessages(200, 0, cb); });
        QCOMPARE(page.value.toObject().value(QStringLiteral("messages")).toArray().size(), 0);
        verifyNoTokenInQuery(server);
    }

    void admin_applicationsClientsMessages_roundTrips()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        GotifyApi api(test::endpointFor(server, QStringLiteral("ops")));
        const GotifyResult created = await([&](auto cb) {
            api.createApplication({QStringLiteral("probe"), QStringLiteral("d"), 3, 0}, cb);
        });
        QVERIFY(created.ok());
        const qint64 appId = created.value.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(!created.value.toObject().value(QStringLiteral("token")).toString().isEmpty());
        const GotifyResult updated = await([&](auto cb) {
            api.updateApplication(appId, {QStringLiteral("probe2"), {}, 4, 0}, cb);
        });
        QCOMPARE(updated.value.toObject().value(QStringLiteral("name")).toString(), QStringLiteral("probe2"));
        const GotifyResult icon = await([&](auto cb) {
            api.uploadApplicationImage(appId, QStringLiteral("i.png"), QByteArray("\x89PNG\r\n", 6), cb);
        });
        QVERIFY2(icon.ok(), qPrintable(icon.error.message()));
        QVERIFY(
            icon.value.toObject().value(QStringLiteral("image")).toString().startsWith(QLatin1String("image/")));
        QVERIFY(await([&](auto cb) { api.deleteApplicationImage(appId, cb); }).ok());
        const GotifyResult badIcon = await(
            [&](auto cb) { api.uploadApplicationImage(appId, QStringLiteral("i.txt"), "x", cb); });
        QCOMPARE(badIcon.error.kind, GotifyError::Kind::BadRequest);
        QCOMPARE(await([&](auto cb) { api.listApplications(cb); }).value.toArray().size(), 2);

        const GotifyResult client = await([&](auto cb) { api.createClient(QStringLiteral("c"), cb); });
        const qint64 clientId = client.value.toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(await([&](auto cb) { api.updateClient(clientId, QStringLiteral("c2"), cb); })
                     .value.toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("c2"));
        QCOMPARE(await([&](auto cb) { api.listClients(cb); }).value.toArray().size(), 2);
        QVERIFY(await([&](auto cb) { api.deleteClient(clientId, cb); }).ok());
        QCOMPARE(await([&](auto cb) { api.listClients(cb); }).value.toArray().size(), 1);

        for (int i = 0; i < 5; ++i)
            server.postMessage(QStringLiteral("m%1").arg(i), {}, 5, {}, i < 3 ? appId : 0);
        const GotifyResult p1 = await([&](auto cb) { api.listMessages(2, 0, cb); });
        const QJsonObject paging = p1.value.toObject().value(QStringLiteral("paging")).toObject();
        QCOMPARE(paging.value(QStringLiteral("size")).toInt(), 2);
        QCOMPARE(paging.value(QStringLiteral("since")).toInt(), 4);
        const GotifyResult p2 = await([&](auto cb) { api.listMessages(2, 4, cb); });
        QCOMPARE(p2.value.toObject()
                     .value(QStringLiteral("messages"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInt(),
                 3);
        const GotifyResult appPage = await([&](auto cb) { api.listMessages(100, 0, cb, appId); });
        QCOMPARE(appPage.value.toObject().value(QStringLiteral("messages")).toArray().size(), 3);
        QVERIFY(await([&](auto cb) { api.deleteMessage(5, cb); }).ok());
        QCOMPARE(await([&](auto cb) { api.deleteMessage(5, cb); }).error.kind, GotifyError::Kind::NotFound);
        QVERIFY(await([&](auto cb) { api.deleteApplicationMessages(appId, cb); }).ok());
        QCOMPARE(server.messageCount(), 1);
        QVERIFY(await([&](auto cb) { api.deleteAllMessages(cb); }).ok());
        QCOMPARE(server.messageCount(), 0);
        QVERIFY(await([&](auto cb) { api.deleteApplication(appId, cb); }).ok());
        verifyNoTokenInQuery(server);
    }

    void health_500IsUnhealthy_andProbeReportsEverything()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const GotifyProbeResult good = GotifyProbe::runBlocking(test::endpointFor(server, QStringLiteral("ops")));
        QVERIFY2(good.ok(), qPrintable(good.problems.join(QLatin1String("; "))));
        QCOMPARE(good.version, QStringLiteral("2.9.0"));
        QCOMPARE(good.user, QStringLiteral("admin"));
        QCOMPARE(good.clientTokenAccepted, std::optional<bool>(true));
        QCOMPARE(good.appTokenAccepted, std::optional<bool>(true));
        QVERIFY(good.latencyMs >= 0);
        QCOMPARE(server.messageCount(), 0); // the app-token check posts nothing

        server.setHealthy(false);
        GotifyEndpoint bad = test::endpointFor(server, QStringLiteral("ops"));
        bad.appToken = QStringLiteral("Awrong");
        bad.clientToken = QStringLiteral("Cwrong");
        const GotifyProbeResult sick = GotifyProbe::runBlocking(bad);
        QVERIFY(sick.reachable);
        QVERIFY(!sick.healthy);
        QCOMPARE(sick.health, QStringLiteral("orange"));
        QCOMPARE(sick.database, QStringLiteral("red"));
        QCOMPARE(sick.clientTokenAccepted, std::optional<bool>(false));
        QCOMPARE(sick.appTokenAccepted, std::optional<bool>(false));
        QVERIFY(!sick.ok());
        const QJsonObject json = sick.toJson();
        QCOMPARE(json.value(QStringLiteral("healthy")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("account")).toString(), QStringLiteral("gotify/ops"));
        QVERIFY(!QJsonDocument(json).toJson().contains("wrong"));
        verifyNoTokenInQuery(server);
    }

    void probe_unreachable_reportsNotReachable()
    {
        quint16 port = 0;
        {
            GotifyServer gone;
            QVERIFY(gone.listen());
            port = gone.port();
        }
        GotifyEndpoint e;
        e.address = {kGotifyChannel, QStringLiteral("gone")};
        e.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        e.clientToken = QStringLiteral("C");
        const GotifyProbeResult r = GotifyProbe::runBlocking(e, 10000);
        QVERIFY(!r.reachable);
        QVERIFY(!r.ok());
        QVERIFY(!r.problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGotifyRest)
#include "tst_gotify_rest.moc"
