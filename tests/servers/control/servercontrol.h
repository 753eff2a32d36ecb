#pragma once
// Lets another process drive a loopback server program: one command per line on stdin
// ("drop", "quit", …, each mapped to a handler) and, when asked, the number of open client
// connections as a JSON line on stdout ({"connections":N}) whenever it changes, coalesced to
// at most one line per 50 ms so a thousand connects make a handful of lines.
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

class QSocketNotifier;

namespace ct::testserver {

class ServerControl : public QObject
{
    Q_OBJECT
public:
    explicit ServerControl(QObject *parent = nullptr);

    // Starts reading commands from stdin; "quit" is built in (exits the event loop).
    void listenOnStdin();
    void addCommand(const QString &name, std::function<void()> handler);

    // Reports are printed only once enabled.
    void setReporting(bool on) { m_reporting = on; }
    void connectionOpened() { setConnections(m_connections + 1); }
    void connectionClosed() { setConnections(m_connections - 1); }
    void setConnections(int n);

private:
    void readCommand();
    void report();

    QSocketNotifier *m_stdin = nullptr;
    QHash<QString, std::function<void()>> m_commands;
    QByteArray m_pending;
    QTimer m_reportDelay;
    int m_connections = 0;
    int m_reported = -1;
    bool m_reporting = false;
};

} // namespace ct::testserver
