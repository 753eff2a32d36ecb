// The inbound pipeline with its SQLite store on disk:
//  1. throughput: filter + dedup + session key + batched store, messages arriving as a burst
//     (socket-sized chunks per event-loop turn) — target >= 100,000 messages/s;
//  2. latency: one message every 10 ms (100 msg/s), time from submit() to delivered() —
//     target p99 < 2 ms.
// Both with the default durability (synchronous=NORMAL: survives kill -9) and with
// Durability::Power (synchronous=FULL: an fsync per batch).
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>

using namespace ct;

namespace {

Config benchConfig()
{
    Config c;
    c.session.dmScope = DmScope::PerAccountChannelPeer;
    c.session.identityLinks.insert(QStringLiteral("alice"),
                                   {QStringLiteral("gotify:7"), QStringLiteral("multi-openim:u1")});
    c.agents << AgentBinding{QStringLiteral("ops-agent"), kGotifyChannel, {QStringLiteral("ops")}};
    OpenImAccountConfig a;
    a.id = QStringLiteral("primary");
    a.userID = QStringLiteral("bot");
    a.requireMention = true;
    a.inboundWhitelist = {QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3")};
    c.openim.accounts << a;
    return c;
}

// Half Gotify, half OpenIM (direct and group, some mentioning the bot).
InboundMessage makeMessage(qint64 i)
{
    InboundMessage m;
    m.id = QString::number(i);
    m.serverTime = QDateTime::currentDateTimeUtc();
    m.text = QStringLiteral("CPU load on host-%1 is above the threshold for the last 5 minutes").arg(i % 97);
    if (i % 2 == 0) {
        m.account = {kGotifyChannel, QStringLiteral("ops")};
        m.peer = QString::number(7 + i % 3);
        m.sender = m.peer;
        m.title = QStringLiteral("Monitoring");
        m.contentType = QStringLiteral("text/plain");
        m.priority = int(i % 10);
    } else {
        m.account = {kOpenImChannel, QStringLiteral("primary")};
        m.sender = QStringLiteral("u%1").arg(1 + i % 4);
        m.seq = i;
        m.contentType = QStringLiteral("101");
        m.rawContent = QStringLiteral("{\"content\":\"%1\"}").arg(m.text);
        if (i % 3 == 0) {
            m.groupId = QStringLiteral("g1");
            m.peer = m.groupId;
            m.conversationId = QStringLiteral("sg_g1");
            if (i % 9 == 0)
                m.atUserIds = {QStringLiteral("bot")};
        } else {
            m.peer = m.sender;
            m.conversationId = QStringLiteral("si_bot_") + m.sender;
        }
    }
    return m;
}

// CPU time of this process (all threads), seconds: the machine may be shared, wall time is noisy.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

long maxRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

int g_maxBatch = PipelineSettings{}.maxBatch;

void throughput(const QString &file, HistoryStore::Durability durability, qint64 count, int chunk)
{
    HistoryStore store(file);
    store.setDurability(durability);
    QString error;
    if (!store.open(&error)) {
        std::printf("cannot open %s: %s\n", qPrintable(file), qPrintable(error));
        return;
    }
    PipelineSettings settings;
    settings.maxBatch = g_maxBatch;
    InboundPipeline pipeline(store, benchConfig(), settings);
    qint64 done = 0;
    QEventLoop loop;
    auto count1 = [&] {
        if (++done == count)
            loop.quit();
    };
    QObject::connect(&pipeline, &InboundPipeline::delivered, &loop, count1);
    QObject::connect(&pipeline, &InboundPipeline::filteredOut, &loop, count1);
    // Messages are built before the clock starts: decoding is the channels' cost, not ours.
    QList<InboundMessage> all;
    all.reserve(count);
    for (qint64 i = 1; i <= count; ++i)
        all << makeMessage(i);
    qint64 next = 0;
    QTimer feed;
    feed.setInterval(0);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        for (int i = 0; i < chunk && next < count; ++i)
            pipeline.submit(std::move(all[next++]));
        if (next >= count)
            feed.stop();
    });
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = cpuSeconds();
    feed.start();
    loop.exec();
    const double seconds = clock.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpuStart;
    const PipelineStats s = pipeline.stats();
    std::printf("throughput %-6s %lld messages: wall %.3f s = %.0f msg/s; CPU %.3f s = %.0f msg/s per CPU-second"
                "  (delivered %llu, filtered %llu, %d arriving per turn, %d per transaction)\n",
                durability == HistoryStore::Durability::Power ? "FULL" : "NORMAL", count, seconds, count / seconds,
                cpu, count / cpu, static_cast<unsigned long long>(s.delivered),
                static_cast<unsigned long long>(s.filtered), chunk, g_maxBatch);
}

