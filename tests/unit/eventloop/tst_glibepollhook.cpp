// GlibEpollHook under Qt's own event loop: with Qt's GLib dispatcher the main context polls
// through the EpollPoller, and socket notifiers and QTcpSockets on 127.0.0.1 behave as with
// GLib's poll, also when a descriptor number is reused within one loop iteration; with the
// Unix dispatcher (QT_NO_GLIB=1) or CHANNELTRAY_NO_EPOLL=1 the hook stays out.
#include "eventloop/glibepollhook.h"

#include <QAbstractEventDispatcher>
#include <QProcess>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using ct::GlibEpollHook;

namespace {
bool glibDispatcher()
{
    return QAbstractEventDispatcher::instance()->inherits("QEventDispatcherGlib");
}

// A connected AF_UNIX pair whose `mine` end has a read notifier.
struct WatchedPair
{
    int mine = -1;
    int peer = -1;
    std::unique_ptr<QSocketNotifier> notifier;
    int fired = 0;
    WatchedPair()
    {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
            return;
        mine = sv[0];
        peer = sv[1];
        notifier = std::make_unique<QSocketNotifier>(mine, QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(), [this] {
            char buffer[16];
            while (::read(mine, buffer, sizeof buffer) > 0) {
            }
            ++fired;
        });
    }
    ~WatchedPair()
    {
        notifier.reset(); // before its descriptor is closed, as QAbstractSocket does
        ::close(mine);
        ::close(peer);
    }
    bool send() const { return ::write(peer, "x", 1) == 1; }
};
} // namespace

class TestGlibEpollHook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hookIsInstalledExactlyWhenTheDispatcherIsGlibs_andSocketsWorkEitherWay()
    {
        GlibEpollHook hook;
        qInfo("dispatcher: %s", glibDispatcher() ? "glib" : "other");
        QCOMPARE(hook.isInstalled(), glibDispatcher());
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_VERIFY(server.hasPendingConnections());
        std::unique_ptr<QTcpSocket> accepted(server.nextPendingConnection());
        accepted->write("hello");
        QTRY_COMPARE(client.bytesAvailable(), 5);
        QCOMPARE(client.readAll(), QByteArray("hello"));
    }

    void withQtNoGlib_theUnixDispatcherRuns_andTheHookStaysOut()
    {
        QVERIFY(glibDispatcher()); // this process: Qt's default on Linux
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("hookIsInstalledExactlyWhenTheDispatcherIsGlibs_andSocketsWorkEitherWay")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("dispatcher: other"), output.constData());
    }

    void noEpollVariable_theHookStaysOut()
    {
        qputenv("CHANNELTRAY_NO_EPOLL", "1");
        GlibEpollHook hook;
        qunsetenv("CHANNELTRAY_NO_EPOLL");
        QVERIFY(!hook.isInstalled());
    }

    void secondHook_staysOut_andAfterTheFirstIsGoneOneCanBeInstalledAgain()
    {
        {
            GlibEpollHook first;
            QVERIFY(first.isInstalled());
            GlibEpollHook second;
            QVERIFY(!second.isInstalled());
        }
        GlibEpollHook again;
        QVERIFY(again.isInstalled());
    }

    void fourHundredConnections_theOneThatGetsDataFiresItsReadyRead_andNoOtherDoes()
    {
        GlibEpollHook hook;
        QVERIFY(hook.isInstalled());
        QTcpServer server;
        server.setMaxPendingConnections(1000);
        server.setListenBacklogSize(1000); // all connect at once (Qt's default backlog is 50)
        QVERIFY(server.listen(QHostAddress::LocalHost));
        constexpr int n = 400;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        std::vector<int> reads(n, 0);
        for (int i = 0; i < n; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            connect(clients.back().get(), &QTcpSocket::readyRead, this, [&reads, &clients, i] {
                clients[std::size_t(i)]->readAll();
                ++reads[std::size_t(i)];
            });
            clients.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
        }
        std::vector<std::unique_ptr<QTcpSocket>> accepted;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (server.hasPendingConnections())
                    accepted.emplace_back(server.nextPendingConnection());
                return accepted.size() == std::size_t(n);
            }(),
            20000);
        for (const auto &c : clients)
            QTRY_COMPARE(c->state(), QAbstractSocket::ConnectedState);
        QVERIFY2(hook.poller().watchedCount() >= 2 * n, qPrintable(QString::number(hook.poller().watchedCount())));
        // The accepted sockets come in connect order only by chance: find client 123's peer.
        const quint16 port = clients[123]->localPort();
        QTcpSocket *peer = nullptr;
        for (const auto &a : accepted)
            if (a->peerPort() == port)
                peer = a.get();
        QVERIFY(peer);
        peer->write("one");
        QTRY_COMPARE(reads[123], 1);
        for (int i = 0; i < n; ++i)
            QCOMPARE(reads[std::size_t(i)], i == 123 ? 1 : 0);
    }

    void notifierFiresAndItsOwnerReusesTheNumber_theNewNotifierFires()
    {
        GlibEpollHook hook;
        QVERIFY(hook.isInstalled());
        std::vector<std::unique_ptr<WatchedPair>> others; // enough that the audit takes a while
        for (int i = 0; i < 300; ++i)
            others.push_back(std::make_unique<WatchedPair>());
        auto pair = std::make_unique<WatchedPair>();
        const int number = pair->mine;
        std::unique_ptr<WatchedPair> next;
        quint32 reusedAt = 0, firedAt = 0;
        // In the notifier's own activation: close it, open another file (same number, same events).
        connect(pair->notifier.get(), &QSocketNotifier::activated, this, [&] {
            pair.reset();
            next = std::make_unique<WatchedPair>();
            reusedAt = hook.poller().calls();
            connect(next->notifier.get(), &QSocketNotifier::activated, this,
                    [&] { firedAt = hook.poller().calls(); });
            next->send();
        });
        QVERIFY(pair->send());
        QTRY_VERIFY(next);
        QCOMPARE(next->mine, number);
        QTRY_COMPARE_WITH_TIMEOUT(next->fired, 1, 10000);
        // On the next wait, not after the turn-by-turn check reached it (600 descriptors: ~40).
        QVERIFY2(firedAt - reusedAt <= 2, qPrintable(QStringLiteral("%1 waits").arg(firedAt - reusedAt)));
    }

    void numberReusedWithinOneIterationByATimer_theNewNotifierFires()
    {
        GlibEpollHook hook;
        QVERIFY(hook.isInstalled());
        auto pair = std::make_unique<WatchedPair>();
        QTRY_VERIFY(hook.poller().watchedCount() > 0); // the loop has polled with it
        const int number = pair->mine;
        std::unique_ptr<WatchedPair> next;
        QTimer::singleShot(0, this, [&] {
            pair.reset();
            next = std::make_unique<WatchedPair>();
            next->send();
        });
        QTRY_VERIFY(next);
        QCOMPARE(next->mine, number);
        QTRY_COMPARE_WITH_TIMEOUT(next->fired, 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestGlibEpollHook)
#include "tst_glibepollhook.moc"
