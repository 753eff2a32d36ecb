// The status endpoint while the history cannot take writes: the tray's wiring (attachStatusApi)
// over the real AppRuntime, its history on a real small filesystem (tmpfs, as the disk-full
// fault tests use), one account on the loopback Gotify server. While the disk is full /status
// says why and how many messages are held, /metrics counts the failed commits and the held
// messages; once space is back every held message is stored and counted, and both say so.
#include "../faults/smallfilesystem.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "runtime/appruntime.h"
#include "status/statusapi.h"
#include "statustestsupport.h"
#include "traystatusapi.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ct;
using namespace ct::test;

class TestStatusStorage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testserver::GotifyServer m_gotify;

    static QJsonObject historyIn(const RawResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value("data").toObject().value("history").toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
    }

    void diskFull_statusSaysWhyAndHowManyAreHeld_metricsCountIt_andBothClearWhenSpaceReturns()
    {
        SmallFilesystem disk;
        QString error;
        QVERIFY(QDir().mkpath(m_dir.filePath("disk")));
        QVERIFY2(disk.mount(m_dir.filePath("disk"), 4 * 1024 * 1024, &error), qPrintable(error));

        const QString configPath = m_dir.filePath("config.json");
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(
                    QJsonObject{
                        {"channels",
                         QJsonObject{
                             {"gotify",
                              QJsonObject{
                                  {"accounts",
                                   QJsonObject{{"ops", QJsonObject{{"serverUrl", m_gotify.url().toString()},
                                                                   {"clientToken", m_gotify.clientToken()}}}}}}}}},
                        {"channeltray", QJsonObject{{"statusApi", QJsonObject{{"listen", "127.0.0.1:0"}}}}}})
                    .toJson());
        f.close();
        AppRuntime runtime(AppRuntime::Options{configPath, disk.folder() + "/history.sqlite", -1});
        runtime.open(nullptr);
        StatusApi *api = app::attachStatusApi(runtime);
        runtime.applyConfig(loadConfig(configPath).config);
        QTRY_VERIFY_WITH_TIMEOUT(api->isListening() && m_gotify.streamCount() == 1, 15000);
        const quint16 port = api->server().port();
        QCOMPARE(historyIn(rawRequest(port, getRequest("/status"))).value("ok").toBool(), true);

        QVERIFY(disk.fill() > 0);
        const int n = 25;
        for (int i = 0; i < n; ++i)
            m_gotify.postMessage(QStringLiteral("held %1 ").arg(i) + QString(200, QLatin1Char('x')));
        QTRY_COMPARE_WITH_TIMEOUT(historyIn(rawRequest(port, getRequest("/status"))).value("heldMessages").toInt(),
                                  n, 15000);
        const QJsonObject failing = historyIn(rawRequest(port, getRequest("/status")));
        QCOMPARE(failing.value("ok").toBool(), false);
        QVERIFY2(!failing.value("error").toString().isEmpty(), "no reason given");
        QByteArray metrics = rawRequest(port, getRequest("/metrics")).body;
        QVERIFY(metricValue(metrics, "channeltray_history_store_errors_total") >= 1);
        QCOMPARE(metricValue(metrics, "channeltray_history_held_messages"), double(n));
        QCOMPARE(metricValue(metrics,
                             "channeltray_messages_received_total{account=\"gotify/ops\",channel=\"gotify\","
                             "via=\"stream\"}"),
                 0.0);

        disk.release();
        QTRY_VERIFY_WITH_TIMEOUT(historyIn(rawRequest(port, getRequest("/status"))).value("ok").toBool(), 30000);
        QCOMPARE(historyIn(rawRequest(port, getRequest("/status"))).value("heldMessages").toInt(), 0);
        metrics = rawRequest(port, getRequest("/metrics")).body;
        QCOMPARE(metricValue(metrics, "channeltray_history_held_messages"), 0.0);
        QCOMPARE(metricValue(metrics,
                             "channeltray_messages_received_total{account=\"gotify/ops\",channel=\"gotify\","
                             "via=\"stream\"}"),
                 double(n));
        const PromtoolResult lint = promtoolCheck(metrics);
        QVERIFY2(lint.found, "promtool is missing (Debian package prometheus, tools/deps.txt)");
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.output));
        runtime.stop();
    }
};

int main(int argc, char **argv)
{
    reexecAsRootInNamespace(argc, argv); // mounting the small filesystem needs it
    QCoreApplication app(argc, argv);
    TestStatusStorage test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_status_storage.moc"