// Where the time goes: the in-memory stages alone, then the store alone (CPU seconds).
void stages(const QString &file, qint64 count)
{
    const Config config = benchConfig();
    const InboundFilters filters(config);
    const SessionKeyResolver keys(config);
    QHash<AccountAddress, DedupWindow> dedup; // as the pipeline keeps them: per account
    QList<InboundMessage> all;
    all.reserve(count);
    for (qint64 i = 1; i <= count; ++i)
        all << makeMessage(i);
    double t0 = cpuSeconds();
    for (InboundMessage &m : all) {
        dedup[m.account].insert(m.id);
        filters.apply(m);
        m.sessionKey = keys.keyFor(m);
    }
    const double front = cpuSeconds() - t0;
    HistoryStore store(file);
    if (!store.open())
        return;
    t0 = cpuSeconds();
    for (qsizetype i = 0; i < all.size(); i += 500)
        store.storeBatch(all.mid(i, 500), nullptr);
    const double stored = cpuSeconds() - t0;
    std::printf("stages     filter+dedup+key %.2f us/msg; store (500 per transaction) %.2f us/msg (CPU)\n",
                front * 1e6 / count, stored * 1e6 / count);
}

void latency(const QString &file, HistoryStore::Durability durability, int count, int intervalMs)
{
    HistoryStore store(file);
    store.setDurability(durability);
    if (!store.open())
        return;
    InboundPipeline pipeline(store, benchConfig());
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> entered;
    QList<double> micros;
    QEventLoop loop;
    auto done = [&](const InboundMessage &m) {
        micros << (clock.nsecsElapsed() - entered.take(m.id)) / 1000.0;
        if (micros.size() == count)
            loop.quit();
    };
    QObject::connect(&pipeline, &InboundPipeline::delivered, &loop, done);
    QObject::connect(&pipeline, &InboundPipeline::filteredOut, &loop, done);
    qint64 next = 10000000;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(intervalMs);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        InboundMessage m = makeMessage(++next);
        entered.insert(m.id, clock.nsecsElapsed());
        pipeline.submit(std::move(m));
        if (next - 10000000 >= count)
            feed.stop();
    });
    feed.start();
    loop.exec();
    std::sort(micros.begin(), micros.end());
    auto pct = [&](double p) { return micros.at(qMin(micros.size() - 1, qsizetype(p * micros.size()))); };
    std::printf("latency    %-6s %d messages at %d msg/s: p50 %.0f us, p99 %.0f us, max %.0f us\n",
                durability == HistoryStore::Durability::Power ? "FULL" : "NORMAL", count, 1000 / intervalMs,
                pct(0.50), pct(0.99), micros.constLast());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("where the SQLite files go"),
                                       QStringLiteral("DIR"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("burst size"),
                                         QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-count"), QStringLiteral("messages at 100/s"),
                                           QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("rows per transaction"),
                                         QStringLiteral("N"), QString::number(g_maxBatch));
    parser.addOptions({dirOption, countOption, latencyOption, batchOption});
    parser.addHelpOption();
    parser.process(app);
    QTemporaryDir tmp(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/bench-XXXXXX")
                                              : QDir::currentPath() + QStringLiteral("/bench-pipeline-XXXXXX"));
    const qint64 count = parser.value(countOption).toLongLong();
    g_maxBatch = parser.value(batchOption).toInt();
    const int latencyCount = parser.value(latencyOption).toInt();
    std::printf("store directory: %s\n", qPrintable(tmp.path()));

    stages(tmp.filePath(QStringLiteral("stages.sqlite")), count);
    for (const auto durability : {HistoryStore::Durability::Process, HistoryStore::Durability::Power}) {
        const QString tag = durability == HistoryStore::Durability::Power ? QStringLiteral("full")
                                                                          : QStringLiteral("normal");
        throughput(tmp.filePath(tag + QStringLiteral("-burst.sqlite")), durability, count, 1000);
        latency(tmp.filePath(tag + QStringLiteral("-latency.sqlite")), durability, latencyCount, 10);
    }
    std::printf("max RSS %ld KiB\n", maxRssKiB());
    return 0;
}
