// bench_openim: prints figures; never fails on a slow machine.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "openim/openimconnection.h"
#include "openimloopbackserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QWebSocket>

using namespace ct;

static long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

static void waitFor(const std::function<bool()> &done, int ms = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

static void run(int accounts, int perAccount, const QString &dir)
{
    loopback::OpenImLoopbackServer server;
    server.start();
    server.addUser(QStringLiteral("u_sender"));
    HistoryStore history(dir + QStringLiteral("/bench%1.sqlite").arg(accounts));
    history.open();
    Config config;
    InboundPipeline pipeline(history, config);
    quint64 delivered = 0;
    QObject::connect(&pipeline, &InboundPipeline::delivered,
                     [&delivered](const InboundMessage &) { ++delivered; });
    std::vector<std::unique_ptr<OpenImConnection>> conns;
    const long rssBefore = rssKb();
    for (int i = 0; i < accounts; ++i) {
        const QString user = QStringLiteral("u_%1").arg(i);
        server.addUser(user);
        OpenImAccountConfig a;
        a.id = user;
        a.wsAddr = server.wsAddr();
        a.apiAddr = server.apiAddr();
        conns.push_back(std::make_unique<OpenImConnection>(a, server.mintToken(user, 7), &pipeline, &history));
        conns.back()->start();
    }
    waitFor([&] {
        return std::all_of(conns.begin(), conns.end(),
                           [](auto &c) { return c->state() == AccountState::Connected; });
    });
    QCoreApplication::processEvents();
    const long rssAfter = rssKb();
    QElapsedTimer t;
    t.start();
    for (int n = 0; n < perAccount; ++n)
        for (int i = 0; i < accounts; ++i)
            server.deliverDirect(QStringLiteral("u_sender"), QStringLiteral("u_%1").arg(i),
                                 QStringLiteral("bench %1").arg(n));
    const quint64 total = quint64(accounts) * quint64(perAccount);
    waitFor([&] { return delivered >= total; });
    const double secs = t.nsecsElapsed() / 1e9;
    printf("accounts=%d messages=%llu decode+pipeline(+sqlite) %.0f msgs/s", accounts,
           (unsigned long long)delivered, delivered / secs);
    if (accounts > 1)
        printf("  idle memory per connected account %.1f KB", double(rssAfter - rssBefore) / accounts);
    printf("\n");

    // Raw frame rate: a bare QWebSocket counting binary frames from the same server, same run.
    server.addUser(QStringLiteral("u_raw"));
    QWebSocket raw;
    quint64 frames = 0;
    QObject::connect(&raw, &QWebSocket::binaryMessageReceived, [&frames](const QByteArray &) { ++frames; });
    raw.open(QUrl(server.wsAddr() + QStringLiteral("/?sendID=u_raw&token=")
                  + server.mintToken(QStringLiteral("u_raw"), 7)
                  + QStringLiteral("&platformID=7&operationID=b&isBackground=false&isMsgResp=true&sdkType=js")));
    waitFor([&] { return server.onlineCount(QStringLiteral("u_raw")) == 1; });
    t.restart();
    const int rawCount = accounts * perAccount;
    for (int n = 0; n < rawCount; ++n)
        server.deliverDirect(QStringLiteral("u_sender"), QStringLiteral("u_raw"), QStringLiteral("raw %1").arg(n));
    waitFor([&] { return frames >= quint64(rawCount); });
    printf("  raw frame rate (same server, no decode) %.0f frames/s\n", frames / (t.nsecsElapsed() / 1e9));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    run(1, 5000, dir.path());
    run(100, 50, dir.path());
    return 0;
}
