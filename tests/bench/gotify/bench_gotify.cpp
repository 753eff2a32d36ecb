// Gotify receive-path benchmark. Prints:
//  - raw QWebSocket receive rate of N frames (the ceiling),
//  - the channel path rate: frame → decode → dedup → session key → delivered(), the path the
//    issue names, and the same with the SQLite history commit before delivery (as the product
//    runs), for 1 and for 100 accounts, with the same frames in the same run,
//  - memory per idle connected account (the server runs in its own process for this).
// The loopback server pushes from its own thread so the client side gets a core to itself.
#include "gotify/gotifyconnection.h"
#include "gotify/gotifydecoder.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "servers/gotify/gotifyserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace ct;
using ct::testserver::GotifyServer;

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

QStringList makeFrames(int n, qint64 firstId)
{
    QStringList frames;
    frames.reserve(n);
    for (int i = 0; i < n; ++i)
        frames << QStringLiteral(
                      "{\"id\":%1,\"appid\":1,\"message\":\"benchmark message number %1 with some text\","
                      "\"title\":\"bench\",\"priority\":5,\"date\":\"2026-11-22T10:00:00.123456789Z\"}")
                      .arg(firstId + i);
    return frames;
}

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

struct ServerThread
{
    QThread thread;
    QObject context; // lives in `thread`: queued calls run there
    GotifyServer *server = nullptr;
    ServerThread()
    {
        context.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(
            &context,
            [this] {
                server = new GotifyServer;
                server->listen();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            &context, [this] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    void push(const QStringList &frames)
    {
        QMetaObject::invokeMethod(
            server, [s = server, frames] { s->pushRawFrames(frames); }, Qt::QueuedConnection);
    }
};

GotifyEndpoint endpoint(const QUrl &url, const QString &client, const QString &id)
{
    GotifyEndpoint e;
    e.address = {kGotifyChannel, id};
    e.serverUrl = url;
    e.clientToken = client;
    return e;
}

// The stage the path stops before: a commit that keeps nothing and reports every row
// new. Only for the "channel path" figure; the product always commits to HistoryStore.
class NoCommitStore : public MessageStore
{
public:
    bool storeBatch(const QList<InboundMessage> &batch, QList<bool> *inserted, QString *) override
    {
        inserted->fill(true, batch.size());
        return true;
    }
};

enum class Commit { History, None };

// What the receiving slot does with each frame: nothing but count it (the raw rate), or
// also decode it, or also hand it to a pipeline (no store) — a breakdown of the channel path
// without GotifyConnection around it.
enum class SlotWork { Count, Decode, DecodeAndPipeline };

double rawRate(ServerThread &st, int accounts, const QStringList &frames, SlotWork work = SlotWork::Count)
{
    NoCommitStore noCommit;
    InboundPipeline pipeline(noCommit, Config{});
    const AccountAddress account{kGotifyChannel, QStringLiteral("raw")};
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    quint64 received = 0;
    for (int i = 0; i < accounts; ++i) {
        auto ws = std::make_unique<QWebSocket>();
        QObject::connect(ws.get(), &QWebSocket::textMessageReceived, ws.get(), [&](const QString &frame) {
            ++received;
            if (work == SlotWork::Count)
                return;
            std::optional<InboundMessage> m = decodeGotifyFrame(frame, account);
            if (work == SlotWork::DecodeAndPipeline && m)
                pipeline.submit(std::move(*m));
        });
        QNetworkRequest req(QUrl(st.server->url().toString().replace(QLatin1String("http"), QLatin1String("ws"))
                                 + QStringLiteral("/stream")));
        req.setRawHeader("X-Gotify-Key", st.server->clientToken().toUtf8());
        ws->open(req);
        sockets.push_back(std::move(ws));
    }
    waitUntil(
        [&] {
            for (auto &s : sockets)
                if (s->state() != QAbstractSocket::ConnectedState)
                    return false;
            return true;
        },
        20000);
    waitUntil([&] { return st.server->streamCount() == accounts; }, 20000);
    const quint64 expected = quint64(frames.size()) * quint64(accounts);
    QElapsedTimer t;
    t.start();
    st.push(frames);
    waitUntil([&] { return received >= expected; }, 120000);
    const double secs = t.nsecsElapsed() / 1e9;
    for (auto &s : sockets)
        s->abort();
    waitUntil([&] { return st.server->streamCount() == 0; }, 5000);
    return received / secs;
}

double fullRate(ServerThread &st, int accounts, const QStringList &frames, Commit commit, PipelineStats *stats)
{
    QTemporaryDir dir;
    HistoryStore history(dir.filePath(QStringLiteral("h.sqlite")));
    history.open();
    NoCommitStore noCommit;
    Config config;
    config.session.dmScope = DmScope::PerAccountChannelPeer;
    InboundPipeline pipeline(commit == Commit::History ? static_cast<MessageStore &>(history) : noCommit, config);
    quint64 delivered = 0;
    QObject::connect(&pipeline, &InboundPipeline::batchDelivered, &pipeline,
                     [&delivered](const QList<InboundMessage> &b) { delivered += quint64(b.size()); });
    std::vector<std::unique_ptr<GotifyConnection>> conns;
    InboundSettings inbound;
    for (int i = 0; i < accounts; ++i) {
        conns.push_back(std::make_unique<GotifyConnection>(
            endpoint(st.server->url(), st.server->clientToken(), QStringLiteral("b%1").arg(i)), inbound, &pipeline,
            &history));
        conns.back()->start();
    }
    waitUntil(
        [&] {
            for (auto &c : conns)
                if (c->state() != AccountState::Connected)
                    return false;
            return true;
        },
        30000);
    waitUntil([&] { return st.server->streamCount() == accounts; }, 20000);
    QCoreApplication::processEvents(); // let the (empty) catch-ups finish
    const quint64 expected = quint64(frames.size()) * quint64(accounts);
    QElapsedTimer t;
    t.start();
    st.push(frames);
    waitUntil([&] { return delivered >= expected; }, 300000);
    const double secs = t.nsecsElapsed() / 1e9;
    *stats = pipeline.stats();
    for (auto &c : conns)
        c->stop();
    waitUntil([&] { return st.server->streamCount() == 0; }, 5000);
    return delivered / secs;
}

// The same frames without sockets: decode → pipeline (dedup, session key, history commit, delivered()).
// Separates the CPU cost of the path from event-loop and socket overhead.
void offlinePath(const QStringList &frames)
{
    QTemporaryDir dir;
    HistoryStore history(dir.filePath(QStringLiteral("h.sqlite")));
    history.open();
    InboundPipeline pipeline(history, Config{});
    quint64 delivered = 0;
    QObject::connect(&pipeline, &InboundPipeline::batchDelivered, &pipeline,
                     [&delivered](const QList<InboundMessage> &b) { delivered += quint64(b.size()); });
    const AccountAddress account{kGotifyChannel, QStringLiteral("offline")};
    QElapsedTimer t;
    t.start();
    qint64 decodeNs = 0;
    for (const QString &f : frames) {
        QElapsedTimer d;
        d.start();
        auto m = decodeGotifyFrame(f, account);
        decodeNs += d.nsecsElapsed();
        pipeline.submit(std::move(*m));
    }
    waitUntil([&] { return delivered >= quint64(frames.size()); }, 120000);
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("  no sockets,  %7d frames: decode alone %9.0f msg/s | decode + pipeline + history %9.0f msg/s\n",
                int(frames.size()), frames.size() / (decodeNs / 1e9), frames.size() / secs);
}

void memoryPerAccount(int accounts)
{
    QProcess server;
    server.start(QStringLiteral(CT_GOTIFY_SERVER_BIN), {});
    if (!server.waitForReadyRead(10000)) {
        std::printf("memory: could not start %s\n", CT_GOTIFY_SERVER_BIN);
        return;
    }
    const QJsonObject info = QJsonDocument::fromJson(server.readLine()).object();
    const QUrl url(info.value(QStringLiteral("url")).toString());
    const QString token = info.value(QStringLiteral("clientToken")).toString();
    QTemporaryDir dir;
    HistoryStore history(dir.filePath(QStringLiteral("h.sqlite")));
    history.open();
    InboundPipeline pipeline(history, Config{});
    // Warm up one connection so shared one-time costs (TLS-free sockets, plugins) are not counted.
    GotifyConnection warm(endpoint(url, token, QStringLiteral("warm")), InboundSettings{}, &pipeline, &history);
    warm.start();
    waitUntil([&] { return warm.state() == AccountState::Connected; }, 10000);
    waitUntil([] { return false; }, 300);
    const long before = rssKb();
    std::vector<std::unique_ptr<GotifyConnection>> conns;
    for (int i = 0; i < accounts; ++i) {
        conns.push_back(std::make_unique<GotifyConnection>(endpoint(url, token, QStringLiteral("m%1").arg(i)),
                                                           InboundSettings{}, &pipeline, &history));
        conns.back()->start();
    }
    waitUntil(
        [&] {
            for (auto &c : conns)
                if (c->state() != AccountState::Connected)
                    return false;
            return true;
        },
        60000);
    waitUntil([] { return false; }, 500); // idle: catch-ups done
    const long after = rssKb();
    std::printf("memory: %d idle connected accounts: RSS %+ld KB → %.1f KB per account\n", accounts,
                after - before, double(after - before) / accounts);
    conns.clear();
    server.kill();
    server.waitForFinished();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("channeltray.*.info=false\nchanneltray.*.debug=false"));
    const int n1 = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int n100 = argc > 2 ? QByteArray(argv[2]).toInt() : 2000;
    ServerThread st;
    PipelineStats stats;

    std::printf("Gotify receive path, loopback, server on its own thread\n"
                "  channel path = frame -> decode -> dedup -> session key -> delivered (the issue's path)\n"
                "  with history = the same plus the SQLite commit before delivery (the product's path)\n");
    // A warm-up round (not counted: first connections, first allocations), then five rounds,
    // each measuring every path once, so a slow moment of the machine hits all paths alike;
    // the medians are printed.
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    auto report = [&](int accounts, const QStringList &frames) {
        std::vector<double> raw, channel, stored, ratio;
        quint64 channelDelivered = 0, storedDelivered = 0;
        rawRate(st, accounts, frames);
        fullRate(st, accounts, frames, Commit::None, &stats);
        fullRate(st, accounts, frames, Commit::History, &stats);
        for (int round = 0; round < 5; ++round) {
            raw.push_back(rawRate(st, accounts, frames));
            channel.push_back(fullRate(st, accounts, frames, Commit::None, &stats));
            channelDelivered = stats.delivered;
            stored.push_back(fullRate(st, accounts, frames, Commit::History, &stats));
            storedDelivered = stats.delivered;
            ratio.push_back(channel.back() / raw.back());
        }
        std::printf(
            "  %3d account(s) x %6d frames: raw QWebSocket %9.0f msg/s | channel path %9.0f msg/s (%.0f%% of raw,"
            " delivered %llu) | with history %8.0f msg/s (%.0f%% of raw, delivered %llu)\n",
            accounts, int(frames.size()), median(raw), median(channel), 100.0 * median(ratio),
            static_cast<unsigned long long>(channelDelivered), median(stored),
            100.0 * median(stored) / median(raw), static_cast<unsigned long long>(storedDelivered));
    };
    const QStringList frames1 = makeFrames(n1, 1);
    report(1, frames1);
    {
        const double raw = rawRate(st, 1, frames1), decode = rawRate(st, 1, frames1, SlotWork::Decode),
                     pipeline = rawRate(st, 1, frames1, SlotWork::DecodeAndPipeline);
        std::printf(
            "  where the time goes, 1 account: receive %.0f ns, + decode %.0f ns, + dedup/key/delivery %.0f ns per message\n",
            1e9 / raw, 1e9 / decode - 1e9 / raw, 1e9 / pipeline - 1e9 / decode);
    }
    offlinePath(frames1);
    report(100, makeFrames(n100, 1));
    memoryPerAccount(200);
    return 0;
}
