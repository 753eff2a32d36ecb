// No token in any log line: with every channeltray.* category switched on down to debug, the
// real paths a token takes (an AppRuntime connecting, receiving, sending, probing and failing a
// token refresh against the loopback Gotify and OpenIM servers; SecretStore write/read/remove;
// JwtClaims errors; the redaction helpers) log nothing that contains it.
#include "accounts/healthmonitor.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "logging/logging.h"
#include "net/jwtclaims.h"
#include "net/redact.h"
#include "net/serialqueue.h"
#include "openimloopbackserver.h"
#include "runtime/appruntime.h"
#include "secrets/secretstore.h"

#include <QJsonObject>
#include <QMutex>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace ct;

namespace {

QMutex capturedMutex;
QStringList captured;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&capturedMutex);
    captured << QString::fromLatin1(context.category ? context.category : "") + QStringLiteral(": ") + message;
}

QStringList capturedLines()
{
    QMutexLocker lock(&capturedMutex);
    return captured;
}

// Realistic shapes: an OpenIM JWT and a Gotify app token.
const QString kJwt = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJVc2VySUQiOiJ1X2FsaWNlIiwiUGxhdGZvcm1JRCI6NSwi"
    "ZXhwIjoxOTAwMDAwMDAwfQ.c2VjcmV0LXNpZ25hdHVyZS1ub3QtcmVhbA");
const QString kGotifyToken = QStringLiteral("AqZ7.kP2mN9xR4tLw");

} // namespace

class TestNoTokenInLogs : public QObject
{
    Q_OBJECT

    QtMessageHandler m_previous = nullptr;

    static void verifyNoLineContains(const QString &secret)
    {
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        for (const QString &line : capturedLines()) {
            // Report which line leaked without printing the secret itself.
            QVERIFY2(!line.contains(secret) && !line.contains(encoded),
                     qPrintable(QStringLiteral("a log line contains the token: ") + redactText(line, {secret})));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("channeltray.*=true"));
        m_previous = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(m_previous); }

    void everyChannelTrayCategory_isOnAtDebugLevel_andCaptured()
    {
        for (const QLoggingCategory *category :
             {&lcApp(), &lcConfig(), &lcSecrets(), &lcNet(), &lcInbound(), &lcHistory(), &lcAccounts(),
              &lcGotify(), &lcOpenIm(), &lcRefresh(), &lcUi()})
            QVERIFY2(category->isDebugEnabled(), category->categoryName());
        qCDebug(lcNet) << "capture-probe";
        QVERIFY(capturedLines().last().contains(QStringLiteral("capture-probe")));
    }

