// Gotify over HTTPS and WSS on 127.0.0.1 with a self-signed CA made for this run:
// with the account's caCertFile → REST send, probe and the wss stream work; without it, with an
// unrelated CA or with a caCertFile that holds no certificate → a typed TLS error that names
// caCertFile, nothing reaches the server (the token is never sent to an untrusted peer).
#include "gotify/gotifyapi.h"
#include "gotify/gotifyprobe.h"
#include "integration/gotify/gotifytestfixture.h"
#include "servers/gotify/testpki.h"

#include <QFile>
#include <QJsonObject>

using namespace ct;
using ct::testserver::GotifyServer;
using ct::testserver::TestPki;

namespace {
GotifyResult sendOne(const GotifyEndpoint &endpoint, const QString &text)
{
    GotifyApi api(endpoint);
    SendRequest req;
    req.text = text;
    GotifyResult noAnswer;
    noAnswer.error.kind = GotifyError::Kind::Protocol;
    noAnswer.error.description = QStringLiteral("no answer within 15 s");
    return test::awaitResult([&](GotifyApi::Callback done) { api.sendMessage(req, done); }, noAnswer);
}
} // namespace

class TestGotifyTls : public QObject
{
    Q_OBJECT
    TestPki m_pki;
    std::unique_ptr<GotifyServer> m_server;

    GotifyEndpoint endpoint(const QString &caCertFile) const
    {
        GotifyEndpoint e = test::endpointFor(*m_server, QStringLiteral("tls"));
        e.caCertFile = caCertFile;
        return e;
    }

    // Refused before any HTTP: the server's log stays empty, so no token went out.
    void verifyNothingReachedTheServer() const
    {
        QVERIFY2(
            m_server->requestLog().isEmpty(),
            qPrintable(QStringLiteral("%1 request(s) reached the server").arg(m_server->requestLog().size())));
    }

    void verifyTlsError(const GotifyResult &r, const QString &mustMention)
    {
        QVERIFY2(r.error.kind == GotifyError::Kind::Tls,
                 qPrintable(GotifyError::kindName(r.error.kind) + QStringLiteral(": ") + r.error.message()));
        QVERIFY2(r.error.message().contains(mustMention), qPrintable(r.error.message()));
        QCOMPARE(r.httpStatus, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_pki.generate(&error), qPrintable(error));
        QVERIFY(QFile::exists(m_pki.caCertFile()));
    }

    void init()
    {
        m_server = std::make_unique<GotifyServer>();
        m_server->setTls(m_pki.serverConfiguration());
        QVERIFY(m_server->listen());
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
    }

    void cleanup() { m_server.reset(); }

    void rest_withCaCertFile_sendSucceeds()
    {
        const GotifyResult r = sendOne(endpoint(m_pki.caCertFile()), QStringLiteral("over tls"));
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        const qint64 id = r.value.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(m_server->store().message(id)->message, QStringLiteral("over tls"));
        QCOMPARE(m_server->requestLog().size(), 1);
        QVERIFY(m_server->requestLog().first().headers.contains(
            {QByteArray("X-Gotify-Key"), m_server->appToken().toUtf8()}));
    }

    void probe_withCaCertFile_reportsEverything()
    {
        const GotifyProbeResult p = GotifyProbe::runBlocking(endpoint(m_pki.caCertFile()));
        QVERIFY2(p.ok(), qPrintable(p.problems.join(QLatin1Char('\n'))));
        QVERIFY(p.reachable);
        QCOMPARE(p.version, m_server->version());
        QCOMPARE(p.clientTokenAccepted, std::optional<bool>(true));
        QCOMPARE(p.appTokenAccepted, std::optional<bool>(true));
        QVERIFY(p.healthy);
        QVERIFY(p.latencyMs >= 0);
    }

