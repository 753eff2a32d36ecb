// The tray tells the user where an unreadable history went (issue 14: "a corrupt history is
// moved aside, a new one is started, and the user is told where the old one is"), that a history
// deleted under it was started anew, and why its checkpoints fail while they do. The real
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

#include <signal.h>

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

    // The tray on its own config (`configName`) and data home, its single-instance socket in the
    // test's folder (TMPDIR), run through `launcher` (program and arguments) when one is given.
    bool startTray(QProcess &tray, const GotifyServer &server, const QString &data, const QString &configName,
                   const QStringList &launcher)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data);
        env.insert(QStringLiteral("TMPDIR"), m_dir.path());
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        tray.setProcessEnvironment(env);
        tray.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QStringList arguments{QStringLiteral("--config"),
                                    writeWatchConfig(m_dir.filePath(configName), server)};
        if (launcher.isEmpty())
            tray.start(channeltrayBinary(), arguments);
        else
            tray.start(launcher.first(), launcher.mid(1) + QStringList{channeltrayBinary()} + arguments);
        return tray.waitForStarted(10000);
    }

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
        QProcess tray;
        QVERIFY(startTray(tray, server, data, QStringLiteral("tray.json"), {}));

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

    void historyDeletedUnderTheRunningTray_theTrayNotifiesThatANewOneHoldsWhatArrivesFromThen_andItDoes()
    {
        // The user (or a cleaner) deletes history.sqlite, -wal and -shm while the tray runs. The
        // store starts a new one at the next batch (HistoryStore::fileReplaced); before, only
        // `watch` said so: the tray's user learnt nothing (no notification, no tooltip line).
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("deleted"));
        QProcess tray;
        QVERIFY(startTray(tray, server, data, QStringLiteral("deleted.json"), {}));
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        const QStringList before = post(server, 5);
        QTRY_COMPARE_WITH_TIMEOUT(storedOf(data, before), 5, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(registeredStatusNotifierItems().size(), 1, 20000);
        const QString item = registeredStatusNotifierItems().first();

        const QString history = historyFile(data);
        for (const char *suffix : {"", "-wal", "-shm"})
            QVERIFY(QFile::remove(history + QLatin1String(suffix)));
        const QStringList after = post(server, 5);

        // A desktop notification, shown by dunst, says what happened and where the messages are now.
        const auto notices = [&] {
            QList<Dunst::Record> found;
            for (const Dunst::Record &r : m_dunst->records())
                if (r.value(QStringLiteral("summary")) == QLatin1String("Message history restarted")
                    && r.value(QStringLiteral("body")).contains(QLatin1String("was deleted")))
                    found << r;
            return found;
        };
        QTRY_COMPARE_WITH_TIMEOUT(notices().size(), 1, 20000);
        const QString body = notices().first().value(QStringLiteral("body"));
        QVERIFY2(body.contains(history) && body.contains(QLatin1String("A new one was started there"))
                     && body.contains(QLatin1String("the messages from then on")),
                 qPrintable(body));
        QCOMPARE(notices().first().value(QStringLiteral("app")), QStringLiteral("ChannelTray"));
        // The tray's tooltip, as the panel reads it, says so too.
        QTRY_VERIFY2_WITH_TIMEOUT(
            itemProperty(item, QStringLiteral("ToolTip")).contains(history + QStringLiteral(" was deleted")),
            qPrintable(itemProperty(item, QStringLiteral("ToolTip"))), 10000);
        // And the new history at the same path holds what arrived from then on.
        QTRY_COMPARE_WITH_TIMEOUT(storedOf(data, after), 5, 20000);
        QCOMPARE(storedOf(data, before), 0); // gone with the deleted file, as the notice says
        tray.terminate();
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
    }

    void checkpointsFailingUnderTheRunningTray_itsTooltipSaysWhyWhileItLasts()
    {
        // The history file fails with EIO, its -wal does not (ct_eio_launcher --main-only, see
        // tst_faults_history): every batch commits, the checkpoints fail. Before, the tray
        // showed nothing; now its tooltip says why (nothing held), until one works again.
        GotifyServer server;
        QVERIFY(server.listen());
        const QString data = m_dir.filePath(QStringLiteral("checkpoint"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/channeltray")));
        QProcess tray;
        QVERIFY(startTray(tray, server, data, QStringLiteral("checkpoint.json"),
                          {QStringLiteral(EIO_LAUNCHER_PATH), QStringLiteral("--main-only"), historyFile(data)}));
        QTRY_COMPARE_WITH_TIMEOUT(server.streamCount(), 1, 20000);
        QStringList posted = post(server, 1); // a first connect takes only the newest few
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(registeredStatusNotifierItems().size(), 1, 20000);
        const QString item = registeredStatusNotifierItems().first();
        const auto toolTip = [&] { return itemProperty(item, QStringLiteral("ToolTip")); };
        const QString said = QStringLiteral("The message history has a problem: copying the journal into the "
                                            "history file failed (disk I/O error)");
        QCOMPARE(::kill(pid_t(tray.processId()), SIGUSR1), 0);
        // On until the automatic checkpoint (some 35,000 messages) has been tried and failed.
        for (int round = 0; round < 80 && !toolTip().contains(said); ++round) {
            posted += post(server, 1000);
            QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 30000);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(toolTip().contains(said), qPrintable(toolTip()), 10000);
        const int until = int(posted.size());
        // The disk works again: the next commit's checkpoint does, and the line goes.
        QCOMPARE(::kill(pid_t(tray.processId()), SIGUSR2), 0);
        posted += post(server, 10);
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(data), posted.size(), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(!toolTip().contains(QLatin1String("has a problem")), qPrintable(toolTip()),
                                  10000);
        tray.terminate();
        QVERIFY(tray.waitForFinished(20000));
        QCOMPARE(tray.exitStatus(), QProcess::NormalExit);
        qInfo("the tooltip said why after %d messages, and no more once the disk worked", until);
    }
};

QTEST_GUILESS_MAIN(TestFaultsTrayNotice)
#include "tst_faults_traynotice.moc"
