// End to end: `channeltray watch` on the multi-openim README's multi-server refresh recipe
// (tests/unit/config/data/corpus/multi-server-refresh.json5, JSON5 with comments), two loopback
// OpenIM servers and one refresh endpoint per auth server. The west token is expired on its
// server: watch refreshes it at the endpoint the state file names for west, reconnects, and
// the config file changes in the bytes of that one token only; the east account never
// refreshes. Real processes and sockets on 127.0.0.1 only.
#include "fakerefreshendpoint.h"
#include "openimloopbackserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ct::loopback;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    if (text.count(from) != 1)
        qFatal("corpus text changed: %s", from.constData());
    return text.replace(from, to);
}
} // namespace

class TestRefreshWatchMultiServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watch_multiServerRecipe_refreshesReconnectsAndPatchesOnlyTheToken()
    {
        QTemporaryDir dir;
        OpenImLoopbackServer east, west;
        QVERIFY(east.start());
        QVERIFY(west.start());
        for (OpenImLoopbackServer *s : {&east, &west})
            s->addUser(QStringLiteral("u_alice"));
        east.addUser(QStringLiteral("u_east"));
        west.addUser(QStringLiteral("u_west"));
        const QString eastToken = east.mintToken(QStringLiteral("u_east"), 5);
        const QString oldWest = west.mintToken(QStringLiteral("u_west"), 5);
        west.expireTokens(QStringLiteral("u_west")); // refused with 1501 at the handshake
        QString newWest;                             // minted by the auth server when west asks for it

        FakeRefreshEndpoint eastAuth, westAuth;
        QVERIFY(eastAuth.listen());
        QVERIFY(westAuth.listen());
        eastAuth.setHandler([](const RecordedRequest &) { return CannedResponse{500, "{}", false}; });
        westAuth.setHandler([&](const RecordedRequest &r) {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            if (r.target != "/api/refresh" || r.headers.value("x-account") != "west"
                || body.value("refresh_token").toString() != QStringLiteral("rt-west-1")
                || body.value("device").toString() != QStringLiteral("dev-west"))
                return CannedResponse{400, "{}", false};
            // Another lifetime than the old token's, so the two differ even within one second.
            newWest = west.mintToken(QStringLiteral("u_west"), 5, 3600);
            const QJsonObject data{{"access_token", newWest}, {"refresh_token", "rt-west-2"}};
            return CannedResponse{200, QJsonDocument(QJsonObject{{"data", data}}).toJson(), false};
        });

        const QString statePath = dir.filePath("refresh-state.json");
        const QByteArray state = QJsonDocument(
                                     QJsonObject{{"east", QJsonObject{{"auth_server_url", eastAuth.url("")},
                                                                      {"refresh_token", "rt-east-1"},
                                                                      {"device_id", "dev-east"}}},
                                                 {"west", QJsonObject{{"auth_server_url", westAuth.url("")},
                                                                      {"refresh_token", "rt-west-1"},
                                                                      {"device_id", "dev-west"}}}})
                                     .toJson();
        QVERIFY(writeFile(statePath, state));
        QFile::setPermissions(statePath, QFile::ReadOwner | QFile::WriteOwner);

        // The README's example as the operator keeps it, pointed at the loopback servers.
        QByteArray config = readFile(QStringLiteral(CONFIG_CORPUS_DIR "/multi-server-refresh.json5"));
        config = replaced(config, "~/.openclaw/multi-openim/refresh-state.json", statePath.toUtf8());
        config = replaced(config, "wss://im-east.example.org:10001", east.wsAddr().toUtf8());
        config = replaced(config, "https://im-east.example.org:10002", east.apiAddr().toUtf8());
        config = replaced(config, "wss://im-west.example.org:10001", west.wsAddr().toUtf8());
        config = replaced(config, "https://im-west.example.org:10002", west.apiAddr().toUtf8());
        config = replaced(config, "eyJhbGciOiJIUzI1NiJ9.east.sig", eastToken.toUtf8());
        config = replaced(config, "eyJhbGciOiJIUzI1NiJ9.west.sig", oldWest.toUtf8());
        const QString configPath = dir.filePath("openclaw.json");
        QVERIFY(writeFile(configPath, config));
        QFile::setPermissions(configPath, QFile::ReadOwner | QFile::WriteOwner);

        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", dir.path()); // manual-login markers stay in the temporary directory
        watch.setProcessEnvironment(env);
        QStringList lines;
        bool eastSent = false, westSent = false, refreshed = false;
        connect(&watch, &QProcess::readyReadStandardOutput, this, [&] {
            while (watch.canReadLine()) {
                const QByteArray line = watch.readLine();
                lines << QString::fromUtf8(line).trimmed();
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QString type = o.value("type").toString(), account = o.value("account").toString();
                if (type == "refresh" && account == "multi-openim/west" && o.value("result") == "ok")
                    refreshed = true;
                if (type != "state" || o.value("state") != "connected")
                    continue;
                if (account == "multi-openim/east" && !eastSent) {
                    eastSent = true;
                    east.deliverDirect("u_alice", "u_east", "hello east");
                }
                if (account == "multi-openim/west" && refreshed && !westSent) {
                    westSent = true;
                    west.deliverDirect("u_alice", "u_west", "hello west after the refresh");
                }
            }
        });
        watch.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + "/app/channeltray",
                    {"--config", configPath, "watch", "--json", "--count", "2", "--timeout", "90"});
        QSignalSpy finished(&watch, &QProcess::finished);
        QVERIFY(finished.wait(100000));
        const QString log = lines.join('\n') + "\n" + QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(watch.exitCode() == 0, qPrintable(log));
        QVERIFY2(refreshed && westSent && eastSent, qPrintable(log));
        QVERIFY2(log.contains("hello west after the refresh"), qPrintable(log));

        // The config changed in west's token only; the state file got the new refresh token.
        QCOMPARE(readFile(configPath), replaced(config, oldWest.toUtf8(), newWest.toUtf8()));
        QCOMPARE(readFile(configPath + ".bak"), config);
        const QJsonObject after = QJsonDocument::fromJson(readFile(statePath)).object();
        QCOMPARE(after["west"]["refresh_token"].toString(), QStringLiteral("rt-west-2"));
        QCOMPARE(after["east"]["refresh_token"].toString(), QStringLiteral("rt-east-1"));
        QCOMPARE(westAuth.requests.size(), 1);
        QCOMPARE(eastAuth.requests.size(), 0);
        QVERIFY(!newWest.isEmpty() && newWest != oldWest);
        QVERIFY(!log.contains(newWest) && !log.contains(oldWest) && !log.contains("rt-west"));
    }
};

QTEST_GUILESS_MAIN(TestRefreshWatchMultiServer)
#include "tst_refresh_watch_multiserver.moc"
