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
};

QTEST_MAIN(TestDraftProbe)
#include "tst_draftprobe.moc"