    void runtime_connectReceiveSendProbeAndRefresh_neverLogTheTokens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        testserver::GotifyServer gotify;
        QVERIFY(gotify.listen());
        loopback::OpenImLoopbackServer openim;
        QVERIFY(openim.start());
        openim.addUser(QStringLiteral("bot"));
        openim.addUser(QStringLiteral("alice"));
        const QString imToken = openim.mintToken(QStringLiteral("bot"), 5);
        const QString expired = openim.mintBadToken(QStringLiteral("bot"), 5, 1501);
        const QJsonObject channels{
            {"gotify",
             QJsonObject{{"accounts", QJsonObject{{"ops", QJsonObject{{"serverUrl", gotify.url().toString()},
                                                                      {"clientToken", gotify.clientToken()},
                                                                      {"appToken", gotify.appToken()}}}}}}},
            {"multi-openim",
             QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"},
                                                      {"manualLoginMarkerPath",
                                                       dir.filePath(QStringLiteral("manual-login.json"))}}},
                         {"accounts", QJsonObject{{"primary", QJsonObject{{"wsAddr", openim.wsAddr()},
                                                                          {"apiAddr", openim.apiAddr()},
                                                                          {"token", imToken}}},
                                                  {"expired", QJsonObject{{"wsAddr", openim.wsAddr()},
                                                                          {"apiAddr", openim.apiAddr()},
                                                                          {"token", expired}}}}}}}};
        const LoadResult config = configFromJson(QJsonObject{{"channels", channels}});
        QVERIFY2(config.ok(), qPrintable(config.problemStrings().join(QLatin1Char('\n'))));
        const int before = capturedLines().size();

        AppRuntime::Options options{dir.filePath(QStringLiteral("c.json")),
                                    dir.filePath(QStringLiteral("h.sqlite"))};
        options.firstProbeDelayMs = -1;
        AppRuntime rt(options);
        QVERIFY(rt.open(nullptr));
        QSignalSpy probed(&rt, &AppRuntime::probeFinished);
        rt.applyConfig(config.config);
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        const AccountAddress primary{kOpenImChannel, QStringLiteral("primary")};
        const AccountAddress expiredAccount{kOpenImChannel, QStringLiteral("expired")};
        auto stateOf = [&](const AccountAddress &a) {
            return rt.registry().connection(a) ? rt.registry().connection(a)->state() : AccountState::Disabled;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(ops), AccountState::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(primary), AccountState::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(expiredAccount), AccountState::NeedsLogin, 10000);
        rt.probeNow(ops); // the health probes of both channels, with their tokens
        rt.probeNow(primary);
        QTRY_VERIFY_WITH_TIMEOUT(probed.size() >= 2, 10000);

        gotify.postMessage(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(rt.registry().unread(ops), 1, 10000);
        int sent = 0;
        SendRequest toGotify;
        toGotify.account = ops;
        toGotify.text = QStringLiteral("from the tray");
        SendRequest toOpenIm;
        toOpenIm.account = primary;
        toOpenIm.recipient = QStringLiteral("user:alice");
        toOpenIm.text = QStringLiteral("hi");
        for (const SendRequest &r : {toGotify, toOpenIm})
            rt.send(r, [&](const SendResult &result) { sent += result.ok ? 1 : 100; });
        QTRY_COMPARE_WITH_TIMEOUT(sent, 2, 10000);

        QVERIFY2(capturedLines().size() - before >= 10, "the runtime should have logged what it did");
        for (const QString &secret : {gotify.clientToken(), gotify.appToken(), imToken, expired})
            verifyNoLineContains(secret);
    }

    void redactionHelpers_neverLetTheTokenThrough()
    {
        QUrl stream(QStringLiteral("wss://push.example.org/stream"));
        stream.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(kGotifyToken)));
        qCDebug(lcGotify).noquote() << "connecting to" << redactUrl(stream);
        QUrl withPassword(QStringLiteral("https://admin@gotify.example/application"));
        withPassword.setPassword(kGotifyToken);
        qCDebug(lcGotify).noquote() << "admin call" << redactUrl(withPassword);

        QNetworkRequest request(QUrl(QStringLiteral("http://openim.example:10002/msg/send_msg")));
        request.setRawHeader("token", kJwt.toUtf8());
        request.setRawHeader("X-Gotify-Key", kGotifyToken.toUtf8());
        request.setRawHeader("Authorization", "Bearer " + kJwt.toUtf8());
        request.setRawHeader("operationID", "op-1");
        qCDebug(lcOpenIm).noquote() << "POST" << redactUrl(request.url()) << redactHeaders(request);
        qCDebug(lcOpenIm).noquote() << redactHeader("token", kJwt.toUtf8());

        const QString body = QStringLiteral("{\"token\":\"%1\",\"userID\":\"u_alice\"}").arg(kJwt);
        qCDebug(lcRefresh).noquote() << "refresh answer" << redactText(body, {kJwt, kGotifyToken});

        verifyNoLineContains(kJwt);
        verifyNoLineContains(kGotifyToken);
        QVERIFY(capturedLines().join('\n').contains(QStringLiteral("operationID: op-1")));
    }

    void jwtErrors_neverRepeatTheToken()
    {
        const QString broken = kJwt + QStringLiteral(".extra");
        QString error;
        QVERIFY(!JwtClaims::parse(broken, &error));
        qCWarning(lcOpenIm).noquote() << "cannot read token claims:" << error;
        const QString badPayload = kJwt.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".!!notbase64!!.")
                                   + kJwt.section(QLatin1Char('.'), 2, 2);
        QVERIFY(!JwtClaims::parse(badPayload, &error));
        qCWarning(lcOpenIm).noquote() << "cannot read token claims:" << error;
        verifyNoLineContains(kJwt);
        verifyNoLineContains(kJwt.section(QLatin1Char('.'), 2, 2));
    }

    void secretStore_writeReadRemove_neverLogsTheValue()
    {
        SecretStore store;
        const AccountAddress account{kOpenImChannel,
                                     QStringLiteral("logs-") + QUuid::createUuid().toString(QUuid::Id128)};
        const int before = capturedLines().size();

        bool asyncDone = false;
        QString asyncValue;
        store.write(account, QStringLiteral("token"), kJwt);
        store.read(account, QStringLiteral("token"), [&](const SecretResult &result) {
            asyncDone = true;
            asyncValue = result.value;
        });
        QTRY_VERIFY_WITH_TIMEOUT(asyncDone, 15000);
        QCOMPARE(asyncValue, kJwt); // the value really went through the keychain

        QVERIFY(store.writeBlocking(account, QStringLiteral("token"), kGotifyToken).ok());
        QCOMPARE(store.readBlocking(account, QStringLiteral("token")).value, kGotifyToken);
        QVERIFY(store.removeBlocking(account, QStringLiteral("token")).ok());
        QCOMPARE(store.readBlocking(account, QStringLiteral("token")).error, SecretError::NotFound);
        // An invalid request logs a warning; the value it carried must not be in it.
        QCOMPARE(store.writeBlocking(account, QStringLiteral("notAField"), kJwt).error, SecretError::Other);

        const QStringList lines = capturedLines().mid(before);
        QVERIFY2(lines.size() >= 10, "SecretStore should have logged its operations at debug level");
        QVERIFY(lines.join('\n').contains(QStringLiteral("channeltray.secrets")));
        verifyNoLineContains(kJwt);
        verifyNoLineContains(kGotifyToken);
    }

    void serialQueue_logsOnlyItsLabels()
    {
        SerialQueue queue;
        bool ran = false;
        queue.enqueue(
            [&](SerialQueue::Done done) {
                ran = true;
                done();
            },
            QStringLiteral("GET ") + redactUrl(QUrl(QStringLiteral("http://h/message?token=") + kGotifyToken)));
        queue.enqueue([](SerialQueue::Done) {}, 20, QStringLiteral("stuck"));
        QTRY_VERIFY(ran);
        QTRY_VERIFY(!queue.busy());
        verifyNoLineContains(kGotifyToken);
    }
};

int main(int argc, char **argv)
{
    // Environment rules win over setFilterRules(); make sure nothing outside switches debug off.
    qputenv("QT_LOGGING_RULES", "channeltray.*=true");
    QCoreApplication app(argc, argv);
    TestNoTokenInLogs test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_no_token_in_logs.moc"
