// bench_scale: the real `channeltray` (tray, and `watch`) with N accounts, Gotify and OpenIM
// mixed, on two loopback Gotify and two loopback OpenIM servers, each server in its own process.
// Prints, per mode and N: time until the servers see all N connections, RSS then, RSS 10 s
// later, RSS and idle CPU over the next 60 s (and over 10 more minutes with --long), threads,
// and the storm figures: every server drops every connection at once; how long until all N
// are back, and (tray) when the tray last repainted and how many repaints it took.
//
// With --window accounts|messages the tray's main window is open on that tab once all are
// connected (the tab is written to the app's settings first; a second launch raises the window,
// as a user's would). The Gotify servers ping each stream on its own 45 s ticker, as the real
// server does (--server-pings burst: every stream at once; spread: each stream's ticker at a
// random phase, as on a server whose clients connected at any time: the pings then come one by
// one, and each can wake the product). Idle figures include the main
// thread's wake-ups (voluntary context switches: one per return from poll()) and the frames on
// its connections (TCP data segments, from ss -ti). --gotify-only makes every account a Gotify one.
// --tls serves the Gotify servers over https:// and wss:// (a CA made for the run, given to each
// account as its caCertFile), so the figures include the TLS library.
// The product inherits this environment: CHANNELTRAY_NO_EPOLL=1 measures it with GLib's own
// poll(2) (core/eventloop), for a before/after in one build.
//
// Run under tools/headless.sh (a display, a tray host, D-Bus, a fresh $HOME):
//   tools/headless.sh build/tests/bench/scale/bench_scale [--accounts 1,100,1000] [--mode tray|watch|both] [--long]
// Figures, not a test: nothing here passes or fails.
#include "benchprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

using ct::bench::ProcSample;
using ct::bench::sampleProcess;
using ct::bench::sampleProcessWithSegments;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

void idleFor(int ms)
{
    waitUntil([] { return false; }, ms);
}

// One loopback server process: its first stdout line describes it, then it reports how many
// client connections are open; "drop" on its stdin drops them all.
struct Server
{
    std::unique_ptr<QProcess> process;
    QJsonObject info;
    int connections = 0;
    QByteArray buffer;

    bool start(const QString &program, const QStringList &args)
    {
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(process.get(), &QProcess::readyReadStandardOutput, [this] { read(); });
        process->start(program, args + QStringList{QStringLiteral("--report-connections")});
        return process->waitForStarted(10000) && waitUntil([this] { return !info.isEmpty(); }, 20000);
    }
    void read()
    {
        buffer += process->readAllStandardOutput();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QJsonObject o = QJsonDocument::fromJson(buffer.left(end)).object();
            buffer.remove(0, end + 1);
            if (info.isEmpty())
                info = o;
            else if (o.contains(QStringLiteral("connections")))
                connections = o.value(QStringLiteral("connections")).toInt();
        }
    }
    void command(const char *line) { process->write(QByteArray(line) + '\n'); }
    ~Server()
    {
        if (process) {
            process->write("quit\n");
            if (!process->waitForFinished(3000))
                process->kill();
            process->waitForFinished(3000);
        }
    }
};

struct Run
{
    QString mode;
    int accounts = 0;
    bool connected = false;
    double connectS = 0;
    ProcSample atConnected, after10s, after60s, afterLong;
    double idleCpuMsPerMin = 0, longIdleCpuMsPerMin = 0;
    double wakeupsPerMin = 0, longWakeupsPerMin = 0;
    double reconnectS = -1, lastRepaintS = -1;
    int repaints = -1;
    bool trayIcon = true; // tray: the icon was made (it logs its repaints); false: no tray host
};

QString mib(double v)
{
    return QString::number(v, 'f', 1) + QStringLiteral(" MiB");
}

