// A panel that starts after the application: the application came up in window mode (no tray
// host anywhere), then xfce4-panel starts; TrayHostWatcher notices it and the tray icon made
// then is embedded in the panel. (Qt chose XEmbed for this process at the first look, when no
// StatusNotifierWatcher existed; xfce4-panel's systray hosts both kinds.)
#include "common/messagebox.h"
#include "gui/guitesthelpers.h"
#include "tray/traycontroller.h"
#include "tray/trayhostwatcher.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestTrayLate : public QObject
{
    Q_OBJECT
    QProcess m_panel;

private Q_SLOTS:
    void cleanupTestCase()
    {
        m_panel.terminate();
        m_panel.waitForFinished(5000);
    }

    void testPanelStartedLater_isPickedUp_andTheIconIsEmbedded()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        TrayHostWatcher watcher;
        watcher.setPollIntervalMs(100);
        QSignalSpy appeared(&watcher, &TrayHostWatcher::hostAppeared);
        watcher.start();
        QCOMPARE(appeared.size(), 0);

        m_panel.setStandardOutputFile(QProcess::nullDevice());
        m_panel.setStandardErrorFile(QProcess::nullDevice());
        m_panel.start(QStringLiteral("xfce4-panel"), {QStringLiteral("--disable-wm-check")});
        QVERIFY(m_panel.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(appeared.size(), 1, 20000);

        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessageBox messageBox;
        TrayController tray(&registry, nullptr, &messageBox, TrayActions{});
        tray.show();
        QTRY_VERIFY(tray.trayIcon()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!tray.trayIcon()->geometry().isEmpty(), 10000);
    }
};

QTEST_MAIN(TestTrayLate)
#include "tst_traylate.moc"
