// "Start at login" writes and removes an XDG autostart entry, named and iconed like the installed
// desktop entry, starting the installed binary by name.
#include "process/autostartfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

class TestAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enable_writesDesktopEntry_disableRemovesIt()
    {
        QTemporaryDir dir;
        AutostartFile file(dir.path() + QStringLiteral("/autostart"),
                           QStringLiteral("/opt/Channel Tray/channeltray"));
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
        QVERIFY(text.contains(QStringLiteral("Icon=org.channeltray.ChannelTray\n")));
        QVERIFY(file.setEnabled(false, &error));
        QVERIFY(!file.isEnabled());
        QVERIFY(file.setEnabled(false, &error)); // removing twice is fine
    }

    void defaultDirectory_followsXdgConfigHome()
    {
        qputenv("XDG_CONFIG_HOME", "/tmp/xdg-test-home");
        QCOMPARE(AutostartFile::defaultDirectory(), QStringLiteral("/tmp/xdg-test-home/autostart"));
        QCOMPARE(AutostartFile().filePath(),
                 QStringLiteral("/tmp/xdg-test-home/autostart/org.channeltray.ChannelTray.desktop"));
    }

    void command_isTheNameWhenPathFindsThisBinary_elseItsFullPath()
    {
        QTemporaryDir bin;
        const QString installed = bin.filePath(QStringLiteral("channeltray"));
        QFile f(installed);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(f.setPermissions(f.permissions() | QFile::ExeOwner));
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", bin.path().toLocal8Bit());
        QCOMPARE(AutostartFile::commandFor(installed), QStringLiteral("channeltray"));
        QCOMPARE(AutostartFile::commandFor(QStringLiteral("/work/build/app/channeltray")),
                 QStringLiteral("/work/build/app/channeltray"));
        qputenv("PATH", "/nonexistent");
        QCOMPARE(AutostartFile::commandFor(installed), installed);
        qputenv("PATH", oldPath);
    }

    void entryOfAnOlderVersion_countsAsEnabled_andGoesWhenSwitchedOffOrRewritten()
    {
        QTemporaryDir dir;
        const QString legacy = dir.filePath(QStringLiteral("autostart/channeltray.desktop"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("autostart"))));
        auto writeLegacy = [&legacy] {
            QFile f(legacy);
            return f.open(QIODevice::WriteOnly) && f.write("[Desktop Entry]\nExec=/old/channeltray\n") > 0;
        };
        QVERIFY(writeLegacy());
        AutostartFile file(dir.filePath(QStringLiteral("autostart")), QStringLiteral("channeltray"));
        QVERIFY(file.isEnabled());
        QVERIFY(file.setEnabled(false));
        QVERIFY(!QFile::exists(legacy));
        QVERIFY(!file.isEnabled());
        QVERIFY(writeLegacy());
        QVERIFY(file.setEnabled(true));
        QVERIFY(!QFile::exists(legacy));
        QVERIFY(QFile::exists(file.filePath()));
    }
};

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
