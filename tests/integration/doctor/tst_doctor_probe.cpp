// `channeltray doctor --probe` against the loopback Gotify and OpenIM servers on 127.0.0.1:
// the real binary, a config with the accounts, and the servers' answers in its report.
#include "gotifyserver.h"
#include "openimloopbackserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString out;
};

// The servers live in this process, so the event loop must keep running while doctor works.
Run runDoctor(const QString &config)
{
    QProcess p;
    p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"),
            {QStringLiteral("doctor"), QStringLiteral("--probe"), QStringLiteral("--json"),
             QStringLiteral("--config"), config});
    QSignalSpy done(&p, &QProcess::finished);
    if (!done.wait(60000))
        return {};
    Run r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    return r;
}

QJsonObject accountReport(const QJsonObject &doctor, const QString &address)
{
    for (const QJsonValue &v : doctor.value(QStringLiteral("accounts")).toArray())
        if (v.toObject().value(QStringLiteral("account")).toString() == address)
            return v.toObject();
    return {};
}
} // namespace

class TestDoctorProbe : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    ct::testserver::GotifyServer m_gotify;
    ct::loopback::OpenImLoopbackServer m_openim;
    QString m_imToken;

    QString writeConfig(const QString &gotifyClientToken, const QString &imToken)
    {
        const QJsonObject root{
            {"channels",
             QJsonObject{
                 {"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", QJsonObject{
                                                         {"serverUrl", m_gotify.url().toString()},
                                                         {"appToken", m_gotify.appToken()},
                                                         {"clientToken", gotifyClientToken}}}}}}},
                 {"multi-openim",
                  QJsonObject{{"accounts", QJsonObject{{"primary", QJsonObject{
                                                            {"wsAddr", m_openim.wsAddr()},
                                                            {"apiAddr", m_openim.apiAddr()},
                                                            {"token", imToken}}}}}}}}}};
        const QString path = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(QJsonDocument(root).toJson());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        QVERIFY(m_openim.start());
        m_openim.addUser(QStringLiteral("bot"), QStringLiteral("Ops Bot"));
        m_imToken = m_openim.mintToken(QStringLiteral("bot"), 7);
    }

    void probe_reportsVersionUserHealthAndLatency_perAccount()
    {
        const Run r = runDoctor(writeConfig(m_gotify.clientToken(), m_imToken));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        const QJsonObject gotify = accountReport(r.json, QStringLiteral("gotify/ops")).value(QStringLiteral("probe")).toObject();
        QVERIFY2(gotify.value(QStringLiteral("reachable")).toBool(), qPrintable(r.out));
        QCOMPARE(gotify.value(QStringLiteral("version")).toString(), m_gotify.version());
        QVERIFY(gotify.value(QStringLiteral("latencyMs")).toInt(-1) >= 0);
        const QJsonObject im = accountReport(r.json, QStringLiteral("multi-openim/primary")).value(QStringLiteral("probe")).toObject();
        QVERIFY2(im.value(QStringLiteral("tokenAccepted")).toBool(), qPrintable(r.out));
        QCOMPARE(im.value(QStringLiteral("user")).toString(), QStringLiteral("bot"));
        QVERIFY(!r.out.contains(m_imToken));
        QVERIFY(!r.out.contains(m_gotify.clientToken()));
    }

    void probe_withRefusedTokens_exits1_andNamesTheProblem()
    {
        const Run r = runDoctor(writeConfig(QStringLiteral("C-not-a-client"),
                                            m_openim.mintBadToken(QStringLiteral("bot"), 7, 1502)));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonObject gotify = accountReport(r.json, QStringLiteral("gotify/ops"));
        QVERIFY2(!gotify.value(QStringLiteral("problems")).toArray().isEmpty(), qPrintable(r.out));
        const QJsonObject im = accountReport(r.json, QStringLiteral("multi-openim/primary"));
        QCOMPARE(im.value(QStringLiteral("probe")).toObject().value(QStringLiteral("tokenAccepted")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestDoctorProbe)
#include "tst_doctor_probe.moc"
