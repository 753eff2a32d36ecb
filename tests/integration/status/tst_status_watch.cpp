// `channeltray watch` serves the status API when channeltray.statusApi is on (the headless
// service of resources/systemd/channeltray-watch.service): the real program against the
// loopback Gotify server, queried over real sockets.
#include "gotifyserver.h"
#include "secrets/secretstore.h"
#include "status/statusapisettings.h"
#include "statustestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace ct::test;

class TestStatusWatch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    ct::testserver::GotifyServer m_gotify;

    QString writeConfig(const QString &name, quint16 statusPort)
    {
        const QJsonObject root{
            {"channels",
             QJsonObject{
                 {"gotify",
                  QJsonObject{
                      {"accounts", QJsonObject{{"ops", QJsonObject{{"serverUrl", m_gotify.url().toString()},
                                                                   {"clientToken", m_gotify.clientToken()}}}}}}}}},
            {"channeltray",
             QJsonObject{{"statusApi", QJsonObject{{"listen", QStringLiteral("127.0.0.1:%1").arg(statusPort)}}}}}};
        const QString path = m_dir.filePath(name + ".json");
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(root).toJson());
        return path;
    }

    void startWatch(QProcess &watch, const QString &config)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", m_dir.filePath("data-" + QFileInfo(config).baseName()));
        watch.setProcessEnvironment(env);
        watch.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + "/app/channeltray",
                    {"--config", config, "watch", "--json"});
        QVERIFY(watch.waitForStarted());
    }

    // The port watch logged taking ("status API on http://127.0.0.1:<port>/"); 0 when none.
    static quint16 loggedPort(const QByteArray &err)
    {
        static const QRegularExpression logged(QStringLiteral("status API on http://127\\.0\\.0\\.1:(\\d+)/"));
        return quint16(logged.match(QString::fromUtf8(err)).captured(1).toUInt());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
    }

    void watch_servesStatusHealthAndMetrics_ofTheAccountsItWatches()
    {
        QProcess watch;
        QByteArray out;
        QByteArray err;
        connect(&watch, &QProcess::readyReadStandardOutput, this, [&] { out += watch.readAllStandardOutput(); });
        connect(&watch, &QProcess::readyReadStandardError, this, [&] { err += watch.readAllStandardError(); });
        startWatch(watch, writeConfig("served", 0)); // any free port; watch logs the one it took
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(R"("state":"connected")"), 20000);
        // The endpoint listens once its bearer token was looked up in the keychain, which may
        // answer after the account connected.
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("status API on http://"), 20000);
        const quint16 port = loggedPort(err);
        QVERIFY2(port > 0, err.constData());

        const RawResponse status = rawRequest(port, getRequest("/status"));
        QCOMPARE(status.status, 200);
        const QJsonArray accounts =
            QJsonDocument::fromJson(status.body).object().value("data").toObject().value("accounts").toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().toObject().value("state").toString(), QStringLiteral("connected"));
        QVERIFY(!status.body.contains(m_gotify.clientToken().toUtf8()));
        QCOMPARE(rawRequest(port, getRequest("/health")).status, 200);

        for (int i = 0; i < 3; ++i)
            m_gotify.postMessage(QStringLiteral("to watch %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(out.count(R"("type":"message")"), 3, 20000);
        const RawResponse metrics = rawRequest(port, getRequest("/metrics"));
        QCOMPARE(metricValue(
                     metrics.body,
                     R"(channeltray_messages_received_total{account="gotify/ops",channel="gotify",via="stream"})"),
                 3.0);
        QCOMPARE(
            metricValue(metrics.body, R"(channeltray_unread_messages{account="gotify/ops",channel="gotify"})"),
            3.0);
        const PromtoolResult check = promtoolCheck(metrics.body);
        QVERIFY2(check.found, "promtool (Debian package prometheus, tools/deps.txt) is required");
        QVERIFY2(check.exitCode == 0, qPrintable(check.output));

        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(20000));
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(!out.contains(m_gotify.clientToken().toUtf8()));
    }

    // The status API's keychain token is removed while watch runs: the endpoint fails closed
    // (nothing answers on its port any more) and watch goes on receiving, having said why.
    void watch_whoseKeychainBearerIsRemoved_stopsTheEndpoint_andWatchesOn()
    {
        ct::SecretStore store;
        const auto address = ct::StatusApiSettings::keychainAddress();
        const QString field = ct::StatusApiSettings::keychainField();
        const auto removeEntry = qScopeGuard([&] { store.removeBlocking(address, field); });
        const QString bearer = QStringLiteral("watch-bearer-%1").arg(QRandomGenerator::global()->generate());
        QVERIFY(store.writeBlocking(address, field, bearer).ok());
        QProcess watch;
        QByteArray out;
        QByteArray err;
        connect(&watch, &QProcess::readyReadStandardOutput, this, [&] { out += watch.readAllStandardOutput(); });
        connect(&watch, &QProcess::readyReadStandardError, this, [&] { err += watch.readAllStandardError(); });
        startWatch(watch, writeConfig("bearer-removed", 0));
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(R"("state":"connected")"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("status API on http://"), 20000);
        QVERIFY2(err.contains("bearer token required"), err.constData());
        const quint16 port = loggedPort(err);
        QVERIFY2(port > 0, err.constData());
        QVERIFY(rawRequest(port, getRequest("/health", "Authorization: Bearer " + bearer.toUtf8() + "\r\n")).status
                != 401);

        QVERIFY(store.removeBlocking(address, field).ok());
        QTRY_VERIFY_WITH_TIMEOUT(err.contains("removed from the keychain"), 20000);
        QCOMPARE(rawRequest(port, getRequest("/health")).status, 0);
        m_gotify.postMessage(QStringLiteral("after the endpoint stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("after the endpoint stopped"), 20000);
        QCOMPARE(watch.state(), QProcess::Running);
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(20000));
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(!err.contains(bearer.toUtf8()) && !out.contains(bearer.toUtf8()));
    }

    void watch_whoseStatusAddressIsTaken_failsAndSaysWhy()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QProcess watch;
        startWatch(watch, writeConfig("taken", squatter.serverPort()));
        QVERIFY(watch.waitForFinished(20000));
        QCOMPARE(watch.exitCode(), 1);
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(
            err.contains(QStringLiteral("status API: cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())),
            qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestStatusWatch)
#include "tst_status_watch.moc"
