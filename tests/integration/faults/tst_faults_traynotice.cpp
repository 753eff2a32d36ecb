// The tray tells the user where an unreadable history went (issue 14: "a corrupt history is
// moved aside, a new one is started, and the user is told where the old one is"). The real
// binary on a desktop of the test's own (tests/gui/private-desktop.sh) with a StatusNotifier
// panel (xfce4-panel) and a real notification daemon (dunst): what the user sees is read where
// they see it, dunst's record of the notification and the tooltip the panel reads over D-Bus.
#include "floodhistory.h"
#include "gui/notifications/dunstfixture.h"
#include "gui/statusnotifierpanel.h"
#include "watchfixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;
using namespace ct::guitest;
using ct::testserver::GotifyServer;

namespace {
// An item property as the panel reads it (gdbus, from another process).
QString itemProperty(const QString &item, const QString &name)
{
    const int slash = int(item.indexOf(QLatin1Char('/')));
    QProcess p;
    p.start(QStringLiteral("gdbus"),
            {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"), item.left(slash),
             QStringLiteral("--object-path"), item.mid(slash), QStringLiteral("--method"),
             QStringLiteral("org.freedesktop.DBus.Properties.Get"), QStringLiteral("org.kde.StatusNotifierItem"),
             name});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestFaultsTrayNotice : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_panel;
    std::unique_ptr<Dunst> m_dunst;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(channeltrayBinary()), qPrintable(channeltrayBinary()));
        m_dunst = std::make_unique<Dunst>(m_dir.filePath(QStringLiteral("dunst")));
        QVERIFY2(m_dunst->start(false), "dunst did not come up on the private session bus");
        QVERIFY(startStatusNotifierPanel(m_panel));
    }
    void cleanupTestCase()
    {
        m_panel.terminate();
        m_panel.waitForFinished(5000);
    }

    void historyThatIsNotADatabase_theTrayNotifiesAndItsTooltipSaysWhereTheOldOneIsKept_newMessagesAreStored()
    {
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/channeltray")));
        const QByteArray garbage = QByteArray("not a database at all ").repeated(500);
        {
            QFile f(historyFile(data));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data);
        env.insert(QStringLiteral("TMPDIR"), m_dir.path()); // its own single-instance socket
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        QProcess tray;
        tray.setProcessEnvironment(env);
        tray.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        tray.start(channeltrayBinary(), {QStringLiteral("--config"),
                                         writeWatchConfig(m_dir.filePath(QStringLiteral("tray.json")), server)});
        QVERIFY(tray.waitForStarted(10000));

        // The old file, kept byte for byte beside the new history.
        const QDir folder(data + QStringLiteral("/channeltray"));
        const auto keptCopies = [&] {
            return folder.entryList({QStringLiteral("history.sqlite.corrupt-*")}, QDir::Files);
        };
        QTRY_COMPARE_WITH_TIMEOUT(keptCopies().size(), 1, 20000);
        const QString movedTo = folder.filePath(keptCopies().first());
        QFile old(movedTo);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), garbage);

        // A desktop notification, shown by dunst, names it.
        const auto notices = [&] {
            QList<Dunst::Record> found;
            for (const Dunst::Record &r : m_dunst->records())
                if (r.value(QStringLiteral("summary")) == QLatin1String("Message history restarted"))
                    found << r;
            return found;
        };
        QTRY_COMPARE_WITH_TIMEOUT(notices().size(), 1, 20000);
        QVERIFY2(notices().first().value(QStringLiteral("body")).contains(movedTo),
                 qPrintable(notices().first().value(QStringLiteral("body"))));
        QCOMPARE(notices().first().value(QStringLiteral("app")), QStringLiteral("ChannelTray"));

        // The tray's tooltip, as the panel reads it, names it too.
        QTRY_COMPARE_WITH_TIMEOUT(registeredStatusNotifierItems().size(), 1, 20000);
        const QString item = registeredStatusNotifierItems().first();
        QTRY_VERIFY2_WITH_TIMEOUT(itemProperty(item, QStringLiteral("ToolTip")).contains(movedTo),
                                  qPrintable(itemProperty(item, QStringLiteral("ToolTip"))), 10000);

        // And the new history takes what arrives.
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        const QStringList posted = post(server, 5);
        QTRY_COMPARE_WITH_TIMEOUT(storedOf(data, posted), 5, 20000);
        tray.terminate();
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
    }
};

QTEST_GUILESS_MAIN(TestFaultsTrayNotice)
#include "tst_faults_traynotice.moc"
