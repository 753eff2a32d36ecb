// Single instance: the first launch listens; a second launch finds it, asks it to raise its
// window and steps aside; a socket left by a crashed instance does not block a new start.
#include "common/singleinstance.h"

#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ct::ui;

class TestSingleInstance : public QObject
{
    Q_OBJECT
    static QString uniqueName()
    {
        return QStringLiteral("channeltray-test-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate());
    }

private Q_SLOTS:
    void secondLaunch_raisesTheFirst_andStepsAside()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.start());
        QVERIFY(first.isPrimary());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        SingleInstance second(name);
        QVERIFY(!second.start());
        QVERIFY(!second.isPrimary());
        QTRY_COMPARE(raised.count(), 1);
    }

    void staleSocket_doesNotBlockANewStart()
    {
        const QString name = uniqueName();
        QString path;
        {
            QLocalServer where; // only to learn the socket path Qt uses for this name
            QVERIFY(where.listen(name));
            path = where.fullServerName();
        }
        QVERIFY(!QFileInfo::exists(path));
        // What a crashed instance leaves: a socket file bound at that path that nobody listens on.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        QVERIFY(size_t(native.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        struct stat info
        {};
        QCOMPARE(::stat(native.constData(), &info), 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QLocalSocket refused;
        refused.connectToServer(name);
        QVERIFY(!refused.waitForConnected(1000)); // stale: connecting is refused

        SingleInstance again(name);
        QVERIFY(again.start());
        QVERIFY(again.isPrimary());
        SingleInstance second(name); // and the new instance is the one a later launch finds
        QVERIFY(!second.start());
    }

    void defaultName_isPerUser()
    {
        qputenv("USER", "alice");
        QCOMPARE(SingleInstance::defaultName(), QStringLiteral("channeltray-alice"));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
