// "Start at login" writes and removes an XDG autostart entry.
#include "common/autostartfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ct::ui;

class TestAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void testEnable_writesDesktopEntry_disableRemovesIt()
    {
        QTemporaryDir dir;
        AutostartFile file(dir.path() + QStringLiteral("/autostart"), QStringLiteral("/opt/Channel Tray/channeltray"));
        QVERIFY(!file.isEnabled());
        QString error;
        QVERIFY2(file.setEnabled(true, &error), qPrintable(error));
        QVERIFY(file.isEnabled());
        QFile f(file.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(text.contains(QStringLiteral("Type=Application\n")));
        QVERIFY(text.contains(QStringLiteral("Exec=\"/opt/Channel Tray/channeltray\"\n")));
        QVERIFY(file.setEnabled(false, &error));
        QVERIFY(!file.isEnabled());
        QVERIFY(file.setEnabled(false, &error)); // removing twice is fine
    }

    void testDefaultDirectory_followsXdgConfigHome()
    {
        qputenv("XDG_CONFIG_HOME", "/tmp/xdg-test-home");
        QCOMPARE(AutostartFile::defaultDirectory(), QStringLiteral("/tmp/xdg-test-home/autostart"));
        QCOMPARE(AutostartFile().filePath(), QStringLiteral("/tmp/xdg-test-home/autostart/channeltray.desktop"));
    }
};

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
