#pragma once
// GET /doctor: the `doctor --json` document, produced by the program itself
// (`<program> --config <path> doctor --json [--probe]`) in a child process, so the keychain
// reads and the blocking server probes of `doctor` never run on the event loop that carries
// the accounts. Concurrent requests share one run. Probing asks every server, so it is rate
// limited: a probe document is reused for probeIntervalMs (answered with an Age header); a
// plain one for plainReuseMs. A run that outlives its timeout is killed (504).
// The child gets the config path only; doctor prints no token.
#include "statushttpserver.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class QProcess;

namespace ct {

class DoctorRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString program; // the channeltray executable
        QString configPath;
        int timeoutMs = 30000;
        int probeTimeoutMs = 90000;
        int probeIntervalMs = 60000;
        int plainReuseMs = 2000;
    };
    explicit DoctorRunner(const Options &options, QObject *parent = nullptr);
    ~DoctorRunner() override;
    void setOptions(const Options &options) { m_options = options; }

    void run(bool probe, StatusHttpServer::Reply reply);
    int runsStarted() const { return m_runs; }

private:
    struct Kind;
    void start(Kind &kind, bool probe);
    void finish(Kind &kind, const HttpReply &reply);

    Options m_options;
    std::unique_ptr<Kind> m_plain;
    std::unique_ptr<Kind> m_probe;
    int m_runs = 0;
};

} // namespace ct
