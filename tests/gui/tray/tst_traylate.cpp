// A panel that starts after the application: the application came up in window mode (no tray
// host anywhere: no XEmbed tray, no StatusNotifierWatcher), then xfce4-panel starts;
// TrayHostWatcher notices its StatusNotifierWatcher and the tray made then is a
// StatusNotifierItem registered with it, not an XEmbed icon (Qt chose XEmbed for this process at
// its first look, which an SNI-only host such as GNOME's AppIndicator extension would not show).
#include "common/messagebox.h"
#include "gui/guitesthelpers.h"
#include "tray/sni/statusnotifieritem.h"
#include "tray/traycontroller.h"
#include "tray/trayhostwatcher.h"
#include "tray/traystatusitem.h"

#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
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

    void panelStartedLater_isPickedUp_andTheItemRegistersWithItsWatcher()
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
        QVERIFY(tray.statusItem());
        QVERIFY(!tray.trayIcon()->isVisible());
        const QString service = tray.statusItem()->item()->serviceName();
        const auto registered = [] {
            const QString watcher = StatusNotifierItem::watcherService();
            QDBusInterface props(watcher, QStringLiteral("/StatusNotifierWatcher"),
                                 QStringLiteral("org.freedesktop.DBus.Properties"));
            const QDBusReply<QDBusVariant> r = props.call(QStringLiteral("Get"), watcher,
                                                          QStringLiteral("RegisteredStatusNotifierItems"));
            return r.isValid() ? r.value().variant().toStringList() : QStringList{};
        };
        QTRY_VERIFY_WITH_TIMEOUT(registered().join(QLatin1Char(' ')).contains(service), 10000);
    }
};

QTEST_MAIN(TestTrayLate)
#include "tst_traylate.moc"
