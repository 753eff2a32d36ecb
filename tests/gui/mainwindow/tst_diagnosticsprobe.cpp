// The Diagnostics tab shows the `doctor --probe` results live: a running AppRuntime probes every
// account shortly after it starts them, each result lands in the account's row (reachable,
// version, user, token, latency), "Probe now" checks again, and an account without a connection
// says why it was not probed.
#include "accounts/healthmonitor.h"
#include "common/messagebox.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "mainwindow/diagnosticstab.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/probetable.h"
#include "runtime/appruntime.h"
#include "tray/appcontroller.h"
#include "traywiring.h"

#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ct;
using namespace ct::ui;
using ct::testserver::GotifyServer;

class TestDiagnosticsProbe : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    GotifyServer m_gotify;
    std::unique_ptr<AppRuntime> m_runtime;
    MessageBox m_box;
    // One for the suite: an AppController stops the registry's accounts when it goes.
    std::unique_ptr<AppController> m_controller;
    const AccountAddress m_ops{kGotifyChannel, QStringLiteral("ops")};
    const AccountAddress m_im{kOpenImChannel, QStringLiteral("im")};

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c.json")),
                                    m_dir.filePath(QStringLiteral("h.sqlite"))};
        options.firstProbeDelayMs = 300;
        m_runtime = std::make_unique<AppRuntime>(options);
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        const QJsonObject ops{{"serverUrl", m_gotify.url().toString()},
                              {"clientToken", m_gotify.clientToken()},
                              {"appToken", m_gotify.appToken()}};
        const QJsonObject channels{
            {"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", ops}}}}},
            {"multi-openim",
             QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}}},
                         {"accounts", QJsonObject{{"im", QJsonObject{{"wsAddr", "ws://127.0.0.1:1"},
                                                                     {"apiAddr", "http://127.0.0.1:1"},
                                                                     {"token", "t"}}}}}}}};
        const LoadResult config = configFromJson(QJsonObject{{"channels", channels}});
        QVERIFY2(config.ok(), qPrintable(config.problemStrings().join(QLatin1Char('\n'))));
        m_runtime->applyConfig(config.config);
        m_controller = std::make_unique<AppController>(*m_runtime, app::trayServicesFor(*m_runtime), &m_box,
                                                       nullptr);
    }

    void firstProbe_afterStart_fillsTheRowWithoutWaitingForTheInterval()
    {
        AppController &controller = *m_controller;
        // The window (and this tab) is made when first asked for, not with the controller: the
        // probe's result reaches it all the same.
        QVERIFY(!controller.hasMainWindow());
        ProbeTable *probes = controller.mainWindow()->diagnosticsTab()->probeTable();
        QVERIFY(probes->probeButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(probes->cell(m_ops, ProbeTable::ResultColumn), QStringLiteral("OK"), 15000);
        QVERIFY(probes->cell(m_ops, ProbeTable::ServerColumn).contains(m_gotify.version()));
        QVERIFY(probes->cell(m_ops, ProbeTable::ServerColumn).contains(QStringLiteral("green")));
        QCOMPARE(probes->cell(m_ops, ProbeTable::TokenColumn), QStringLiteral("accepted"));
        QVERIFY(!probes->cell(m_ops, ProbeTable::UserColumn).isEmpty());
        QVERIFY(probes->cell(m_ops, ProbeTable::LatencyColumn).endsWith(QStringLiteral(" ms")));
        QVERIFY(!probes->cell(m_ops, ProbeTable::CheckedColumn).isEmpty());
        QVERIFY(probes->cell(m_ops, ProbeTable::ErrorColumn).isEmpty());
        // The latency also reached the account (the Accounts tab's latency column).
        QTRY_VERIFY(m_runtime->registry().connection(m_ops)->latencyMs() >= 0);
    }

    void probeNow_probesConnectedAccountsAgain_andSaysWhyOthersWereNot()
    {
        AppController &controller = *m_controller;
        ProbeTable *probes = controller.mainWindow()->diagnosticsTab()->probeTable();
        QTRY_VERIFY(m_runtime->registry().connection(m_ops)->state() == AccountState::Connected);
        QSignalSpy finished(m_runtime.get(), &AppRuntime::probeFinished);
        probes->probeButton()->click();
        QCOMPARE(probes->cell(m_ops, ProbeTable::ResultColumn), QStringLiteral("probing…"));
        QVERIFY(probes->cell(m_im, ProbeTable::ResultColumn).startsWith(QStringLiteral("not probed: ")));
        QTRY_COMPARE(probes->cell(m_ops, ProbeTable::ResultColumn), QStringLiteral("OK"));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<AccountAddress>(), m_ops);
    }

    void unhealthyServer_showsTheProblemInTheRow()
    {
        ProbeTable probes;
        probes.setSource(m_runtime.get(), {});
        m_gotify.setHealthy(false);
        probes.probeNow();
        QTRY_COMPARE(probes.cell(m_ops, ProbeTable::ResultColumn), QStringLiteral("reachable, with problems"));
        QVERIFY(!probes.cell(m_ops, ProbeTable::ErrorColumn).isEmpty());
        m_gotify.setHealthy(true);
    }

    void withoutARuntime_probeNowIsDisabled()
    {
        ProbeTable probes;
        QVERIFY(!probes.probeButton()->isEnabled());
        probes.probeNow(); // harmless
        QCOMPARE(probes.table()->rowCount(), 0);
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_runtime.reset();
    }
};

QTEST_MAIN(TestDiagnosticsProbe)
#include "tst_diagnosticsprobe.moc"
