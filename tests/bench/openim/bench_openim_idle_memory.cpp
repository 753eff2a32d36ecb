// bench_openim_idle_memory: memory per idle connected OpenIM account, measured in a fresh
// process with the loopback server in ANOTHER process (channeltray-openim-server via QProcess),
// so the figure holds the client side only. Prints figures; never fails on a slow machine.
//
//   bench_openim_idle_memory            runs itself once per N (1 and 100), each a fresh process
//   bench_openim_idle_memory --accounts N [--gzip]
//
// One run: VmRSS (baseline, after the shared history + pipeline exist) → connect N idle
// accounts → wait until all are connected and their catch-up is done → settle → VmRSS again.
// "per account" = (after - baseline) / N; for N > 1 also the marginal cost of accounts 2…N
// (one-time library and buffer costs land on the first account).
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "openim/openimconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <cctype>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace ct;

namespace {

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

// Rss per mapping (library path, "[heap]", "[anon]"), from /proc/self/smaps.
QHash<QString, long> rssByMapping()
{
    QHash<QString, long> out;
    QFile f(QStringLiteral("/proc/self/smaps"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QString current;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.isEmpty() && (std::isdigit(uchar(line[0])) || (line[0] >= 'a' && line[0] <= 'f'))
            && line.contains('-')) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            current = parts.size() >= 6 ? QString::fromUtf8(parts.mid(5).join(' ')) : QStringLiteral("[anon]");
        } else if (line.startsWith("Rss:")) {
            out[current] += line.mid(4).trimmed().split(' ').first().toLong();
        }
    }
    return out;
}

void printGrowth(const QHash<QString, long> &before, const QHash<QString, long> &after)
{
    QList<QPair<long, QString>> grown;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (const long d = it.value() - before.value(it.key()); d >= 64)
            grown << qMakePair(d, it.key());
    std::sort(grown.begin(), grown.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[kb, name] : grown)
        std::printf("    +%6ld KB  %s\n", kb, qPrintable(name));
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

// Connects `n` accounts; returns once all are connected and idle (or after the timeout).
bool connectAll(std::vector<std::unique_ptr<OpenImConnection>> &conns, int from, int to, const QJsonObject &info,
                bool gzip, InboundPipeline *pipeline, HistoryStore *history)
{
    const QJsonObject tokens = info.value(QStringLiteral("tokens")).toObject();
    for (int i = from; i <= to; ++i) {
        const QString user = QStringLiteral("u_%1").arg(i);
        OpenImAccountConfig a;
        a.id = user;
        a.wsAddr = info.value(QStringLiteral("wsAddr")).toString();
        a.apiAddr = info.value(QStringLiteral("apiAddr")).toString();
        if (gzip)
            a.compression = QStringLiteral("gzip");
        conns.push_back(std::make_unique<OpenImConnection>(a, tokens.value(user).toString(), pipeline, history));
        conns.back()->start();
    }
    return waitFor(
        [&] {
            return std::all_of(conns.begin(), conns.end(), [](const auto &c) {
                return c->state() == AccountState::Connected && c->catchUpIdle();
            });
        },
        60000);
}

int runOne(int accounts, bool gzip, bool explain)
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(CHANNELTRAY_OPENIM_SERVER),
                 {QStringLiteral("--users"), QString::number(accounts)});
    if (!server.waitForStarted(10000)) {
        std::printf("cannot start %s\n", CHANNELTRAY_OPENIM_SERVER);
        return 1;
    }
    QByteArray line;
    waitFor(
        [&] {
            server.waitForReadyRead(50);
            line += server.readAll();
            return line.contains('\n');
        },
        20000);
    const QJsonObject info = QJsonDocument::fromJson(line.left(line.indexOf('\n')))
                                 .object(); // holds tokens: never printed
    if (info.isEmpty()) {
        std::printf("the server printed no JSON line\n");
        return 1;
    }

    QTemporaryDir dir;
    HistoryStore history(dir.filePath(QStringLiteral("bench.sqlite")));
    history.open();
    Config config;
    InboundPipeline pipeline(history, config);
    settle(200);

    std::vector<std::unique_ptr<OpenImConnection>> conns;
    conns.reserve(size_t(accounts));
    const auto mapsBefore = explain ? rssByMapping() : QHash<QString, long>();
    const long baseline = rssKb();
    bool ok = connectAll(conns, 1, 1, info, gzip, &pipeline, &history);
    settle(500);
    const long afterFirst = rssKb();
    const auto mapsFirst = explain ? rssByMapping() : QHash<QString, long>();
    if (accounts > 1)
        ok = connectAll(conns, 2, accounts, info, gzip, &pipeline, &history) && ok;
    settle(1000);
    const long after = rssKb();
    const int connected = int(std::count_if(conns.begin(), conns.end(),
                                            [](const auto &c) { return c->state() == AccountState::Connected; }));

    std::printf("idle accounts=%d%s connected=%d  VmRSS baseline %ld KB, after %ld KB  => %.1f KB per account",
                accounts, gzip ? " (gzip)" : "", connected, baseline, after, double(after - baseline) / accounts);
    if (accounts > 1)
        std::printf("  (first account %ld KB, each further account %.1f KB)", afterFirst - baseline,
                    double(after - afterFirst) / (accounts - 1));
    std::printf("%s\n", ok ? "" : "  [not all connected in time]");
    if (explain) {
        std::printf("  first account, by mapping:\n");
        printGrowth(mapsBefore, mapsFirst);
        std::printf("  further accounts, by mapping:\n");
        printGrowth(mapsFirst, rssByMapping());
    }
    std::fflush(stdout);

    conns.clear();
    server.terminate();
    server.waitForFinished(5000);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("channeltray.*.info=false")); // figures only
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption accounts(QStringLiteral("accounts"), QStringLiteral("Idle accounts to connect."),
                                QStringLiteral("n"));
    QCommandLineOption gzip(QStringLiteral("gzip"), QStringLiteral("Accounts use compression gzip."));
    QCommandLineOption explain(QStringLiteral("explain"), QStringLiteral("Show which mappings grew (smaps)."));
    parser.addOptions({accounts, gzip, explain});
    parser.process(app);
    if (parser.isSet(accounts))
        return runOne(std::max(1, parser.value(accounts).toInt()), parser.isSet(gzip), parser.isSet(explain));

    // Each N in a fresh process, so one run's heap does not flatter the next.
    int rc = 0;
    for (const int n : {1, 100}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--accounts"), QString::number(n)});
        child.waitForFinished(180000);
        rc |= child.exitCode();
    }
    std::printf("target: <= 100 KB per idle connected account\n");
    return rc;
}
