// channeltray-soak: the product (`channeltray watch --json`, a child process) on many Gotify
// accounts spread over several loopback Gotify servers and OpenIM accounts on loopback OpenIM
// servers, while random faults hit it: TCP drops without a close frame, garbage frames, OpenIM
// tokens expired on their server (the product refreshes them at a loopback refresh endpoint,
// patches the config and reconnects), at least one disk-full episode (its history lives on a
// real tmpfs that is filled up, then freed) and at least one kill -9 with a restart. Posting
// and faults go on for the whole --duration (from the moment every account is connected); then
// the soak settles (no faults, 2 minutes at most) and the servers' records are compared with
// the history and with every printed line:
//   lost       (account, message) pairs the servers hold that the history does not
//   duplicated pairs printed more than once, across all runs of the product
//   crashes    runs of the product that ended other than by our kill -9 or SIGTERM
//   notPrinted pairs in the history that no run printed (placed near a kill -9, near the disk-full
//              episode, or elsewhere; the first few on stderr): at most one per kill -9 (the
//              line whose print it interrupts, counted as printed so never printed twice;
//              the next run prints the rest of what the killed one stored)
// and, beside them, diskFullSeen: disk-full episodes the product reported as a failing history.
// RSS flat after warm-up: the product's RSS is sampled every 2 s; a run is judged from the end
// of its warm-up (a third of --duration after it connected: the full run's plateau comes after
// about 8 of its 30 minutes) to the end of the fault period, the run with the longest such
// stretch; flat when the median of its last 5 samples is at most max(2 MiB, 3%) above the
// median of its first 5. Not judged, and said so, when no run is past its warm-up (many kills)
// or the warm-up is under 8 minutes (kRssMinWarmupS; --duration under 1,440 s: CI's run is all
// warm-up).
// Prints one JSON line of figures (the RSS ones the verdict compares among them) and exits 1
// unless lost, duplicated and crashes are all 0, notPrinted is at most the kills, and RSS, when
// judged, is flat.
#include "integration/refresh/fakerefreshendpoint.h"
#include "openimloopbackserver.h"
#include "servers/gotify/gotifyserver.h"
#include "smallfilesystem.h"
#include "watchfixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace ct::test;
using ct::loopback::OpenImLoopbackServer;
using ct::testserver::GotifyServer;

