#pragma once
// Shared by the status endpoint's integration suites: one sample of a
// /metrics text, and promtool over a /metrics text.
#include "unit/status/rawhttp.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ct::test {

// The value of `name{labels}` in a Prometheus text, labels written in the order emitted;
// -1 when absent.
inline double metricValue(const QByteArray &text, const QByteArray &nameAndLabels)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(nameAndLabels + ' '))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

struct PromtoolResult
{
    bool found = false;
    int exitCode = -1;
    QString output;
};

// `promtool check metrics` reads the exposition on stdin; it exits non-zero on format errors
// and on lint problems (naming rules).
inline PromtoolResult promtoolCheck(const QByteArray &metrics)
{
    PromtoolResult r;
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        return r;
    r.found = true;
    QProcess p;
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    p.waitForStarted();
    p.write(metrics);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return r;
}

} // namespace ct::test
