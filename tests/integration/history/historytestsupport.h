#pragma once
// Running history_writer and reading what it printed.
#include <QProcess>
#include <QStringList>

namespace ct::test {

inline QString historyWriterPath()
{
    return QStringLiteral(HISTORY_WRITER_PATH);
}

// Complete lines only: a line cut short by a kill is not a delivery.
inline QStringList completeLines(const QByteArray &output)
{
    QStringList lines = QString::fromLatin1(output).split(QLatin1Char('\n'));
    lines.removeLast(); // empty after a final '\n', or an unfinished line
    return lines;
}

// Runs the writer to completion; returns the ids it delivered.
inline QStringList runWriter(const QString &db, qint64 from, qint64 to, int *exitCode = nullptr)
{
    QProcess p;
    p.start(historyWriterPath(), {db, QString::number(from), QString::number(to)});
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return completeLines(p.readAllStandardOutput());
}

} // namespace ct::test