    void stream_withCaCertFile_wssDeliversMessages()
    {
        test::Sink sink;
        const GotifyEndpoint e = endpoint(m_pki.caCertFile());
        QCOMPARE(e.streamUrl().scheme(), QStringLiteral("wss"));
        GotifyConnection conn(e, test::fastInbound(), sink.pipeline.get(), sink.history.get());
        QSignalSpy caughtUp(&conn, &GotifyConnection::catchUpFinished);
        conn.start();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), AccountState::Connected, 10000);
        QTRY_COMPARE(m_server->streamCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(caughtUp.size(), 1, 10000);
        const qint64 id = m_server->postMessage(QStringLiteral("pushed over wss"));
        const QString account = e.address.toString();
        QTRY_COMPARE_WITH_TIMEOUT(sink.count(account), 1, 10000);
        QCOMPARE(sink.delivered.value(account).first(), id);
        bool streamed = false;
        for (const auto &rec : m_server->requestLog())
            streamed = streamed || (rec.isStream && rec.path == QLatin1String("/stream") && rec.status == 101);
        QVERIFY(streamed);
        conn.stop();
    }

    void stream_refusedTokenOverWss_isAnAuthFailure()
    {
        test::Sink sink;
        GotifyEndpoint e = endpoint(m_pki.caCertFile());
        e.clientToken = QStringLiteral("Cnotaclient0000");
        GotifyConnection conn(e, test::fastInbound(), sink.pipeline.get(), sink.history.get());
        conn.start();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), AccountState::Failed, 10000);
        QVERIFY2(conn.detail().contains(QLatin1String("401")), qPrintable(conn.detail()));
        // Over TLS, before any upgrade: the first connect's look at the newest messages (before
        // the stream opens), then the stream, both refused with a 401.
        QCOMPARE(m_server->requestLog().size(), 2);
        for (const auto &rec : m_server->requestLog())
            QCOMPARE(rec.status, 401);
        QVERIFY(m_server->requestLog().last().isStream);
    }

    void rest_withoutCaCertFile_tlsErrorNamesCaCertFile()
    {
        verifyTlsError(sendOne(endpoint({}), QStringLiteral("x")), QStringLiteral("caCertFile"));
        verifyNothingReachedTheServer();
    }

    void probe_withoutCaCertFile_unreachableWithTlsProblem()
    {
        const GotifyProbeResult p = GotifyProbe::runBlocking(endpoint({}));
        QVERIFY(!p.ok());
        QVERIFY(!p.reachable);
        QVERIFY2(p.problems.join(QLatin1Char('\n')).contains(QLatin1String("caCertFile")),
                 qPrintable(p.problems.join(QLatin1Char('\n'))));
        verifyNothingReachedTheServer();
    }

    void stream_withoutCaCertFile_neverConnects_detailNamesCaCertFile()
    {
        test::Sink sink;
        GotifyConnection conn(endpoint({}), test::fastInbound(2), sink.pipeline.get(), sink.history.get());
        bool everConnected = false;
        connect(&conn, &AccountConnection::stateChanged, this, [&everConnected](AccountState s, const QString &) {
            everConnected = everConnected || s == AccountState::Connected;
        });
        conn.start();
        QTRY_VERIFY_WITH_TIMEOUT(conn.lastError().contains(QLatin1String("caCertFile")), 10000);
        QVERIFY2(conn.lastError().contains(QLatin1String("TLS")), qPrintable(conn.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), AccountState::Failed, 10000); // after the bounded retries
        QVERIFY(!everConnected);
        QCOMPARE(m_server->streamCount(), 0);
        verifyNothingReachedTheServer();
    }

    void wrongCa_restAndStreamRefused()
    {
        verifyTlsError(sendOne(endpoint(m_pki.wrongCaCertFile()), QStringLiteral("x")),
                       QStringLiteral("caCertFile"));
        test::Sink sink;
        GotifyConnection conn(endpoint(m_pki.wrongCaCertFile()), test::fastInbound(1), sink.pipeline.get(),
                              sink.history.get());
        conn.start();
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), AccountState::Failed, 10000);
        QVERIFY2(conn.lastError().contains(QLatin1String("caCertFile")), qPrintable(conn.lastError()));
        QCOMPARE(m_server->streamCount(), 0);
        verifyNothingReachedTheServer();
    }

    void caCertFileWithoutCertificate_tlsErrorNamesTheFile()
    {
        QTemporaryDir dir;
        const QString notPem = dir.filePath(QStringLiteral("ca.pem"));
        QFile f(notPem);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate\n");
        f.close();
        verifyTlsError(sendOne(endpoint(notPem), QStringLiteral("x")), notPem);
        const QString missing = dir.filePath(QStringLiteral("missing.pem"));
        verifyTlsError(sendOne(endpoint(missing), QStringLiteral("x")), missing);

        test::Sink sink;
        GotifyConnection conn(endpoint(missing), test::fastInbound(), sink.pipeline.get(), sink.history.get());
        conn.start();
        QTRY_COMPARE(conn.state(), AccountState::Failed); // at once: retrying cannot help
        QVERIFY2(conn.detail().contains(missing), qPrintable(conn.detail()));
        verifyNothingReachedTheServer();
    }
};

QTEST_GUILESS_MAIN(TestGotifyTls)
#include "tst_gotify_tls.moc"