namespace {

// RSS is judged only when the warm-up (a third of --duration) is at least this long: the
// product's RSS levels only after minutes (about 8 in the 30-minute runs; the history's page
// cache, 16 MiB at most, likely fills meanwhile), so a shorter warm-up judges the warm-up itself:
// at the CI size (90 s) +2.2 MiB over the 26 s after a 30 s warm-up (29.0 -> 31.2 MiB); in a
// 15-minute run of 40 accounts +4.8 MiB over the 282 s after a 300 s warm-up of the run
// restarted at 315 s (38.2 -> 43.0 MiB). The figures are printed all the same.
constexpr int kRssMinWarmupS = 480;

struct Options
{
    int accounts = 200;
    int servers = 20;
    int messages = 50000;
    int durationS = 1800;
    int openim = 20;       // OpenIM accounts, one user each
    int openimServers = 2; // loopback OpenIM servers
    int openimShare = 30;  // percent of the posts that go to an OpenIM account
    int kills = 1;         // kill -9 of the product, spread over the posting
};

// An OpenIM account of the soak: user u<k> on one of the OpenIM servers.
struct ImAccount
{
    OpenImLoopbackServer *server = nullptr;
    QString user;
    QStringList posted; // clientMsgIDs sent to it
};

// Runs the event loop until done() or the deadline; false on the deadline.
template <typename Done> bool waitFor(Done done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

qint64 rssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Every (account, id) the history holds.
QSet<QString> storedKeys(const QString &file)
{
    QSet<QString> keys;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("soak-read"));
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (q.exec(QStringLiteral(
                    "SELECT a.address, m.msg_id FROM messages m JOIN accounts a ON a.id = m.account_id")))
                while (q.next())
                    keys.insert(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("soak-read"));
    return keys;
}

QString writeConfig(const QString &path, const QList<GotifyServer *> &servers, const QStringList &tokens,
                    const QList<int> &serverOf, const QList<ImAccount> &ims, const QStringList &imTokens,
                    const QString &refreshEndpoint)
{
    const QJsonObject reconnect{{QStringLiteral("reconnectDelayMs"), 100},
                                {QStringLiteral("maxReconnectDelayMs"), 1000},
                                {QStringLiteral("maxReconnectAttempts"), 100000}};
    QJsonObject imAccounts;
    for (int k = 0; k < ims.size(); ++k)
        imAccounts.insert(QStringLiteral("o%1").arg(k),
                          QJsonObject{{QStringLiteral("wsAddr"), ims.at(k).server->wsAddr()},
                                      {QStringLiteral("apiAddr"), ims.at(k).server->apiAddr()},
                                      {QStringLiteral("token"), imTokens.at(k)},
                                      {QStringLiteral("inbound"), reconnect}});
    // The refresh endpoint knows the account by a header and answers {"data":{"access_token":…}}.
    const QJsonObject refresh{
        {QStringLiteral("mode"), QStringLiteral("http")},
        {QStringLiteral("http"),
         QJsonObject{
             {QStringLiteral("endpoint"), refreshEndpoint},
             {QStringLiteral("method"), QStringLiteral("POST")},
             {QStringLiteral("headers"),
              QJsonObject{{QStringLiteral("X-Account"), QStringLiteral("{accountId}")}}},
             {QStringLiteral("body"), QJsonObject{{QStringLiteral("account"), QStringLiteral("{accountId}")}}},
             {QStringLiteral("responseTokenPath"), QJsonArray{QStringLiteral("data.access_token")}},
             {QStringLiteral("timeoutMs"), 5000}}}};
    QJsonObject accounts;
    for (int i = 0; i < tokens.size(); ++i)
        accounts.insert(QStringLiteral("a%1").arg(i),
                        QJsonObject{{QStringLiteral("serverUrl"), servers.at(serverOf.at(i))->url().toString()},
                                    {QStringLiteral("clientToken"), tokens.at(i)},
                                    {QStringLiteral("inbound"), reconnect}});
    QJsonObject channels{{QStringLiteral("gotify"), QJsonObject{{QStringLiteral("accounts"), accounts}}}};
    if (!ims.isEmpty())
        channels.insert(QStringLiteral("multi-openim"), QJsonObject{{QStringLiteral("tokenRefresh"), refresh},
                                                                    {QStringLiteral("accounts"), imAccounts}});
    const QJsonObject root{{QStringLiteral("channels"), channels}};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    reexecAsRootInNamespace(argc, argv); // the disk-full episode mounts a tmpfs
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("accounts"), QStringLiteral("Gotify accounts (default 200)."),
                      QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("servers"), QStringLiteral("Loopback servers (default 20)."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages posted (default 50000)."),
                      QStringLiteral("N"), QStringLiteral("50000")});
    parser.addOption({QStringLiteral("duration"),
                      QStringLiteral("Seconds of posting and faults (default 1800); settling follows "
                                     "(2 minutes at most)."),
                      QStringLiteral("S"), QStringLiteral("1800")});
    parser.addOption({QStringLiteral("openim"), QStringLiteral("OpenIM accounts (default 20)."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("openim-servers"), QStringLiteral("Loopback OpenIM servers (default 2)."),
                      QStringLiteral("N"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("openim-share"),
                      QStringLiteral("Percent of the posts that go to OpenIM accounts (default 30)."),
                      QStringLiteral("P"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("kills"),
                      QStringLiteral("kill -9s of the product (default 1, at 35% of the posts; more are "
                                     "spread evenly)."),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.process(app);
    Options o;
    o.accounts = qMax(1, parser.value(QStringLiteral("accounts")).toInt());
    o.servers = qBound(1, parser.value(QStringLiteral("servers")).toInt(), o.accounts);
    o.messages = qMax(100, parser.value(QStringLiteral("messages")).toInt());
    o.durationS = qMax(10, parser.value(QStringLiteral("duration")).toInt());
    o.openim = qMax(0, parser.value(QStringLiteral("openim")).toInt());
    o.openimServers = qBound(1, parser.value(QStringLiteral("openim-servers")).toInt(), qMax(1, o.openim));
    o.openimShare = o.openim == 0 ? 0 : qBound(0, parser.value(QStringLiteral("openim-share")).toInt(), 100);
    o.kills = qBound(1, parser.value(QStringLiteral("kills")).toInt(), 100);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!QFile::exists(channeltrayBinary())) {
        err << "soak: no product binary at " << channeltrayBinary() << " (set CHANNELTRAY_BINARY_DIR)\n";
        return 2;
    }

    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QDir().mkpath(data);
    SmallFilesystem fs;
    QString error;
    if (!fs.mount(data, 512LL << 20, &error)) {
        err << "soak: " << error << '\n';
        return 2;
    }
    std::vector<std::unique_ptr<GotifyServer>> owned;
    QList<GotifyServer *> servers;
    for (int s = 0; s < o.servers; ++s) {
        owned.push_back(std::make_unique<GotifyServer>());
        if (!owned.back()->listen()) {
            err << "soak: a loopback server cannot listen\n";
            return 2;
        }
        servers << owned.back().get();
    }
    QStringList tokens;
    QList<int> serverOf;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    for (int i = 0; i < o.accounts; ++i) {
        serverOf << i % o.servers;
        tokens << servers.at(i % o.servers)->addClient(QStringLiteral("soak-%1").arg(i));
    }
    // OpenIM: user u<k> on server k % openimServers; u_alice sends to each. Tokens live an hour;
    // the soak expires them on the server now and then, and the refresh endpoint mints new ones.
    std::vector<std::unique_ptr<OpenImLoopbackServer>> imServers;
    for (int s = 0; s < (o.openim > 0 ? o.openimServers : 0); ++s) {
        imServers.push_back(std::make_unique<OpenImLoopbackServer>());
        if (!imServers.back()->start()) {
            err << "soak: a loopback OpenIM server cannot start\n";
            return 2;
        }
        imServers.back()->addUser(QStringLiteral("u_alice"));
    }
    QList<ImAccount> ims;
    QStringList imTokens;
    for (int k = 0; k < o.openim; ++k) {
        ImAccount a;
        a.server = imServers.at(size_t(k % o.openimServers)).get();
        a.user = QStringLiteral("u%1").arg(k);
        a.server->addUser(a.user);
        imTokens << a.server->mintToken(a.user, 5, 3600);
        ims << a;
    }
    int refreshes = 0;
    FakeRefreshEndpoint auth;
    if (!auth.listen()) {
        err << "soak: the refresh endpoint cannot listen\n";
        return 2;
    }
    auth.setHandler([&](const RecordedRequest &r) {
        const int k = QString::fromUtf8(r.headers.value("x-account")).mid(1).toInt();
        if (k < 0 || k >= ims.size())
            return CannedResponse{400, "{}", false};
        ++refreshes;
        const QString token = ims.at(k).server->mintToken(ims.at(k).user, 5, 3600 + refreshes);
        return CannedResponse{
            200, QJsonDocument(QJsonObject{{"data", QJsonObject{{"access_token", token}}}}).toJson(), false};
    });
    const QString config = writeConfig(dir.filePath(QStringLiteral("config.json")), servers, tokens, serverOf, ims,
                                       imTokens, auth.url(QStringLiteral("/api/refresh")));

    QList<std::shared_ptr<WatchProcess>> runs;
    QList<qint64> runConnectedAtMs; // per run: when it had every account (the clock's time)
    QElapsedTimer clock;
    int crashes = 0;
    int kills = 0;
    int diskFullEpisodes = 0;
    int diskFullSeen = 0; // episodes the product reported (history "failing")
    int postedDuringDiskFull = 0;
    int drops = 0;
    int garbage = 0;
    int expiries = 0;
    const int allAccounts = o.accounts + o.openim;
    auto startRun = [&] {
        runs << std::make_shared<WatchProcess>(config, data);
        const bool connected = runs.last()->start()
                               && waitFor([&] { return runs.last()->connectedAccounts() >= allAccounts; }, 180000);
        runConnectedAtMs << (clock.isValid() ? clock.elapsed() : 0);
        return connected;
    };
    if (!startRun()) {
        err << "soak: the product did not connect every account\n";
        return 2;
    }

    QHash<int, QStringList> postedPerServer;
    int posted = 0;
    clock.start();
    // The fault period: posting paced over all of it, and a fault drawn every tick of it (one
    // tick per message's share of the period, as many draws as messages), from the first post
    // to its end; settling follows.
    const qint64 periodMs = qint64(o.durationS) * 1000;
    const double tickMs = qMax(5.0, double(periodMs) / o.messages);
    qint64 ticks = 0;
    QList<int> killAt; // after which post, in order
    for (int j = 1; j <= o.kills; ++j)
        killAt << (o.kills == 1 ? o.messages * 35 / 100 : int(qint64(o.messages) * j / (o.kills + 1)));
    qsizetype nextKill = 0;
    const int fullAt = o.messages * 65 / 100;
    struct RssSample
    {
        int run; // index into runs
        qint64 atMs;
        qint64 kib;
    };
    QList<RssSample> rss;
    qint64 lastRssAt = 0;
    // Posts one message: to a Gotify server (every account of it receives it) or to one OpenIM
    // account, by openimShare.
    // When each message was posted ("g<server> <id>", "o<account> <id>"), and when the faults
    // that may cost a printed line happened, to place what was stored but never printed.
    QHash<QString, qint64> postedAtMs;
    QList<qint64> killsAtMs;
    QList<QPair<qint64, qint64>> diskFullMs; // (filled, freed)
    auto postOne = [&](const QString &text) {
        if (!ims.isEmpty() && int(random.bounded(100)) < o.openimShare) {
            const int k = int(random.bounded(qsizetype(ims.size())));
            ImAccount &a = ims[k];
            a.posted << QString::fromStdString(
                a.server->deliverDirect(QStringLiteral("u_alice"), a.user, text).clientmsgid());
            postedAtMs.insert(QStringLiteral("o%1 %2").arg(k).arg(a.posted.last()), clock.elapsed());
            return;
        }
        const int s = int(random.bounded(o.servers));
        postedPerServer[s] << QString::number(servers.at(s)->postMessage(text));
        postedAtMs.insert(QStringLiteral("g%1 %2").arg(s).arg(postedPerServer[s].last()), clock.elapsed());
    };
    // One draw: a Gotify TCP drop without a close frame, garbage frames, an OpenIM token
    // expired on its server (the product is refused with 1501, refreshes it at the endpoint,
    // patches the config and reconnects; the catch-up brings the gap), an OpenIM drop or
    // garbage, or (mostly) nothing.
    auto drawFault = [&] {
        if (random.bounded(1000) < 3) {
            servers.at(int(random.bounded(o.servers)))->dropStreams();
            ++drops;
        } else if (random.bounded(1000) < 2) {
            servers.at(int(random.bounded(o.servers)))
                ->pushRawFrames(
                    {QStringLiteral("{\"id\":"), QStringLiteral("\x01\x02 not json"), QStringLiteral("[1,2,3]")});
            ++garbage;
        } else if (!ims.isEmpty() && random.bounded(1000) < 2) {
            const ImAccount &a = ims.at(int(random.bounded(qsizetype(ims.size()))));
            a.server->expireTokens(a.user);
            a.server->dropTcp(a.user);
            ++expiries;
        } else if (!ims.isEmpty() && random.bounded(1000) < 2) {
            const ImAccount &a = ims.at(int(random.bounded(qsizetype(ims.size()))));
            if (random.bounded(2) == 0)
                a.server->dropTcp(a.user);
            else
                a.server->sendGarbage(a.user);
            ++drops;
        }
    };
    while (clock.elapsed() < periodMs || posted < o.messages) {
        const qint64 now = clock.elapsed();
        WatchProcess &run = *runs.last();
        if (!run.running()) { // died on its own
            ++crashes;
            startRun();
            continue;
        }
        if (now - lastRssAt > 2000) {
            lastRssAt = now;
            rss << RssSample{int(runs.size()) - 1, now, rssKiB(run.pid())};
        }
        const bool postDue = posted < o.messages && now >= periodMs * posted / o.messages;
        const bool tickDue = now < periodMs && now >= qint64(double(ticks) * tickMs);
        if (!postDue && !tickDue) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(1);
            continue;
        }
        if (tickDue) {
            ++ticks;
            drawFault();
        }
        if (!postDue)
            continue;
        postOne(QStringLiteral("soak %1").arg(posted));
        ++posted;
        if (posted % 20 == 0)
            QCoreApplication::processEvents();
        if (nextKill < killAt.size() && posted >= killAt.at(nextKill) && posted != fullAt) {
            ++nextKill;
            killsAtMs << clock.elapsed();
            run.kill9();
            ++kills;
            startRun();
        } else if (posted == fullAt) {
            diskFullMs << qMakePair(clock.elapsed(), qint64(-1));
            fs.fill();
            ++diskFullEpisodes;
            // Posted 100 at a time until the product says its history fails (its "failing"
            // state line): SQLite first writes into the WAL pages it already has, so 500 rows
            // did not always reach the full disk. At most 5,000 posts (or what is left) and 20 s.
            const int most = qMin(5000, o.messages - posted);
            int during = 0;
            bool seen = false;
            const QDeadlineTimer deadline(20000);
            while (!seen && during < most && !deadline.hasExpired()) {
                for (int i = 0; i < 100 && during < most; ++i, ++during)
                    postOne(QStringLiteral("full %1").arg(during));
                seen = waitFor([&] { return runs.last()->saidHistory(QStringLiteral("failing")); }, 1000);
            }
            if (!seen)
                seen = waitFor([&] { return runs.last()->saidHistory(QStringLiteral("failing")); },
                               int(qMax<qint64>(0, deadline.remainingTime())));
            posted += during;
            postedDuringDiskFull += during;
            diskFullSeen += seen ? 1 : 0;
            fs.release();
            diskFullMs.last().second = clock.elapsed();
        }
    }
    const qint64 faultPeriodEndMs = clock.elapsed();

    // Settle: every (account, message) of the servers in the history, then a clean stop.
    QSet<QString> expected;
    for (int i = 0; i < o.accounts; ++i)
        for (const QString &id : postedPerServer.value(serverOf.at(i)))
            expected.insert(QStringLiteral("a%1").arg(i).prepend(QStringLiteral("gotify/")) + QLatin1Char(' ')
                            + id);
    for (int k = 0; k < ims.size(); ++k)
        for (const QString &id : ims.at(k).posted)
            expected.insert(QStringLiteral("multi-openim/o%1 %2").arg(k).arg(id));
    const QString historyFile = data + QStringLiteral("/channeltray/history.sqlite");
    QSet<QString> stored;
    waitFor(
        [&] {
            static QElapsedTimer lastCheck;
            if (lastCheck.isValid() && lastCheck.elapsed() < 2000)
                return false;
            lastCheck.start();
            stored = storedKeys(historyFile);
            return stored.contains(expected);
        },
        120000);
    if (runs.last()->running() && !runs.last()->stop())
        ++crashes;
    stored = storedKeys(historyFile);

    int lost = 0;
    for (const QString &k : std::as_const(expected))
        lost += stored.contains(k) ? 0 : 1;
    QHash<QString, int> printedCount;
    for (const auto &run : std::as_const(runs))
        for (const QString &k : run->keys())
            ++printedCount[k];
    int duplicated = 0;
    for (auto it = printedCount.cbegin(); it != printedCount.cend(); ++it)
        duplicated += it.value() > 1 ? 1 : 0;
    // Stored but printed by no run: where each was posted, near a kill -9 (the 10 s before it),
    // near a disk-full episode (5 s before it to 30 s after), or elsewhere; the first few on
    // stderr.
    int notPrinted = 0;
    int notPrintedNearKill = 0;
    int notPrintedNearDiskFull = 0;
    for (const QString &k : std::as_const(expected)) {
        if (!stored.contains(k) || printedCount.contains(k))
            continue;
        ++notPrinted;
        const QString account = k.section(QLatin1Char(' '), 0, 0);
        const QString id = k.section(QLatin1Char(' '), 1);
        const QString posting = account.startsWith(QLatin1String("gotify/a"))
                                    ? QStringLiteral("g%1 %2").arg(serverOf.value(account.mid(8).toInt())).arg(id)
                                    : QStringLiteral("o%1 %2").arg(account.section(QLatin1Char('o'), -1)).arg(id);
        const qint64 at = postedAtMs.value(posting, -1);
        const bool nearKill = std::any_of(killsAtMs.cbegin(), killsAtMs.cend(),
                                          [&](qint64 kill) { return at >= kill - 10000 && at <= kill; });
        const bool nearFull = std::any_of(diskFullMs.cbegin(), diskFullMs.cend(), [&](const auto &e) {
            return at >= e.first - 5000 && at <= e.second + 30000;
        });
        notPrintedNearKill += nearKill ? 1 : 0;
        notPrintedNearDiskFull += nearFull ? 1 : 0;
        if (notPrinted <= 10)
            err << "soak: stored, never printed: " << k << ", posted at " << at << " ms"
                << (nearKill ? " (near a kill -9)" : "") << (nearFull ? " (near disk full)" : "") << '\n';
    }
    for (qint64 kill : std::as_const(killsAtMs))
        err << "soak: kill -9 at " << kill << " ms\n";
    for (const auto &e : std::as_const(diskFullMs))
        err << "soak: disk full from " << e.first << " to " << e.second << " ms\n";
    // RSS flat after warm-up (see the top): the judged run, its first and last 5 samples past
    // its warm-up, and their medians.
    const qint64 warmupMs = periodMs / 3;
    QList<qint64> judged;
    int judgedRun = -1;
    qint64 judgedFromMs = -1;
    qint64 judgedSpanMs = -1;
    for (int r = 0; r < runs.size(); ++r) {
        QList<const RssSample *> past;
        for (const RssSample &sample : std::as_const(rss))
            if (sample.run == r && sample.kib > 0 && sample.atMs >= runConnectedAtMs.value(r) + warmupMs
                && sample.atMs <= faultPeriodEndMs)
                past << &sample;
        if (past.size() < 10 || past.last()->atMs - past.first()->atMs <= judgedSpanMs)
            continue;
        judgedSpanMs = past.last()->atMs - past.first()->atMs;
        judgedRun = r;
        judgedFromMs = past.first()->atMs;
        judged.clear();
        for (const RssSample *sample : std::as_const(past))
            judged << sample->kib;
    }
    const auto median = [](QList<qint64> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    const bool rssMeasured = judgedRun >= 0;
    const bool rssJudged = rssMeasured && warmupMs >= kRssMinWarmupS * 1000LL;
    const qint64 rssWarm = rssMeasured ? median(judged.first(5)) : -1;
    const qint64 rssEnd = rssMeasured ? median(judged.last(5)) : -1;
    const qint64 rssAllowedKiB = rssMeasured ? qMax<qint64>(2048, rssWarm * 3 / 100) : -1;
    const bool rssFlat = !rssJudged || rssEnd - rssWarm <= rssAllowedKiB;
    qint64 rssMax = -1;
    for (const RssSample &sample : std::as_const(rss))
        rssMax = qMax(rssMax, sample.kib);
    if (rssMeasured)
        err << "soak: RSS of run " << judgedRun + 1 << " of " << runs.size() << " after its warm-up of "
            << warmupMs / 1000 << " s (from " << judgedFromMs / 1000 << " s, over " << judgedSpanMs / 1000
            << " s): " << rssWarm << " KiB -> " << rssEnd << " KiB (" << (rssEnd - rssWarm >= 0 ? "+" : "")
            << rssEnd - rssWarm << " KiB, at most +" << rssAllowedKiB << "): "
            << (!rssJudged ? QStringLiteral("not judged (a warm-up under %1 s)").arg(kRssMinWarmupS)
                : rssFlat  ? QStringLiteral("flat")
                           : QStringLiteral("GROWING"))
            << '\n';
    else
        err << "soak: RSS not judged: no run had 10 samples past its warm-up of " << warmupMs / 1000 << " s\n";
    const QJsonObject figures{{QStringLiteral("accounts"), o.accounts},
                              {QStringLiteral("servers"), o.servers},
                              {QStringLiteral("messagesPosted"), posted},
                              {QStringLiteral("deliveriesExpected"), int(expected.size())},
                              {QStringLiteral("stored"), int(stored.size())},
                              {QStringLiteral("printed"), int(printedCount.size())},
                              {QStringLiteral("lost"), lost},
                              {QStringLiteral("duplicated"), duplicated},
                              {QStringLiteral("notPrinted"), notPrinted},
                              {QStringLiteral("notPrintedNearKill"), notPrintedNearKill},
                              {QStringLiteral("notPrintedNearDiskFull"), notPrintedNearDiskFull},
                              {QStringLiteral("crashes"), crashes},
                              {QStringLiteral("kills"), kills},
                              {QStringLiteral("diskFullEpisodes"), diskFullEpisodes},
                              {QStringLiteral("diskFullSeen"), diskFullSeen},
                              {QStringLiteral("postedDuringDiskFull"), postedDuringDiskFull},
                              {QStringLiteral("tcpDrops"), drops},
                              {QStringLiteral("garbageFrames"), garbage},
                              {QStringLiteral("rssWarmupSeconds"), int(warmupMs / 1000)},
                              {QStringLiteral("rssJudgedRun"), judgedRun + 1},
                              {QStringLiteral("rssJudgedSeconds"), int(judgedSpanMs / 1000)},
                              {QStringLiteral("rssKiBAfterWarmup"), rssWarm},
                              {QStringLiteral("rssKiBAtEnd"), rssEnd},
                              {QStringLiteral("rssKiBGrowthAllowed"), rssAllowedKiB},
                              {QStringLiteral("rssFlat"), rssJudged ? QJsonValue(rssFlat) : QJsonValue()},
                              {QStringLiteral("rssKiBMax"), rssMax},
                              {QStringLiteral("openimAccounts"), o.openim},
                              {QStringLiteral("tokenExpiries"), expiries},
                              {QStringLiteral("refreshes"), refreshes},
                              {QStringLiteral("faultSeconds"), int(faultPeriodEndMs / 1000)},
                              {QStringLiteral("settleSeconds"), int((clock.elapsed() - faultPeriodEndMs) / 1000)},
                              {QStringLiteral("seconds"), int(clock.elapsed() / 1000)}};
    out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << Qt::endl;
    return lost == 0 && duplicated == 0 && crashes == 0 && notPrinted <= kills && rssFlat ? 0 : 1;
}
