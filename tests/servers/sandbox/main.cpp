// channeltray-sandbox --write-config PATH [--interval-ms N] [--quiet] [--once]
// The demo: loopback Gotify and OpenIM servers with a trickle of messages, and a config for the
// tray that points at them. Runs until SIGINT/SIGTERM (exit 0). Never prints a token.
#include "process/signalwatcher.h"
#include "sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <utility>

namespace {
void printLine(const QString &line)
{
    QTextStream err(stderr);
    err << line << '\n';
    err.flush();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("channeltray-sandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Demo sandbox: loopback Gotify and OpenIM servers on 127.0.0.1, a demo config for the tray, "
        "and a trickle of messages until SIGINT/SIGTERM."));
    parser.addHelpOption();
    const QCommandLineOption writeConfig(QStringLiteral("write-config"),
                                         QStringLiteral("Write the demo config to PATH (required)."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"),
                                      QStringLiteral("Milliseconds between message bursts (default 4000)."),
                                      QStringLiteral("N"), QStringLiteral("4000"));
    const QCommandLineOption tokenLifetime(QStringLiteral("token-lifetime-s"),
                                           QStringLiteral("Lifetime of the first OpenIM token (default 40)."),
                                           QStringLiteral("S"), QStringLiteral("40"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No line per event on stderr."));
    const QCommandLineOption once(QStringLiteral("once"),
                                  QStringLiteral("Seed the servers, write the config, and exit."));
    parser.addOptions({writeConfig, interval, tokenLifetime, quiet, once});
    parser.process(app);

    auto usage = [](const QString &message) {
        printLine(QStringLiteral("channeltray-sandbox: %1 (see --help)").arg(message));
        return 2;
    };
    ct::sandbox::SandboxOptions options;
    options.configPath = parser.value(writeConfig);
    if (options.configPath.isEmpty())
        return usage(QStringLiteral("--write-config PATH is required"));
    bool ok = false;
    options.intervalMs = parser.value(interval).toInt(&ok);
    if (!ok || options.intervalMs < 100)
        return usage(QStringLiteral("--interval-ms expects a number of at least 100"));
    options.tokenLifetimeSecs = parser.value(tokenLifetime).toLongLong(&ok);
    if (!ok || options.tokenLifetimeSecs < 1)
        return usage(QStringLiteral("--token-lifetime-s expects a positive number"));
    options.quiet = parser.isSet(quiet);

    // Installed first, so that a SIGTERM during start-up still ends the process cleanly.
    ct::SignalWatcher signalWatcher;
    int exitCode = 0;
    auto sandbox = std::make_unique<ct::sandbox::Sandbox>(options, printLine);
    QString error;
    if (!sandbox->start(&error)) {
        printLine(QStringLiteral("channeltray-sandbox: %1").arg(error));
        return 1;
    }
    if (parser.isSet(once))
        return 0;
    // Every signal received is said, also one that arrives while it stops: a test proves that
    // nobody sent it SIGTERM by sending SIGINT itself and reading that this was the only one.
    bool stopping = false;
    QObject::connect(&signalWatcher, &ct::SignalWatcher::signalled, &app, [&](int signalNumber) {
        printLine(QStringLiteral("sandbox: %1, stopping the servers")
                      .arg(signalNumber == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM")));
        if (std::exchange(stopping, true))
            return;
        sandbox->stop();
        QCoreApplication::exit(exitCode);
    });
    sandbox->startTraffic();
    const int rc = app.exec();
    sandbox.reset();
    printLine(QStringLiteral("sandbox: stopped"));
    return rc;
}
