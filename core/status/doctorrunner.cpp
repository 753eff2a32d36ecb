#include "doctorrunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace ct {

namespace {
constexpr qint64 kMaxOutput = 4 * 1024 * 1024;

HttpReply errorReply(int status, const QString &message)
{
    return {status,
            "application/json",
            QJsonDocument(QJsonObject{{"ok", false}, {"error", message}}).toJson(QJsonDocument::Compact),
            {}};
}
} // namespace

struct DoctorRunner::Kind
{
    QProcess *process = nullptr;
    QTimer timer;
    QByteArray output;
    QList<StatusHttpServer::Reply> waiting;
    HttpReply last;
    QElapsedTimer lastAt; // invalid until a run finished
};

DoctorRunner::DoctorRunner(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_plain(std::make_unique<Kind>()), m_probe(std::make_unique<Kind>())
{
    for (Kind *k : {m_plain.get(), m_probe.get()})
        k->timer.setSingleShot(true);
}

DoctorRunner::~DoctorRunner()
{
    for (Kind *k : {m_plain.get(), m_probe.get()})
        if (k->process) {
            k->process->disconnect(this);
            k->process->kill();
            k->process->waitForFinished(1000);
        }
}

void DoctorRunner::run(bool probe, StatusHttpServer::Reply reply)
{
    Kind &kind = probe ? *m_probe : *m_plain;
    const int reuseMs = probe ? m_options.probeIntervalMs : m_options.plainReuseMs;
    if (!kind.process && kind.lastAt.isValid() && kind.lastAt.elapsed() < reuseMs) {
        HttpReply cached = kind.last;
        cached.headers.append({"Age", QByteArray::number(kind.lastAt.elapsed() / 1000)});
        reply(cached);
        return;
    }
    kind.waiting.append(std::move(reply));
    if (!kind.process)
        start(kind, probe);
}

void DoctorRunner::start(Kind &kind, bool probe)
{
    ++m_runs;
    kind.output.clear();
    auto *p = new QProcess(this);
    kind.process = p;
    QStringList args{QStringLiteral("--config"), m_options.configPath, QStringLiteral("doctor"),
                     QStringLiteral("--json")};
    if (probe)
        args << QStringLiteral("--probe");
    p->setProgram(m_options.program);
    p->setArguments(args);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->setStandardErrorFile(QProcess::nullDevice());
    connect(p, &QProcess::readyReadStandardOutput, this, [this, &kind, p] {
        kind.output += p->readAllStandardOutput();
        if (kind.output.size() > kMaxOutput) {
            p->disconnect(this);
            p->kill();
            finish(kind, errorReply(500, QStringLiteral("doctor printed more than expected")));
        }
    });
    connect(p, &QProcess::finished, this, [this, &kind, p] {
        kind.output += p->readAllStandardOutput();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(kind.output.trimmed(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            finish(kind, errorReply(500, QStringLiteral("doctor did not print a JSON document (exit code %1)")
                                             .arg(p->exitCode())));
            return;
        }
        const bool ok = doc.object().value(QStringLiteral("ok")).toBool();
        finish(kind, {ok ? 200 : 503, "application/json", doc.toJson(QJsonDocument::Compact), {}});
    });
    connect(p, &QProcess::errorOccurred, this, [this, &kind, p](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // a crash or a kill ends in finished() too
        p->disconnect(this);
        finish(kind, errorReply(500, QStringLiteral("could not run doctor: %1").arg(p->errorString())));
    });
    kind.timer.disconnect(this);
    connect(&kind.timer, &QTimer::timeout, this, [this, &kind, p] {
        p->disconnect(this);
        p->kill();
        finish(kind, errorReply(504, QStringLiteral("doctor did not finish in time")));
    });
    kind.timer.start(probe ? m_options.probeTimeoutMs : m_options.timeoutMs);
    p->start();
}

void DoctorRunner::finish(Kind &kind, const HttpReply &reply)
{
    kind.timer.stop();
    if (kind.process) {
        QProcess *p = kind.process;
        kind.process = nullptr;
        p->disconnect(this);
        // deleteLater only once it has ended (a killed child is reaped by QProcess).
        if (p->state() == QProcess::NotRunning)
            p->deleteLater();
        else
            connect(p, &QProcess::finished, p, &QObject::deleteLater);
    }
    if (reply.status == 200 || reply.status == 503) {
        kind.last = reply;
        kind.lastAt.start();
    }
    const QList<StatusHttpServer::Reply> waiting = std::exchange(kind.waiting, {});
    for (const StatusHttpServer::Reply &r : waiting)
        r(reply);
}

} // namespace ct
