// "Test connection" in the account editor asks a draft's server through AppRuntime::probeDraft,
// the probe of the health monitor and `doctor --probe`: the draft's settings and the tokens
// typed, through the draft's own proxy, with no connection made and nothing stored.
#include "config/configloader.h"
#include "connectproxy.h"
#include "editor/accounteditordialog.h"
#include "editor/gotifyform.h"
#include "gotifyserver.h"
#include "inbound/historyquery.h"
#include "inbound/historystore.h"
#include "net/systemproxy.h"
#include "runtime/appruntime.h"
#include "tray/trayservices.h"
#include "traywiring.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using ct::testserver::ConnectProxy;
using ct::testserver::GotifyServer;

class TestDraftProbe : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    GotifyServer m_gotify;
    ConnectProxy m_proxy;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        QVERIFY(m_proxy.listen());
        // Only the proxy knows this name: a probe that does not go through it cannot reach it.
        m_proxy.mapHost(QStringLiteral("gotify.test"), QStringLiteral("127.0.0.1"));
    }

    void testConnection_ofANewGotifyDraft_asksItsServerThroughTheDraftsProxy_connectingNothingStoringNothing()
    {
        AppRuntime runtime({m_dir.filePath(QStringLiteral("c.json")), m_dir.filePath(QStringLiteral("h.sqlite"))});
        QString error;
        QVERIFY2(runtime.open(&error), qPrintable(error));
        const LoadResult empty = configFromJson(QJsonObject{});
        runtime.applyConfig(empty.config);
        const TrayServices services = app::trayServicesFor(runtime);

        AccountEditorDialog dialog(runtime.config(), nullptr, services.probe);
        dialog.startNew(kGotifyChannel);
        dialog.accountIdField()->setText(QStringLiteral("draft"));
        const QString target = QStringLiteral("gotify.test:%1").arg(m_gotify.url().port());
        dialog.gotifyForm()->serverUrl()->setText(QStringLiteral("http://") + target);
        dialog.gotifyForm()->clientToken()->setText(m_gotify.clientToken());
        dialog.gotifyForm()->appToken()->setText(m_gotify.appToken());
        dialog.gotifyForm()->proxy()->setText(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy.port()));
        QTRY_VERIFY(dialog.testButton()->isEnabled());
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);

        QTRY_VERIFY2_WITH_TIMEOUT(dialog.testResult().startsWith(QStringLiteral("Connected: Reachable: Gotify ")),
                                  qPrintable(dialog.testResult()), 15000);
        QVERIFY2(dialog.testResult().contains(m_gotify.version()), qPrintable(dialog.testResult()));
        QVERIFY2(!m_proxy.tunnels().isEmpty() && m_proxy.tunnels().count(target) == m_proxy.tunnels().size(),
                 qPrintable(m_proxy.tunnels().join(QLatin1Char(' '))));
        // A probe, not a connection: no stream was opened, the registry and the history are untouched.
        const QList<testserver::GotifyRequestRecord> requests = m_gotify.requestLog();
        QVERIFY(!requests.isEmpty());
        QVERIFY(std::none_of(requests.cbegin(), requests.cend(),
                             [](const testserver::GotifyRequestRecord &r) { return r.isStream; }));
        QCOMPARE(m_gotify.streamCount(), 0);
        QVERIFY(runtime.registry().addresses().isEmpty());
        QVERIFY(runtime.history().query(HistoryQuery{}).isEmpty());
    }

    // The tray's proxy factory gives each saved account's server its `proxy`; a draft of that
    // account switched to the system's proxy is probed through the system's (none here), not
    // through the saved account's: the proxy sees no tunnel, and the name only it knows does
    // not resolve.
    void testConnection_ofADraftSwitchedToTheSystemProxy_doesNotGoThroughTheSavedAccountsProxy()
    {
        for (const char *name :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        installSystemProxy(); // as app/trayentry.cpp does
        const QString target = QStringLiteral("gotify.test:%1").arg(m_gotify.url().port());
        const QJsonObject ops{{"serverUrl", QStringLiteral("http://") + target},
                              {"clientToken", m_gotify.clientToken()},
                              {"appToken", m_gotify.appToken()},
                              {"proxy", QStringLiteral("http://127.0.0.1:%1").arg(m_proxy.port())}};
        const LoadResult saved = configFromJson(QJsonObject{
            {"channels", QJsonObject{{"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", ops}}}}}}}});
        QVERIFY2(saved.ok(), qPrintable(saved.problemStrings().join(QLatin1Char('\n'))));
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c2.json")),
                                    m_dir.filePath(QStringLiteral("h2.sqlite"))};
        options.healthChecks = false; // the saved account asks its server nothing a probe asks
        AppRuntime runtime(options);
        QString error;
        QVERIFY2(runtime.open(&error), qPrintable(error));
        runtime.applyConfig(saved.config);
        const AccountAddress address{kGotifyChannel, QStringLiteral("ops")};
        // The saved account reaches its server through its proxy.
        QTRY_VERIFY_WITH_TIMEOUT(runtime.registry().connection(address)
                                     && runtime.registry().connection(address)->state() == AccountState::Connected,
                                 15000);
        m_gotify.clearRequestLog(); // the first test's probe posted too
        const TrayServices services = app::trayServicesFor(runtime);

        AccountEditorDialog dialog(runtime.config(), nullptr, services.probe);
        dialog.startEdit(address);
        dialog.gotifyForm()->proxy()->setText(QStringLiteral("system"));
        QTRY_VERIFY(dialog.testButton()->isEnabled());
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult().startsWith(QStringLiteral("Failed: "))
                                     || dialog.testResult().startsWith(QStringLiteral("Connected: ")),
                                 20000);
        QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Failed: ")), qPrintable(dialog.testResult()));
        // The probe's app-token check (POST /message with "{}") never reached the server.
        const QList<testserver::GotifyRequestRecord> requests = m_gotify.requestLog();
        QVERIFY(std::none_of(requests.cbegin(), requests.cend(), [](const testserver::GotifyRequestRecord &r) {
            return r.method == "POST" && r.path == QLatin1String("/message");
        }));
    }
};

QTEST_MAIN(TestDraftProbe)
#include "tst_draftprobe.moc"
