// Cross-checks the loopback Gotify server with clients no one here wrote: npm gotify-client
// (REST) and npm ws (/stream), run by Node against an in-process server on 127.0.0.1.
#include "servers/gotify/gotifyserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using ct::testserver::GotifyServer;

class TestGotifyCrosscheck : public QObject
{
    Q_OBJECT

private:
    QString scriptDir() const
    {
        return qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR") + QStringLiteral("/tests/servers/gotify-crosscheck");
    }
    // Starts `node <script> <url> [args]` with the tokens in the environment (never argv).
    void startNode(QProcess &node, const GotifyServer &server, const QString &script, const QStringList &args = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GOTIFY_CLIENT_TOKEN"), server.clientToken());
        env.insert(QStringLiteral("GOTIFY_APP_TOKEN"), server.appToken());
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(scriptDir());
        node.start(QStringLiteral("node"), QStringList{script, server.url().toString()} + args);
        QVERIFY2(node.waitForStarted(10000), "node is not installed");
    }
    static QList<QJsonObject> lines(const QByteArray &out)
    {
        QList<QJsonObject> result;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                result.append(QJsonDocument::fromJson(line).object());
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir(scriptDir() + QStringLiteral("/node_modules/gotify-client")).exists(),
                 "npm packages missing: run tools/npm-deps.sh (npm ci from the committed lock file)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(), "node is not on PATH");
    }

    void rest_gotifyClient_everyGroupAgrees_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("v2") << int(GotifyServer::Mode::V2);
        QTest::newRow("v3-elevated") << int(GotifyServer::Mode::V3);
    }
    void rest_gotifyClient_everyGroupAgrees()
    {
        QFETCH(int, mode);
        GotifyServer server{static_cast<GotifyServer::Mode>(mode)};
        server.setElevated(true); // v3 deletes need an elevated session
        QVERIFY(server.listen());
        QProcess node;
        startNode(node, server, QStringLiteral("rest.mjs"));
        QSignalSpy finished(&node, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        const QByteArray out = node.readAllStandardOutput();
        const QList<QJsonObject> results = lines(out);
        QVERIFY2(!results.isEmpty(), node.readAllStandardError().constData());
        for (const QJsonObject &r : results)
            if (r.contains(QStringLiteral("check")))
                QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                         qPrintable(QJsonDocument(r).toJson(QJsonDocument::Compact)));
        QCOMPARE(results.last().value(QStringLiteral("done")).toBool(), true);
        QCOMPARE(results.last().value(QStringLiteral("failures")).toInt(), 0);
        QCOMPARE(node.exitCode(), 0);
        // gotify-client must have put no token in a query string either.
        for (const auto &rec : server.requestLog())
            QVERIFY2(!rec.query.contains(QStringLiteral("token")),
                     qPrintable(rec.path + QLatin1Char('?') + rec.query));
    }

    void stream_ws_refusesBadTokensWith401_thenReceivesPostedFrames()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        QProcess node;
        startNode(node, server, QStringLiteral("stream.mjs"), {QStringLiteral("2")});
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        const QJsonObject extras{{QStringLiteral("client::display"),
                                  QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/markdown")}}}};
        const qint64 first = server.postMessage(QStringLiteral("one"), QStringLiteral("t1"), 3);
        const qint64 second = server.postMessage(QStringLiteral("**two**"), {}, 9, extras);
        QSignalSpy finished(&node, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        const QList<QJsonObject> events = lines(node.readAllStandardOutput());
        QVERIFY2(events.size() == 6, node.readAllStandardError().constData());
        QCOMPARE(events.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("badToken"));
        QCOMPARE(events.at(0).value(QStringLiteral("status")).toInt(), 401);
        const QJsonObject body =
            QJsonDocument::fromJson(events.at(0).value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(body.value(QStringLiteral("errorCode")).toInt(), 401);
        QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("Unauthorized"));
        QCOMPARE(events.at(1).value(QStringLiteral("status")).toInt(), 401); // an app token cannot stream
        QCOMPARE(events.at(2).value(QStringLiteral("event")).toString(), QStringLiteral("open"));
        QCOMPARE(events.at(3).value(QStringLiteral("id")).toInteger(), first);
        QCOMPARE(events.at(3).value(QStringLiteral("title")).toString(), QStringLiteral("t1"));
        QCOMPARE(events.at(3).value(QStringLiteral("priority")).toInt(), 3);
        QCOMPARE(events.at(3).value(QStringLiteral("binary")).toBool(), false);
        QCOMPARE(events.at(4).value(QStringLiteral("id")).toInteger(), second);
        QCOMPARE(events.at(4).value(QStringLiteral("title")).toString(), QStringLiteral("channeltray-demo"));
        QCOMPARE(events.at(4).value(QStringLiteral("extras")).toObject(), extras);
        QCOMPARE(events.at(5).value(QStringLiteral("event")).toString(), QStringLiteral("close"));
        QCOMPARE(node.exitCode(), 0);
    }

    void stream_ws_dropWithoutCloseFrame_isSeenAs1006()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        QProcess node;
        startNode(node, server, QStringLiteral("stream.mjs"), {QStringLiteral("5")});
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        server.dropStreams();
        QSignalSpy finished(&node, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        const QList<QJsonObject> events = lines(node.readAllStandardOutput());
        QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("close"));
        QCOMPARE(events.last().value(QStringLiteral("code")).toInt(), 1006);
    }
};

QTEST_GUILESS_MAIN(TestGotifyCrosscheck)
#include "tst_gotify_crosscheck.moc"
