// `channeltray doctor --probe` against the loopback Gotify and OpenIM servers on 127.0.0.1:
// the real binary, a config with the accounts, and the servers' answers in its report.
#include "gotifyserver.h"
#include "openimloopbackserver.h"
#include "secrets/secretstore.h"
#include "testpki.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
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
Run runDoctor(const QString &config, const QString &dataHome = {})
{
    QProcess p;
    if (!dataHome.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        p.setProcessEnvironment(env);
    }
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

    // Gotify accounts only, all on one server, each with its own caCertFile ("" = none).
    QString writeGotifyConfig(const QUrl &serverUrl, const QString &appToken, const QString &clientToken,
                              const QHash<QString, QString> &caCertFileByAccount)
    {
        QJsonObject accounts;
        for (auto it = caCertFileByAccount.cbegin(); it != caCertFileByAccount.cend(); ++it) {
            QJsonObject a{
                {"serverUrl", serverUrl.toString()}, {"appToken", appToken}, {"clientToken", clientToken}};
            if (!it.value().isEmpty())
                a.insert(QStringLiteral("caCertFile"), it.value());
            accounts.insert(it.key(), a);
        }
        const QJsonObject root{{"channels", QJsonObject{{"gotify", QJsonObject{{"accounts", accounts}}}}}};
        const QString path = m_dir.filePath(QStringLiteral("config-tls.json"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(QJsonDocument(root).toJson());
        return path;
    }

    QString writeConfig(const QString &gotifyClientToken, const QString &imToken)
    {
        const QJsonObject root{
            {"channels",
             QJsonObject{
                 {"gotify", QJsonObject{{"accounts",
                                         QJsonObject{{"ops", QJsonObject{{"serverUrl", m_gotify.url().toString()},
                                                                         {"appToken", m_gotify.appToken()},
                                                                         {"clientToken", gotifyClientToken}}}}}}},
                 {"multi-openim",
                  QJsonObject{{"accounts", QJsonObject{{"primary", QJsonObject{{"wsAddr", m_openim.wsAddr()},
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
        const QJsonObject gotify =
            accountReport(r.json, QStringLiteral("gotify/ops")).value(QStringLiteral("probe")).toObject();
        QVERIFY2(gotify.value(QStringLiteral("reachable")).toBool(), qPrintable(r.out));
        QCOMPARE(gotify.value(QStringLiteral("version")).toString(), m_gotify.version());
        QVERIFY(gotify.value(QStringLiteral("latencyMs")).toInt(-1) >= 0);
        const QJsonObject im = accountReport(r.json, QStringLiteral("multi-openim/primary"))
                                   .value(QStringLiteral("probe"))
                                   .toObject();
        QVERIFY2(im.value(QStringLiteral("tokenAccepted")).toBool(), qPrintable(r.out));
        QCOMPARE(im.value(QStringLiteral("user")).toString(), QStringLiteral("bot"));
        QVERIFY(!r.out.contains(m_imToken));
        QVERIFY(!r.out.contains(m_gotify.clientToken()));
    }

    // The app token only in the keychain (the real one of tools/headless.sh) is probed too; the
    // probe asks the servers and nothing more: no gateway connection, no history file.
    void probe_checksAKeychainAppToken_andConnectsNoAccount_norCreatesTheHistory()
    {
        const ct::AccountAddress account{ct::kGotifyChannel, QStringLiteral("doctor-keychain")};
        ct::SecretStore store;
        const auto removeEntry = qScopeGuard([&] { store.removeBlocking(account, QStringLiteral("appToken")); });
        QVERIFY(store.writeBlocking(account, QStringLiteral("appToken"), m_gotify.appToken()).ok());
        const QJsonObject root{
            {"channels",
             QJsonObject{
                 {"gotify",
                  QJsonObject{{"accounts", QJsonObject{{account.accountId,
                                                        QJsonObject{{"serverUrl", m_gotify.url().toString()},
                                                                    {"clientToken", m_gotify.clientToken()}}}}}}},
                 {"multi-openim",
                  QJsonObject{{"accounts", QJsonObject{{"primary", QJsonObject{{"wsAddr", m_openim.wsAddr()},
                                                                               {"apiAddr", m_openim.apiAddr()},
                                                                               {"token", m_imToken}}}}}}}}}};
        const QString config = m_dir.filePath(QStringLiteral("config-keychain.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();
        const qsizetype handshakes = m_openim.handshakes().size();
        const QString dataHome = m_dir.filePath(QStringLiteral("data-keychain"));

        const Run r = runDoctor(config, dataHome);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        const QJsonObject gotify = accountReport(r.json, account.toString());
        QCOMPARE(gotify.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("appToken")).toString(),
                 QStringLiteral("keychain"));
        QCOMPARE(
            gotify.value(QStringLiteral("probe")).toObject().value(QStringLiteral("appTokenAccepted")).toBool(),
            true);
        QCOMPARE(accountReport(r.json, QStringLiteral("multi-openim/primary"))
                     .value(QStringLiteral("probe"))
                     .toObject()
                     .value(QStringLiteral("tokenAccepted"))
                     .toBool(),
                 true);
        QCOMPARE(m_openim.handshakes().size(), handshakes);
        QVERIFY(!QFileInfo::exists(dataHome + QStringLiteral("/channeltray/history.sqlite")));
        QVERIFY(!r.out.contains(m_gotify.appToken()));
    }

    // The report and the probe use the tokens the runtime resolved once: each keychain entry
    // is read once (the secrets log says each read it starts), not once for the report and
    // again for the probe.
    void probe_readsEachKeychainTokenOnce()
    {
        const ct::AccountAddress account{ct::kGotifyChannel, QStringLiteral("doctor-reads")};
        ct::SecretStore store;
        const auto removeEntries = qScopeGuard([&] {
            store.removeBlocking(account, QStringLiteral("appToken"));
            store.removeBlocking(account, QStringLiteral("clientToken"));
        });
        QVERIFY(store.writeBlocking(account, QStringLiteral("appToken"), m_gotify.appToken()).ok());
        QVERIFY(store.writeBlocking(account, QStringLiteral("clientToken"), m_gotify.clientToken()).ok());
        const QJsonObject root{
            {"channels",
             QJsonObject{{"gotify",
                          QJsonObject{{"accounts",
                                       QJsonObject{{account.accountId,
                                                    QJsonObject{{"serverUrl", m_gotify.url().toString()}}}}}}}}}};
        const QString config = m_dir.filePath(QStringLiteral("config-reads.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("channeltray.secrets.debug=true"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data-reads")));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"),
                {QStringLiteral("doctor"), QStringLiteral("--probe"), QStringLiteral("--json"),
                 QStringLiteral("--config"), config});
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(done.wait(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + err));
        const QJsonObject probe = accountReport(QJsonDocument::fromJson(out.toUtf8()).object(), account.toString())
                                      .value("probe")
                                      .toObject();
        QVERIFY2(probe.value(QStringLiteral("appTokenAccepted")).toBool(), qPrintable(out));
        QVERIFY2(probe.value(QStringLiteral("clientTokenAccepted")).toBool(), qPrintable(out));
        for (const QString &field : {QStringLiteral("appToken"), QStringLiteral("clientToken")})
            QVERIFY2(err.count(QStringLiteral("start read %1/%2 ").arg(account.toString(), field)) == 1,
                     qPrintable(err));
    }

    void probe_withRefusedTokens_exits1_andNamesTheProblem()
    {
        const Run r = runDoctor(
            writeConfig(QStringLiteral("C-not-a-client"), m_openim.mintBadToken(QStringLiteral("bot"), 7, 1502)));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonObject gotify = accountReport(r.json, QStringLiteral("gotify/ops"));
        QVERIFY2(!gotify.value(QStringLiteral("problems")).toArray().isEmpty(), qPrintable(r.out));
        const QJsonObject im = accountReport(r.json, QStringLiteral("multi-openim/primary"));
        QCOMPARE(im.value(QStringLiteral("probe")).toObject().value(QStringLiteral("tokenAccepted")).toBool(true),
                 false);
    }

    // A self-signed HTTPS server (CA made for this run): the account with caCertFile probes
    // fine, the one without it is unreachable with a problem that tells the user about caCertFile.
    void probe_tlsServer_withAndWithoutCaCertFile()
    {
        ct::testserver::TestPki pki;
        QString error;
        QVERIFY2(pki.generate(&error), qPrintable(error));
        ct::testserver::GotifyServer server;
        server.setTls(pki.serverConfiguration());
        QVERIFY(server.listen());
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));

        const QString trusted = writeGotifyConfig(server.url(), server.appToken(), server.clientToken(),
                                                  {{QStringLiteral("secure"), pki.caCertFile()}});
        const Run ok = runDoctor(trusted);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.out));
        const QJsonObject probe =
            accountReport(ok.json, QStringLiteral("gotify/secure")).value(QStringLiteral("probe")).toObject();
        QVERIFY2(probe.value(QStringLiteral("reachable")).toBool(), qPrintable(ok.out));
        QCOMPARE(probe.value(QStringLiteral("version")).toString(), server.version());
        QCOMPARE(probe.value(QStringLiteral("clientTokenAccepted")).toBool(), true);
        QCOMPARE(probe.value(QStringLiteral("appTokenAccepted")).toBool(), true);
        QVERIFY(probe.value(QStringLiteral("latencyMs")).toInt(-1) >= 0);
        QVERIFY(!ok.out.contains(server.clientToken()));
        QVERIFY(!ok.out.contains(server.appToken()));

        server.clearRequestLog();
        const Run refused = runDoctor(writeGotifyConfig(server.url(), server.appToken(), server.clientToken(),
                                                        {{QStringLiteral("plain"), QString()}}));
        QCOMPARE(refused.exitCode, 1);
        const QJsonObject report = accountReport(refused.json, QStringLiteral("gotify/plain"));
        QVERIFY2(!report.value(QStringLiteral("probe")).toObject().value(QStringLiteral("reachable")).toBool(true),
                 qPrintable(refused.out));
        QVERIFY2(refused.out.contains(QLatin1String("caCertFile")), qPrintable(refused.out));
        QVERIFY(server.requestLog().isEmpty()); // refused in the handshake: no token went out
    }
};

QTEST_GUILESS_MAIN(TestDoctorProbe)
#include "tst_doctor_probe.moc"
