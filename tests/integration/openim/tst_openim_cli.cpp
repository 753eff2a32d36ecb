// `channeltray send` through an OpenIM account end to end: the real binary against the loopback
// OpenIM server on 127.0.0.1, the token inline in a temporary config (never argv), a history of
// its own per case.
#include "openimloopbackserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ct::loopback::OpenImLoopbackServer;

class TestOpenImCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<OpenImLoopbackServer> m_server;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    QString writeConfig(const QString &token)
    {
        const QJsonObject account{{QStringLiteral("wsAddr"), m_server->wsAddr()},
                                  {QStringLiteral("apiAddr"), m_server->apiAddr()},
                                  {QStringLiteral("token"), token}};
        const QJsonObject root{{QStringLiteral("channels"),
                                QJsonObject{{QStringLiteral("multi-openim"),
                                             QJsonObject{{QStringLiteral("accounts"),
                                                          QJsonObject{{QStringLiteral("primary"), account}}}}}}}};
        const QString path = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(QJsonDocument(root).toJson());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }

    // The server lives in this process: the event loop runs while the program works.
    Run run(const QStringList &args, const QString &dataDir)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(dataDir));
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"), args);
        if (!finished.wait(40000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    QList<QJsonObject> historyOf(const QString &config, const QString &dataDir)
    {
        const Run h = run({QStringLiteral("--config"), config, QStringLiteral("history"), QStringLiteral("--json"),
                           QStringLiteral("--account"), QStringLiteral("multi-openim/primary")},
                          dataDir);
        QList<QJsonObject> rows;
        for (const QByteArray &line : h.out.split('\n'))
            if (!line.trimmed().isEmpty())
                rows << QJsonDocument::fromJson(line).object();
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<OpenImLoopbackServer>();
        QVERIFY(m_server->start());
        m_server->addUser(QStringLiteral("u_bot"), QStringLiteral("Ops Bot"));
        m_server->addUser(QStringLiteral("u_alice"), QStringLiteral("Alice"));
    }
    void cleanup() { m_server.reset(); }

    void sendText_toAUser_printsItsIds_andKeepsOnlyTheSentMessageInTheHistory()
    {
        // A message waiting for the account: `send` connects to send, not to receive.
        m_server->storeDirectSilently(QStringLiteral("u_alice"), QStringLiteral("u_bot"),
                                      QStringLiteral("waiting"));
        const QString token = m_server->mintToken(QStringLiteral("u_bot"), 7);
        const QString config = writeConfig(token);
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--account"),
                           QStringLiteral("multi-openim/primary"), QStringLiteral("--to"),
                           QStringLiteral("user:u_alice"), QStringLiteral("--text"),
                           QStringLiteral("hello alice")},
                          QStringLiteral("sent"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject answer = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(answer.value(QStringLiteral("account")).toString(), QStringLiteral("multi-openim/primary"));
        QCOMPARE(answer.value(QStringLiteral("to")).toString(), QStringLiteral("user:u_alice"));
        QVERIFY2(!answer.value(QStringLiteral("serverMsgID")).toString().isEmpty(), r.out.constData());
        QVERIFY(!answer.value(QStringLiteral("clientMsgID")).toString().isEmpty());
        QVERIFY(answer.value(QStringLiteral("sendTime")).toInteger() > 0);
        QCOMPARE(int(m_server->receivedMsgs().size()), 1);
        QCOMPARE(QString::fromStdString(m_server->receivedMsgs().front().recvid()), QStringLiteral("u_alice"));
        QVERIFY(!r.out.contains(token.toUtf8()) && !r.err.contains(token));

        const QList<QJsonObject> rows = historyOf(config, QStringLiteral("sent"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(QStringLiteral("text")).toString(), QStringLiteral("hello alice"));
        QCOMPARE(rows.first().value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    }

    void send_withARefusedToken_exits1_andSaysTheAccountCouldNotConnect()
    {
        const QString config = writeConfig(m_server->mintBadToken(QStringLiteral("u_bot"), 7, 1502));
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--account"),
                           QStringLiteral("multi-openim/primary"), QStringLiteral("--to"),
                           QStringLiteral("user:u_alice"), QStringLiteral("--text"), QStringLiteral("hi")},
                          QStringLiteral("refused"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("multi-openim/primary could not connect")), qPrintable(r.err));
        QCOMPARE(int(m_server->receivedMsgs().size()), 0);
        QCOMPARE(r.out, QByteArray());
    }

    void send_withoutARecipient_isAUsageError_andConnectsNowhere()
    {
        const QString config = writeConfig(m_server->mintToken(QStringLiteral("u_bot"), 7));
        const Run r = run({QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--account"),
                           QStringLiteral("multi-openim/primary"), QStringLiteral("--text"), QStringLiteral("hi")},
                          QStringLiteral("usage"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--to user:<id> or --to group:<id>")), qPrintable(r.err));
        QVERIFY(m_server->handshakes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOpenImCli)
#include "tst_openim_cli.moc"
