#include "servercontrol.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <unistd.h>

namespace ct::testserver {

ServerControl::ServerControl(QObject *parent) : QObject(parent)
{
    m_reportDelay.setSingleShot(true);
    m_reportDelay.setInterval(50);
    connect(&m_reportDelay, &QTimer::timeout, this, &ServerControl::report);
    m_commands.insert(QStringLiteral("quit"), [] { QCoreApplication::quit(); });
}

void ServerControl::listenOnStdin()
{
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &ServerControl::readCommand);
}

void ServerControl::addCommand(const QString &name, std::function<void()> handler)
{
    m_commands.insert(name, std::move(handler));
}

void ServerControl::setConnections(int n)
{
    m_connections = n;
    if (m_reporting && !m_reportDelay.isActive())
        m_reportDelay.start();
}

void ServerControl::readCommand()
{
    char buffer[512];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) { // the driving process went away: nothing will ever be asked again
        m_stdin->setEnabled(false);
        return;
    }
    m_pending.append(buffer, qsizetype(n));
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QString command = QString::fromUtf8(m_pending.left(end)).trimmed();
        m_pending.remove(0, end + 1);
        if (const auto handler = m_commands.value(command))
            handler();
        else if (!command.isEmpty())
            QTextStream(stderr) << "unknown command: " << command << '\n';
    }
}

void ServerControl::report()
{
    if (m_connections == m_reported)
        return;
    m_reported = m_connections;
    QTextStream out(stdout);
    out << "{\"connections\":" << m_connections << "}\n";
    out.flush();
}

} // namespace ct::testserver