QString g_binary = QStringLiteral(CHANNELTRAY_BIN);
QString g_logPath;                    // --log: the product's stderr goes here too
bool g_breakdown = false;             // --breakdown: where the RSS goes, after the 70 s sample
QString g_window;                     // --window accounts|messages: the main window open on that tab
bool g_burstPings = false;            // --server-pings burst
bool g_spreadPings = false;           // --server-pings spread
bool g_gotifyOnly = false;            // --gotify-only: every account a Gotify one
bool g_tls = false;                   // --tls: the Gotify servers speak https:// and wss://
constexpr double kRssLimitMiB = 3072; // a run that passes this is stopped (the machine has 24 GiB)

// Idles for `ms`, but stops early when the product grows past kRssLimitMiB; false then.
bool idleWatching(qint64 pid, int ms)
{
    return waitUntil([pid] { return sampleProcess(pid).rssMiB > kRssLimitMiB; }, ms) == false;
}

Run runOnce(const QString &mode, int n, bool longRun)
{
    Run run;
    run.mode = mode;
    run.accounts = n;
    QTemporaryDir home;
    const int gotifyAccounts = n == 1 || g_gotifyOnly ? n : (n + 1) / 2;
    const int openimAccounts = n - gotifyAccounts;
    const int gotifyServers = gotifyAccounts >= 2 ? 2 : 1;
    const int openimServers = openimAccounts >= 2 ? 2 : (openimAccounts == 1 ? 1 : 0);

    std::vector<std::unique_ptr<Server>> servers;
    QJsonObject gotifyNamed, openimNamed;
    for (int s = 0; s < gotifyServers; ++s) {
        auto server = std::make_unique<Server>();
        QStringList pings;
        if (!g_burstPings)
            pings << QStringLiteral("--ping-each-stream");
        if (g_spreadPings)
            pings << QStringLiteral("--ping-random-phase");
        if (g_tls)
            pings << QStringLiteral("--tls");
        if (!server->start(QStringLiteral(CHANNELTRAY_GOTIFY_SERVER), pings)) {
            out() << "cannot start the Gotify server\n";
            return run;
        }
        for (int i = s; i < gotifyAccounts; i += gotifyServers) {
            QJsonObject account{{QStringLiteral("serverUrl"), server->info.value(QStringLiteral("url"))},
                                {QStringLiteral("clientToken"), server->info.value(QStringLiteral("clientToken"))},
                                {QStringLiteral("appToken"), server->info.value(QStringLiteral("appToken"))}};
            if (g_tls)
                account.insert(QStringLiteral("caCertFile"), server->info.value(QStringLiteral("caCertFile")));
            gotifyNamed.insert(QStringLiteral("bot%1").arg(i + 1, 4, 10, QLatin1Char('0')), account);
        }
        servers.push_back(std::move(server));
    }
    for (int s = 0; s < openimServers; ++s) {
        const int users = (openimAccounts - s + openimServers - 1) / openimServers;
        auto server = std::make_unique<Server>();
        if (!server->start(QStringLiteral(CHANNELTRAY_OPENIM_SERVER),
                           {QStringLiteral("--users"), QString::number(users)})) {
            out() << "cannot start the OpenIM server\n";
            return run;
        }
        const QJsonObject tokens = server->info.value(QStringLiteral("tokens")).toObject();
        for (int u = 1; u <= users; ++u)
            openimNamed.insert(
                QStringLiteral("im%1-%2").arg(s + 1).arg(u, 4, 10, QLatin1Char('0')),
                QJsonObject{{QStringLiteral("wsAddr"), server->info.value(QStringLiteral("wsAddr"))},
                            {QStringLiteral("apiAddr"), server->info.value(QStringLiteral("apiAddr"))},
                            {QStringLiteral("token"), tokens.value(QStringLiteral("u_%1").arg(u))}});
        servers.push_back(std::move(server));
    }
    QJsonObject channels{{QStringLiteral("gotify"),
                          QJsonObject{{QStringLiteral("inbound"), QJsonObject{{QStringLiteral("enabled"), true}}},
                                      {QStringLiteral("accounts"), gotifyNamed}}}};
    if (!openimNamed.isEmpty())
        channels.insert(QStringLiteral("multi-openim"),
                        QJsonObject{{QStringLiteral("tokenRefresh"),
                                     QJsonObject{{QStringLiteral("mode"), QStringLiteral("off")}}},
                                    {QStringLiteral("accounts"), openimNamed}});
    const QString configPath = home.filePath(QStringLiteral("config.json"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        return run;
    config.write(QJsonDocument(QJsonObject{{QStringLiteral("channels"), channels}}).toJson());
    config.close();

    auto total = [&] {
        int sum = 0;
        for (const auto &s : servers)
            sum += s->connections;
        return sum;
    };

    QProcess product;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    // More categories for a --log run: BENCH_LOGGING_RULES="channeltray.openim.debug=true".
    QString rules = QStringLiteral("channeltray.ui.debug=true");
    if (const QString more = qEnvironmentVariable("BENCH_LOGGING_RULES"); !more.isEmpty())
        rules += QLatin1Char(';') + more;
    env.insert(QStringLiteral("QT_LOGGING_RULES"), rules);
    product.setProcessEnvironment(env);
    product.setStandardOutputFile(QProcess::nullDevice());
    // The tray logs each repaint ("tray: repainted") on channeltray.tray; the bench times them.
    QElapsedTimer clock;
    QList<qint64> repaints;
    QByteArray errBuffer;
    QFile log(g_logPath);
    if (!g_logPath.isEmpty())
        log.open(QIODevice::WriteOnly | QIODevice::Append);
    QObject::connect(&product, &QProcess::readyReadStandardError, [&] {
        const QByteArray chunk = product.readAllStandardError();
        if (log.isOpen())
            log.write(QByteArray::number(clock.elapsed()) + " " + chunk);
        errBuffer += chunk;
        qsizetype end;
        while ((end = errBuffer.indexOf('\n')) >= 0) {
            if (errBuffer.left(end).contains("tray: repainted"))
                repaints << clock.elapsed();
            errBuffer.remove(0, end + 1);
        }
    });
    QStringList args{QStringLiteral("--config"), configPath};
    if (mode == QLatin1String("watch"))
        args.prepend(QStringLiteral("watch"));
    if (!g_window.isEmpty()) {
        // The tab the window opens on: the one it remembers (MainWindow's QSettings key).
        QDir().mkpath(home.filePath(QStringLiteral("config/channeltray")));
        QFile settings(home.filePath(QStringLiteral("config/channeltray/channeltray.conf")));
        if (settings.open(QIODevice::WriteOnly))
            settings.write(QByteArray("[mainWindow]\ntab=") + (g_window == QLatin1String("messages") ? "1" : "0")
                           + "\n");
    }
    clock.start();
    product.start(g_binary, args);
    if (!product.waitForStarted(10000)) {
        out() << "cannot start " << g_binary << "\n";
        return run;
    }
    const qint64 pid = product.processId();
    run.connected = waitUntil(
                        [&] {
                            return total() == n || product.state() != QProcess::Running
                                   || sampleProcess(pid).rssMiB > kRssLimitMiB;
                        },
                        180000)
                    && total() == n;
    run.connectS = clock.elapsed() / 1000.0;
    if (run.connected && !g_window.isEmpty() && mode == QLatin1String("tray")) {
        QProcess second; // asks the running tray to raise its window, then exits
        second.setProcessEnvironment(env);
        second.setStandardOutputFile(QProcess::nullDevice());
        second.setStandardErrorFile(QProcess::nullDevice());
        second.start(g_binary, args);
        second.waitForFinished(20000);
        idleFor(5000); // the window made, filled and painted: "RSS then" is with it open
    }
    run.atConnected = sampleProcess(pid);
    if (!run.connected) {
        out() << mode << " N=" << n << ": only " << total() << " connected after " << run.connectS << " s\n";
        product.kill();
        product.waitForFinished();
        return run;
    }
    const auto stopped = [&](const char *when) {
        out() << mode << " N=" << n << ": connected after " << run.connectS << " s, RSS then "
              << mib(run.atConnected.rssMiB) << ", passed " << mib(kRssLimitMiB) << " " << when << "; stopped\n";
        product.kill();
        product.waitForFinished();
        run.connected = false;
        return run;
    };
    if (!idleWatching(pid, 10000))
        return stopped("within 10 s");
    run.after10s = sampleProcessWithSegments(pid);
    if (!idleWatching(pid, 60000))
        return stopped("within 70 s");
    run.after60s = sampleProcessWithSegments(pid);
    run.idleCpuMsPerMin = cpuNsBetween(run.after10s, run.after60s) / 1e6;
    run.wakeupsPerMin = double(run.after60s.mainWakeups - run.after10s.mainWakeups);
    if (g_breakdown) {
        QProcess breakdown;
        breakdown.start(QStringLiteral(CHANNELTRAY_RSS_BREAKDOWN), {QString::number(pid)});
        breakdown.waitForFinished(20000);
        out() << mode << " N=" << n << " RSS by mapping:\n" << breakdown.readAllStandardOutput();
    }
    if (longRun) {
        idleFor(600000);
        run.afterLong = sampleProcess(pid);
        run.longIdleCpuMsPerMin = cpuNsBetween(run.after60s, run.afterLong) / 1e6 / 10.0;
        run.longWakeupsPerMin = (run.afterLong.mainWakeups - run.after60s.mainWakeups) / 10.0;
    }

    // Without a tray host when it starts, the tray runs in its window (fonts, a painted window,
    // a host watcher polling): RSS and idle CPU are then not the tray's. The test session's
    // panel can still be taking the tray selection when the product starts.
    run.trayIcon = mode != QLatin1String("tray") || !repaints.isEmpty();

    // The storm: every server drops every connection at once; all come back by themselves.
    const int repaintsBefore = int(repaints.size());
    const qint64 dropAt = clock.elapsed();
    for (const auto &s : servers)
        s->command("drop");
    waitUntil([&] { return total() < n; }, 10000);
    if (waitUntil([&] { return total() == n; }, 180000)) {
        run.reconnectS = (clock.elapsed() - dropAt) / 1000.0;
        idleFor(3000); // repaints that were still coming
        if (mode == QLatin1String("tray") && repaints.size() > repaintsBefore) {
            run.repaints = int(repaints.size()) - repaintsBefore;
            run.lastRepaintS = (repaints.last() - dropAt) / 1000.0;
        }
    }
    product.terminate();
    if (!product.waitForFinished(10000))
        product.kill();
    return run;
}

void print(const Run &r, bool longRun)
{
    QTextStream &o = out();
    o << QStringLiteral("%1 N=%2").arg(r.mode, -5).arg(r.accounts, 4);
    if (!g_window.isEmpty() && r.mode == QLatin1String("tray"))
        o << " (window on " << g_window << ")";
    if (!r.connected) {
        o << "  not all connected\n";
        o.flush();
        return;
    }
    o << "  connected after " << QString::number(r.connectS, 'f', 2) << " s"
      << "  RSS then " << mib(r.atConnected.rssMiB) << ", +10 s " << mib(r.after10s.rssMiB) << ", +70 s "
      << mib(r.after60s.rssMiB) << "  idle CPU " << QString::number(r.idleCpuMsPerMin, 'f', 1) << " ms/min"
      << " (utime+stime " << (r.after60s.cpuMs - r.after10s.cpuMs) << " ms, " << qint64(r.wakeupsPerMin)
      << " wake-ups/min, frames/min in " << segmentsInBetween(r.after10s, r.after60s) << " out "
      << segmentsOutBetween(r.after10s, r.after60s) << ")"
      << "  threads " << r.after60s.threads;
    if (longRun)
        o << "  after 10 more min: RSS " << mib(r.afterLong.rssMiB) << " ("
          << QString::number(r.afterLong.rssMiB - r.atConnected.rssMiB, 'f', 2)
          << " MiB since connected), idle CPU " << QString::number(r.longIdleCpuMsPerMin, 'f', 1) << " ms/min, "
          << qint64(r.longWakeupsPerMin) << " wake-ups/min";
    if (r.reconnectS >= 0)
        o << "  storm: all back after " << QString::number(r.reconnectS, 'f', 2) << " s";
    else
        o << "  storm: not all came back";
    if (!r.trayIcon)
        o << "  NOT A VALID RUN: no tray icon (no tray host at start), the tray ran in its window";
    if (r.repaints >= 0)
        o << ", last repaint at +" << QString::number(r.lastRepaintS, 'f', 2) << " s, " << r.repaints
          << " repaints";
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        o << "  load " << loadavg.readAll().split(' ').mid(0, 3).join(' ');
    o << "\n";
    o.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The real tray and watch with many accounts"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("accounts"), QStringLiteral("Account counts (default 1,100,1000)."),
                      QStringLiteral("list"), QStringLiteral("1,100,1000")});
    parser.addOption({QStringLiteral("mode"), QStringLiteral("tray, watch or both (default both)."),
                      QStringLiteral("mode"), QStringLiteral("both")});
    parser.addOption({QStringLiteral("long"), QStringLiteral("Also idle 10 more minutes.")});
    parser.addOption({QStringLiteral("binary"),
                      QStringLiteral("The channeltray to measure (default: this build's)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("log"), QStringLiteral("Append the product's stderr to this file."),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("breakdown"), QStringLiteral("Print where the RSS goes (smaps) after the 70 s sample.")});
    parser.addOption(
        {QStringLiteral("window"),
         QStringLiteral("tray: open the main window on this tab once connected (accounts or messages)."),
         QStringLiteral("tab")});
    parser.addOption(
        {QStringLiteral("server-pings"),
         QStringLiteral("each (default: every stream on its own 45 s ticker from its connect, as "
                        "the real Gotify server), spread (each on its own ticker at a random phase, as "
                        "on a server whose clients connected at any time) or burst (all streams at "
                        "once every 45 s)."),
         QStringLiteral("how"), QStringLiteral("each")});
    parser.addOption({QStringLiteral("gotify-only"),
                      QStringLiteral("Every account a Gotify one (default: half Gotify, half OpenIM).")});
    parser.addOption({QStringLiteral("tls"),
                      QStringLiteral("The Gotify servers serve https:// and wss:// (the accounts trust a CA "
                                     "made for the run).")});
    parser.process(app);
    g_tls = parser.isSet(QStringLiteral("tls"));
    g_gotifyOnly = parser.isSet(QStringLiteral("gotify-only"));
    g_window = parser.value(QStringLiteral("window"));
    g_burstPings = parser.value(QStringLiteral("server-pings")) == QLatin1String("burst");
    g_spreadPings = parser.value(QStringLiteral("server-pings")) == QLatin1String("spread");
    g_breakdown = parser.isSet(QStringLiteral("breakdown"));
    g_logPath = parser.value(QStringLiteral("log"));
    if (parser.isSet(QStringLiteral("binary")))
        g_binary = parser.value(QStringLiteral("binary"));
    const QString mode = parser.value(QStringLiteral("mode"));
    QStringList modes = mode == QLatin1String("both")
                            ? QStringList{QStringLiteral("tray"), QStringLiteral("watch")}
                            : QStringList{mode};
    const bool longRun = parser.isSet(QStringLiteral("long"));
    out() << "Gotify servers ping "
          << (g_burstPings    ? "every stream at once every 45 s"
              : g_spreadPings ? "each stream on its own 45 s ticker, at a random phase"
                              : "each stream on its own 45 s ticker")
          << "\n";
    for (const QString &m : modes)
        for (const QString &count : parser.value(QStringLiteral("accounts")).split(QLatin1Char(',')))
            print(runOnce(m, count.toInt(), longRun), longRun);
    return 0;
}
