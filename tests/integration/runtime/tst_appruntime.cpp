// AppRuntime wires what the tray shows: one live connection per account built from the config
// (tokens inline or from the real keychain), messages into the durable history with unread
// counts in the registry, notifications, test sends, token refresh states. Real loopback
// servers on 127.0.0.1, a real SQLite file, the real gnome-keyring of tools/headless.sh.
#include "accounts/accountregistry.h"
#include "accounts/healthmonitor.h"
#include "config/configloader.h"
#include "connectivity/connectivitymonitor.h"
#include "gotifyserver.h"
#include "inbound/historystore.h"
#include "inbound/notificationpolicy.h"
#include "openimloopbackserver.h"
#include "refresh/tokenrefresher.h"
#include "runtime/appruntime.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

class TestAppRuntime : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testserver::GotifyServer m_gotify;
    loopback::OpenImLoopbackServer m_openim;

    Config config(const QJsonObject &channels, const QJsonObject &extra = {})
    {
        QJsonObject root = extra;
        root.insert(QStringLiteral("channels"), channels);
        const LoadResult r = configFromJson(root);
        if (!r.ok())
            qWarning() << r.problemStrings();
        return r.config;
    }
    QJsonObject gotifyBlock(const QJsonObject &account)
    {
        return {{"accounts", QJsonObject{{"ops", account}}}, {"inbound", QJsonObject{{"reconnectDelayMs", 100}}}};
    }
    QString stateOf(AppRuntime &rt, const AccountAddress &a)
    {
        const int row = rt.registry().rowOf(a);
        return row < 0 ? QString() : rt.registry().index(row).data(AccountRegistry::StateNameRole).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        QVERIFY(m_openim.start());
        m_openim.addUser(QStringLiteral("bot"));
        m_openim.addUser(QStringLiteral("alice"));
    }

    void accounts_connect_andMessagesReachHistoryUnreadAndNotifications()
    {
        AppRuntime rt({m_dir.filePath(QStringLiteral("c1.json")), m_dir.filePath(QStringLiteral("h1.sqlite"))});
        QString error;
        QVERIFY2(rt.open(&error), qPrintable(error));
        QSignalSpy notified(&rt.notifications(), &NotificationPolicy::notify);
        const QString imToken = m_openim.mintToken(QStringLiteral("bot"), 5);
        rt.applyConfig(
            config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()},
                                            {"clientToken", m_gotify.clientToken()},
                                            {"appToken", m_gotify.appToken()}})},
                    {"multi-openim",
                     QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}}},
                                 {"accounts", QJsonObject{{"primary", QJsonObject{{"wsAddr", m_openim.wsAddr()},
                                                                                  {"apiAddr", m_openim.apiAddr()},
                                                                                  {"token", imToken}}}}}}}}));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        const AccountAddress primary{kOpenImChannel, QStringLiteral("primary")};
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("connected"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, primary), QStringLiteral("connected"), 10000);

        m_gotify.postMessage(QStringLiteral("disk almost full"), QStringLiteral("backup"), 8);
        QTRY_COMPARE_WITH_TIMEOUT(rt.registry().unread(ops), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 5000);
        QCOMPARE(notified.first().first().value<Notification>().account, ops);
        QVERIFY(rt.sessionKeyFor(ops).startsWith(QStringLiteral("agent:main:")));

        // Test sends, through the accounts' own connections.
        SendResult gotifySent, imSent;
        bool gotifyDone = false, imDone = false;
        SendRequest hello;
        hello.account = ops;
        hello.title = QStringLiteral("hello");
        hello.text = QStringLiteral("from the tray");
        hello.priority = 3;
        hello.markdown = true;
        SendRequest hi;
        hi.account = primary;
        hi.recipient = QStringLiteral("user:alice");
        hi.text = QStringLiteral("hi alice");
        rt.send(hello, [&](const SendResult &o) {
            gotifySent = o;
            gotifyDone = true;
        });
        rt.send(hi, [&](const SendResult &o) {
            imSent = o;
            imDone = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(gotifyDone && imDone, 10000);
        QVERIFY2(gotifySent.ok, qPrintable(gotifySent.error));
        QVERIFY(gotifySent.serverId.toLongLong() > 0);
        QVERIFY2(imSent.ok, qPrintable(imSent.error));
        QVERIFY(!imSent.serverId.isEmpty());
        // Both sent messages are in the history, each with its conversation's session key.
        for (const auto &[account, id] :
             {std::pair{ops, gotifySent.serverId}, std::pair{primary, imSent.clientId}}) {
            HistoryQuery q;
            q.account = account;
            const QList<HistoryRecord> rows = rt.history().query(q);
            const auto it = std::find_if(rows.begin(), rows.end(),
                                         [&](const HistoryRecord &r) { return r.message.id == id; });
            QVERIFY2(it != rows.end(), qPrintable(account.toString() + QLatin1Char(' ') + id));
            QVERIFY(it->message.sessionKey.startsWith(QStringLiteral("agent:main:")));
        }
    }

    void firstProbe_accountsOfOneServer_areAnsweredByOneProbe()
    {
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c-probe.json")),
                                    m_dir.filePath(QStringLiteral("h-probe.sqlite"))};
        options.firstProbeDelayMs = 300;
        AppRuntime rt(options);
        QString error;
        QVERIFY2(rt.open(&error), qPrintable(error));
        constexpr int kAccounts = 12;
        QJsonObject accounts;
        for (int i = 0; i < kAccounts; ++i)
            accounts.insert(QStringLiteral("bot%1").arg(i), QJsonObject{{"serverUrl", m_gotify.url().toString()},
                                                                        {"clientToken", m_gotify.clientToken()},
                                                                        {"appToken", m_gotify.appToken()}});
        m_gotify.clearRequestLog();
        QSignalSpy probed(&rt, &AppRuntime::probeFinished);
        rt.applyConfig(config({{"gotify", QJsonObject{{"accounts", accounts}}}}));
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), kAccounts, 15000);
        for (const QList<QVariant> &finished : std::as_const(probed))
            QVERIFY(finished.at(1).value<ProbeResult>().ok);
        const QList<testserver::GotifyRequestRecord> log = m_gotify.requestLog();
        const auto healthRequests = std::count_if(
            log.cbegin(), log.cend(), [](const auto &r) { return r.path == QLatin1String("/health"); });
        QCOMPARE(healthRequests, 1);
    }

    void accountWithoutToken_isListedAsFailed_withWhatToDo()
    {
        AppRuntime rt({m_dir.filePath(QStringLiteral("c2.json")), m_dir.filePath(QStringLiteral("h2.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()}})}}));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("failed"), 10000);
        const QString detail = rt.registry().index(0).data(AccountRegistry::DetailRole).toString();
        QVERIFY2(detail.contains(QStringLiteral("set-token gotify/ops")), qPrintable(detail));
    }

    void appTokenOnlyAccount_isSendOnly_notFailed()
    {
        // The plugin's default: inbound runs only with a clientToken; an appToken alone is a
        // valid account that sends (the health monitor does not retry it as failed).
        AppRuntime rt({m_dir.filePath(QStringLiteral("c5.json")), m_dir.filePath(QStringLiteral("h5.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()},
                                                       {"appToken", m_gotify.appToken()}})}}));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("disabled"), 10000);
        const QString detail = rt.registry().index(0).data(AccountRegistry::DetailRole).toString();
        QVERIFY2(detail.contains(QStringLiteral("send only")), qPrintable(detail));
    }

    void keychainToken_isUsed_whenNotInline()
    {
        SecretStore store;
        QVERIFY(store
                    .writeBlocking({kGotifyChannel, QStringLiteral("ops")}, QStringLiteral("clientToken"),
                                   m_gotify.clientToken())
                    .ok());
        AppRuntime rt({m_dir.filePath(QStringLiteral("c3.json")), m_dir.filePath(QStringLiteral("h3.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()}})}}));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, {kGotifyChannel, QStringLiteral("ops")}),
                                  QStringLiteral("connected"), 10000);
        QVERIFY(store.removeBlocking({kGotifyChannel, QStringLiteral("ops")}, QStringLiteral("clientToken")).ok());
    }

    void unresolvedReference_failsNamingTheReference_andIsNotReplacedByAKeychainToken()
    {
        // The keychain holds a working token, but the file says the token comes from an unset
        // variable: the file is authoritative, so the account fails and says which reference.
        SecretStore store;
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        QVERIFY(store.writeBlocking(ops, QStringLiteral("clientToken"), m_gotify.clientToken()).ok());
        qunsetenv("CT_TEST_UNSET_CLIENT_TOKEN");
        AppRuntime rt({m_dir.filePath(QStringLiteral("c6.json")), m_dir.filePath(QStringLiteral("h6.sqlite"))});
        QVERIFY(rt.open(nullptr));
        QSignalSpy started(&rt, &AppRuntime::accountsStarted);
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()},
                                                       {"clientToken", "${CT_TEST_UNSET_CLIENT_TOKEN}"}})}}));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QCOMPARE(stateOf(rt, ops), QStringLiteral("failed"));
        const QString detail = rt.registry().index(0).data(AccountRegistry::DetailRole).toString();
        QVERIFY2(detail.contains(QStringLiteral("CT_TEST_UNSET_CLIENT_TOKEN")), qPrintable(detail));
        QVERIFY2(!detail.contains(m_gotify.clientToken()), "the detail must not hold a token");
        // A send needs the app token, which is a plain keychain lookup here; the client token
        // reference is reported by the resolver to the GUI too.
        ResolvedToken seen;
        bool answered = false;
        rt.resolveToken(ops, QStringLiteral("clientToken"), [&](const ResolvedToken &t) {
            seen = t;
            answered = true;
        });
        QVERIFY(answered); // the config decides: no keychain round trip
        QVERIFY(seen.unresolvedReference);
        QVERIFY(seen.value.isEmpty());
        QVERIFY(store.removeBlocking(ops, QStringLiteral("clientToken")).ok());
    }

    void expiredOpenImToken_withRefreshOff_endsInNeedsLogin_withAMarker()
    {
        AppRuntime rt({m_dir.filePath(QStringLiteral("c4.json")), m_dir.filePath(QStringLiteral("h4.sqlite"))});
        QVERIFY(rt.open(nullptr));
        const QString marker = m_dir.filePath(QStringLiteral("markers/manual-login.json"));
        rt.applyConfig(config(
            {{"multi-openim",
              QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}, {"manualLoginMarkerPath", marker}}},
                          {"accounts", QJsonObject{{"primary", QJsonObject{{"wsAddr", m_openim.wsAddr()},
                                                                           {"apiAddr", m_openim.apiAddr()},
                                                                           {"token", m_openim.mintBadToken(
                                                                                         QStringLiteral("bot"), 5,
                                                                                         1501)}}}}}}}}));
        const AccountAddress primary{kOpenImChannel, QStringLiteral("primary")};
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, primary), QStringLiteral("needs-login"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            QFile::exists(m_dir.filePath(QStringLiteral("markers/manual-login.primary.json"))), 5000);
        QTRY_VERIFY(
            rt.registry().index(0).data(AccountRegistry::DetailRole).toString().contains(QStringLiteral("1501")));

        // The user stores a new token (editor, set-token): the marker goes.
        bool stored = false;
        rt.setToken(primary, QStringLiteral("token"), m_openim.mintToken(QStringLiteral("bot"), 5),
                    [&](const SecretResult &r) { stored = r.ok(); });
        QTRY_VERIFY(stored);
        QTRY_VERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("markers/manual-login.primary.json"))));
        QVERIFY(SecretStore().removeBlocking(primary, QStringLiteral("token")).ok());
    }

    // A refreshed keychain token is taken by the running connection in place; the next config
    // apply (a GUI save) reads that same token back from the keychain and must leave the
    // connection as it is: no second reconnect.
    void refreshedKeychainToken_nextApplyConfig_keepsTheConnection()
    {
        const AccountAddress refreshed{kOpenImChannel, QStringLiteral("refreshed")};
        SecretStore store;
        QVERIFY(store
                    .writeBlocking(refreshed, QStringLiteral("token"),
                                   m_openim.mintBadToken(QStringLiteral("bot"), 5, 1501))
                    .ok());
        const QString goodToken = m_openim.mintToken(QStringLiteral("bot"), 5);
        const QString script = m_dir.filePath(QStringLiteral("refresh-hook.sh"));
        QFile hook(script);
        QVERIFY(hook.open(QIODevice::WriteOnly));
        hook.write("#!/bin/sh\necho '{\"token\": \"" + goodToken.toUtf8() + "\"}'\n");
        hook.close();
        QVERIFY(hook.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const Config cfg = config(
            {{"multi-openim",
              QJsonObject{
                  {"tokenRefresh",
                   QJsonObject{{"mode", "hook"},
                               {"hook", QJsonObject{{"command", QJsonArray{script}}}},
                               {"manualLoginMarkerPath", m_dir.filePath(QStringLiteral("m8/login.json"))}}},
                  {"accounts", QJsonObject{{"refreshed", QJsonObject{{"wsAddr", m_openim.wsAddr()},
                                                                     {"apiAddr", m_openim.apiAddr()}}}}}}}});
        AppRuntime rt({m_dir.filePath(QStringLiteral("c8.json")), m_dir.filePath(QStringLiteral("h8.sqlite"))});
        QVERIFY(rt.open(nullptr));
        QSignalSpy refreshedOk(&rt.refresher(), &TokenRefresher::refreshSucceeded);
        rt.applyConfig(cfg);
        QTRY_COMPARE_WITH_TIMEOUT(refreshedOk.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, refreshed), QStringLiteral("connected"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(store.readBlocking(refreshed, QStringLiteral("token")).value, goodToken, 10000);

        const QPointer<const AccountConnection> before = rt.registry().connection(refreshed);
        QSignalSpy states(&rt.registry(), &AccountRegistry::accountStateChanged);
        QSignalSpy started(&rt, &AppRuntime::accountsStarted);
        rt.applyConfig(cfg);
        // A re-created connection would have been started (and said "connecting") before this.
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QVERIFY(before);
        QCOMPARE(rt.registry().connection(refreshed), before.data());
        QCOMPARE(states.size(), 0);
        QCOMPARE(stateOf(rt, refreshed), QStringLiteral("connected"));
        QVERIFY(store.removeBlocking(refreshed, QStringLiteral("token")).ok());
    }

    void tokenTheUserTypes_goesToTheKeychain_isReportedStored_andRemovedWithTheAccount()
    {
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        AppRuntime rt({m_dir.filePath(QStringLiteral("c5.json")), m_dir.filePath(QStringLiteral("h5.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", m_gotify.url().toString()}})}}));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("failed"), 10000);

        std::optional<SecretResult> written;
        rt.setToken(ops, QStringLiteral("clientToken"), m_gotify.clientToken(),
                    [&](const SecretResult &r) { written = r; });
        QTRY_VERIFY(written.has_value());
        QVERIFY2(written->ok(), qPrintable(written->message));
        QStringList fields;
        rt.storedTokenFields(ops, [&](const QStringList &found) { fields = found; });
        QTRY_COMPARE(fields, QStringList{QStringLiteral("clientToken")});
        QCOMPARE(SecretStore().readBlocking(ops, QStringLiteral("clientToken")).value, m_gotify.clientToken());

        std::optional<QMap<QString, QString>> failed;
        rt.removeTokens(ops, [&](const QMap<QString, QString> &f) { failed = f; });
        QTRY_VERIFY(failed.has_value());
        QVERIFY(failed->isEmpty());
        QCOMPARE(SecretStore().readBlocking(ops, QStringLiteral("clientToken")).error, SecretError::NotFound);
    }

    void historyRetention_runsAfterStart_withTheConfiguredDays()
    {
        const QString path = m_dir.filePath(QStringLiteral("h7.sqlite"));
        {
            HistoryStore seed(path);
            QVERIFY(seed.open());
            QList<InboundMessage> batch;
            for (int daysAgo : {40, 20}) {
                InboundMessage m;
                m.account = {kGotifyChannel, QStringLiteral("ops")};
                m.id = QString::number(daysAgo);
                m.text = QStringLiteral("%1 days old").arg(daysAgo);
                m.serverTime = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
                batch << m;
            }
            QVERIFY(seed.storeBatch(batch, nullptr));
        }
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c7.json")), path};
        options.retentionFirstRunDelayMs = 0;
        AppRuntime rt(options);
        QVERIFY(rt.open(nullptr));
        QCOMPARE(rt.history().count(HistoryQuery{}), 2);
        rt.applyConfig(
            config({}, {{"channeltray", QJsonObject{{"history", QJsonObject{{"retentionDays", 30}}}}}}));
        QTRY_COMPARE(rt.history().count(HistoryQuery{}), 1);
        HistoryQuery all;
        QCOMPARE(rt.history().query(all).first().message.id, QStringLiteral("20"));
    }

    // Options::followNetwork (the tray and watch): the runtime owns the network's recovery. The
    // network gone holds an account that cannot connect offline; its return reconnects it.
    void followNetwork_theNetworkGone_holdsAnAccountOffline_andItsReturnReconnectsIt()
    {
        AppRuntime plain(
            {m_dir.filePath(QStringLiteral("c9.json")), m_dir.filePath(QStringLiteral("h9a.sqlite"))});
        QVERIFY(!plain.connectivity()); // without the option nothing of the system is watched

        QTcpServer closed; // a port nothing listens on: the account retries
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString nowhere = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close();
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c9.json")),
                                    m_dir.filePath(QStringLiteral("h9.sqlite"))};
        options.followNetwork = true;
        AppRuntime rt(options);
        QVERIFY(rt.open(nullptr));
        QVERIFY(rt.connectivity());
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", nowhere}, {"clientToken", "C-any"}})}}));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        QTRY_VERIFY_WITH_TIMEOUT(!stateOf(rt, ops).isEmpty(), 10000);

        rt.connectivity()->setOnline(false);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("offline"), 10000);
        rt.connectivity()->setOnline(true);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(rt, ops) != QStringLiteral("offline"), 10000); // within its jitter (3 s)
    }

    void markRead_clearsTheAccountsUnreadCount()
    {
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        testserver::GotifyServer gotify; // its own: no message of the other cases to catch up on
        QVERIFY(gotify.listen());
        AppRuntime rt({m_dir.filePath(QStringLiteral("c6.json")), m_dir.filePath(QStringLiteral("h6.sqlite"))});
        QVERIFY(rt.open(nullptr));
        rt.applyConfig(config({{"gotify", gotifyBlock({{"serverUrl", gotify.url().toString()},
                                                       {"clientToken", gotify.clientToken()}})}}));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(rt, ops), QStringLiteral("connected"), 10000);
        gotify.postMessage(QStringLiteral("read me"), QStringLiteral("backup"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(rt.registry().unread(ops), 1, 10000);

        HistoryQuery unread;
        unread.account = ops;
        unread.includeOutgoing = false;
        QList<qint64> rows;
        for (const HistoryRecord &r : rt.history().query(unread))
            if (!r.read)
                rows << r.rowId;
        QCOMPARE(rows.size(), 1);
        rt.markRead(rows);
        QTRY_COMPARE(rt.registry().unread(ops), 0);
        QCOMPARE(rt.sessionKeyFor(ops), rt.history().query(unread).first().message.sessionKey);
    }
};

QTEST_GUILESS_MAIN(TestAppRuntime)
#include "tst_appruntime.moc"
