// `channeltray watch --json` and `channeltray send` end to end: the real binary against the
// loopback Gotify server on 127.0.0.1. Tokens are inline in a temporary config (never argv).
#include "servers/gotify/gotifyserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ct::testserver::GotifyMessage;
using ct::testserver::GotifyServer;

class TestGotifyCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString binary() const
    {
        return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray");
    }
    QString writeConfig(const GotifyServer &server, const QString &clientToken = {})
    {
        const QJsonObject account{
            {QStringLiteral("serverUrl"), server.url().toString()},
            {QStringLiteral("appToken"), server.appToken()},
            {QStringLiteral("clientToken"), clientToken.isEmpty() ? server.clientToken() : clientToken},
            {QStringLiteral("defaultPriority"), 6},
            {QStringLiteral("inbound"), QJsonObject{{QStringLiteral("reconnectDelayMs"), 50},
                                                    {QStringLiteral("maxReconnectDelayMs"), 200},
                                                    {QStringLiteral("maxReconnectAttempts"), 3}}}};
        const QJsonObject root{{QStringLiteral("channels"),
                                QJsonObject{{QStringLiteral("gotify"),
                                             QJsonObject{{QStringLiteral("accounts"),
                                                          QJsonObject{{QStringLiteral("ops"), account}}}}}}}};
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(server.port()));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QJsonDocument(root).toJson());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }
    void prepare(QProcess &p, const QString &dataDir = QStringLiteral("data"))
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(dataDir));
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        p.setProcessEnvironment(env);
    }
    static QList<QJsonObject> lines(const QByteArray &out)
    {
        QList<QJsonObject> r;
        for (const QByteArray &l : out.split('\n'))
            if (!l.trimmed().isEmpty())
                r << QJsonDocument::fromJson(l).object();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(binary()), qPrintable(QStringLiteral("not built: ") + binary()));
    }

    void watchJson_printsStateAndEachMessageOnce_exitsAtCount()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString config = writeConfig(server);
        QProcess p;
        prepare(p);
        QByteArray out;
        connect(&p, &QProcess::readyReadStandardOutput, this, [&] { out += p.readAllStandardOutput(); });
        p.start(binary(), {QStringLiteral("--config"), config, QStringLiteral("watch"), QStringLiteral("--json"),
                           QStringLiteral("--account"), QStringLiteral("gotify/ops"), QStringLiteral("--count"),
                           QStringLiteral("3"), QStringLiteral("--timeout"), QStringLiteral("30")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("\"state\":\"connected\""), 20000);
        QTRY_COMPARE(server.streamCount(), 1);
        // Posted only once the first catch-up is answered: one posted before may be in its
        // answer too, and is then printed as caught up (docs/protocols.md "Stream").
        QTRY_VERIFY(server.messageListsAnswered() >= 1);
        server.postMessage(QStringLiteral("one"), QStringLiteral("T1"), 4);
        server.postMessage(QStringLiteral("two"));
        server.postMessage(QStringLiteral("three"));
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000) || p.state() == QProcess::NotRunning);
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QList<QJsonObject> messages;
        for (const QJsonObject &o : lines(out))
            if (o.value(QStringLiteral("type")) == QLatin1String("message"))
                messages << o;
        QCOMPARE(messages.size(), 3);
        const QJsonObject first = messages.first();
        QCOMPARE(first.value(QStringLiteral("account")).toString(), QStringLiteral("gotify/ops"));
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("T1"));
        QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("one"));
        QCOMPARE(first.value(QStringLiteral("priority")).toInt(), 4);
        QCOMPARE(first.value(QStringLiteral("peer")).toString(), QStringLiteral("1"));
        QCOMPARE(first.value(QStringLiteral("via")).toString(), QStringLiteral("stream"));
        QCOMPARE(first.value(QStringLiteral("session")).toString(), QStringLiteral("agent:main:main"));
        QVERIFY(first.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!out.contains(server.clientToken().toUtf8()));
        QVERIFY(!out.contains(server.appToken().toUtf8()));
        for (const auto &rec : server.requestLog())
            QVERIFY(!rec.query.contains(QLatin1String("token")));
    }

    // The protocol does not say which way such a message comes: the stream pushes it (it is
    // registered) and the catch-up, answered after it was stored, lists it too. It is printed
    // once, whichever copy is handed over first.
    void watchJson_aMessagePostedAfterTheStreamOpens_beforeTheCatchUpIsAnswered_isPrintedOnce()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        qint64 posted = 0;
        connect(&server, &GotifyServer::streamConnected, this,
                [&] { posted = server.postMessage(QStringLiteral("early")); });
        QProcess p;
        prepare(p, QStringLiteral("data-early"));
        QByteArray out;
        connect(&p, &QProcess::readyReadStandardOutput, this, [&] { out += p.readAllStandardOutput(); });
        p.start(binary(), {QStringLiteral("--config"), writeConfig(server), QStringLiteral("watch"),
                           QStringLiteral("--json"), QStringLiteral("--count"), QStringLiteral("2"),
                           QStringLiteral("--timeout"), QStringLiteral("30")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.messageListsAnswered() >= 1, 20000);
        QVERIFY(posted > 0);
        server.postMessage(QStringLiteral("late")); // after the answer: the stream only
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000) || p.state() == QProcess::NotRunning);
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QStringList printed;
        for (const QJsonObject &o : lines(out))
            if (o.value(QStringLiteral("type")) == QLatin1String("message"))
                printed << o.value(QStringLiteral("text")).toString() + QLatin1Char(' ')
                               + o.value(QStringLiteral("via")).toString();
        QCOMPARE(printed.size(), 2);
        QVERIFY2(printed.first().startsWith(QStringLiteral("early ")), qPrintable(printed.join(", ")));
        QCOMPARE(printed.last(), QStringLiteral("late stream"));
        qInfo("printed: %s", qPrintable(printed.join(QStringLiteral(", "))));
    }

    void watch_timeoutBeforeCount_exits3()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        QProcess p;
        prepare(p);
        p.start(binary(), {QStringLiteral("--config"), writeConfig(server), QStringLiteral("watch"),
                           QStringLiteral("--json"), QStringLiteral("--count"), QStringLiteral("5"),
                           QStringLiteral("--timeout"), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 3);
    }

    // watch is asked to receive: an account it cannot (no clientToken anywhere; the keychain of
    // tools/headless.sh holds none) ends it at once, naming the account and what to do.
    void watch_accountWithoutClientToken_exits1_namingIt_beforeAnyState()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString config = writeConfig(server);
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject channels = root.value(QStringLiteral("channels")).toObject();
        QJsonObject gotify = channels.value(QStringLiteral("gotify")).toObject();
        QJsonObject accounts = gotify.value(QStringLiteral("accounts")).toObject();
        QJsonObject ops = accounts.value(QStringLiteral("ops")).toObject();
        ops.remove(QStringLiteral("clientToken"));
        accounts.insert(QStringLiteral("ops"), ops);
        gotify.insert(QStringLiteral("accounts"), accounts);
        channels.insert(QStringLiteral("gotify"), gotify);
        root.insert(QStringLiteral("channels"), channels);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();

        QProcess p;
        prepare(p);
        p.start(binary(), {QStringLiteral("--config"), config, QStringLiteral("watch"), QStringLiteral("--json"),
                           QStringLiteral("--account"), QStringLiteral("gotify/ops")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("gotify/ops: no client token")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("accounts set-token gotify/ops --field clientToken")),
                 qPrintable(err));
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
        QCOMPARE(server.streamCount(), 0);
    }

    void send_withPriorityAndMarkdown_printsTheServersAnswer()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        QProcess p;
        prepare(p, QStringLiteral("send-data")); // a history of its own: message ids start at 1 on every server
        p.start(binary(), {QStringLiteral("--config"), writeConfig(server), QStringLiteral("send"),
                           QStringLiteral("--account"), QStringLiteral("gotify/ops"), QStringLiteral("--text"),
                           QStringLiteral("**hi**"), QStringLiteral("--title"), QStringLiteral("cli"),
                           QStringLiteral("--priority"), QStringLiteral("9"), QStringLiteral("--markdown"),
                           QStringLiteral("--click-url"), QStringLiteral("https://example.org/x")});
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject answer = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(answer.value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(answer.value(QStringLiteral("priority")).toInt(), 9);
        const GotifyMessage *m = server.store().message(1);
        QVERIFY(m);
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
                 QStringLiteral("https://example.org/x"));

        // Kept in the history as the tray keeps what it sends: outgoing, with its session key.
        QProcess h;
        prepare(h, QStringLiteral("send-data"));
        h.start(binary(), {QStringLiteral("--config"), writeConfig(server), QStringLiteral("history"),
                           QStringLiteral("--json"), QStringLiteral("--account"), QStringLiteral("gotify/ops")});
        QVERIFY(h.waitForFinished(20000));
        QCOMPARE(h.exitCode(), 0);
        const QList<QJsonObject> rows = lines(h.readAllStandardOutput());
        const auto sent = std::find_if(rows.begin(), rows.end(), [](const QJsonObject &o) {
            return o.value(QStringLiteral("text")).toString() == QStringLiteral("**hi**");
        });
        QVERIFY(sent != rows.end());
        QCOMPARE(sent->value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QVERIFY(sent->value(QStringLiteral("session")).toString().startsWith(QStringLiteral("agent:")));
    }

    void send_withoutAccount_goesThroughDefaultAccount_ofASendOnlyAccount()
    {
        // An appToken-only account (send only) named by channels.gotify.defaultAccount, in a
        // commented JSON5 file as the gateway keeps it.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString config = m_dir.filePath(QStringLiteral("send-default.json5"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("{\n  channels: { gotify: {\n    defaultAccount: 'ops', // send without --account\n"
                               "    accounts: { ops: { serverUrl: '%1', appToken: '%2' } },\n  } },\n}\n")
                    .arg(server.url().toString(), server.appToken())
                    .toUtf8());
        f.close();
        QProcess p;
        prepare(p);
        p.start(binary(), {QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--text"),
                           QStringLiteral("hi")});
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(server.store().message(1));
        QCOMPARE(server.store().message(1)->message, QStringLiteral("hi"));
    }

    void send_withoutPriority_usesTheAccountDefault_andBadTokenExits1()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        QProcess p;
        prepare(p);
        const QString config = writeConfig(server);
        p.start(binary(), {QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--account"),
                           QStringLiteral("gotify/ops"), QStringLiteral("--text"), QStringLiteral("plain")});
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(server.store().message(1)->priority, 6);
        QVERIFY(server.store().message(1)->extras.isEmpty());

        server.revokeToken(server.appToken().isEmpty() ? QString() : server.store().app(1)->token);
        QProcess q;
        prepare(q);
        q.start(binary(), {QStringLiteral("--config"), config, QStringLiteral("send"), QStringLiteral("--account"),
                           QStringLiteral("gotify/ops"), QStringLiteral("--text"), QStringLiteral("x")});
        QSignalSpy finishedQ(&q, &QProcess::finished);
        QVERIFY(finishedQ.wait(20000));
        QCOMPARE(q.exitCode(), 1);
        QVERIFY(q.readAllStandardError().contains("refused"));
    }
};

QTEST_GUILESS_MAIN(TestGotifyCli)
#include "tst_gotify_cli.moc"
