#pragma once
// `channeltray watch --json` as a child process against the loopback Gotify server: its
// printed lines, split into message ids and history lines. Tokens go in a 0600 config file.
#include "servers/gotify/gotifyserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

namespace ct::test {

inline QString channeltrayBinary()
{
    return qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray");
}

inline QString writeWatchConfig(const QString &path, const testserver::GotifyServer &server)
{
    const QJsonObject account{
        {QStringLiteral("serverUrl"), server.url().toString()},
        {QStringLiteral("clientToken"), server.clientToken()},
        {QStringLiteral("inbound"), QJsonObject{{QStringLiteral("reconnectDelayMs"), 50},
                                                {QStringLiteral("maxReconnectDelayMs"), 500},
                                                {QStringLiteral("maxReconnectAttempts"), 1000}}}};
    const QJsonObject root{
        {QStringLiteral("channels"),
         QJsonObject{{QStringLiteral("gotify"),
                      QJsonObject{{QStringLiteral("accounts"), QJsonObject{{QStringLiteral("ops"), account}}}}}}}};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(root).toJson());
    return path;
}

// `channeltray doctor --json` (config and data home as a watch run has them): its "history" part.
inline QJsonObject doctorHistory(const QString &config, const QString &dataHome)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
    p.setProcessEnvironment(env);
    p.start(channeltrayBinary(),
            {QStringLiteral("--config"), config, QStringLiteral("doctor"), QStringLiteral("--json")});
    p.waitForFinished(30000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("history")).toObject();
}

// Whether one of the strings of doctorHistory()'s list `key` ("problems", "notes") holds text.
inline bool doctorSaid(const QJsonObject &history, const char *key, const QString &text)
{
    const QJsonArray list = history.value(QLatin1String(key)).toArray();
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const QJsonValue &v) { return v.toString().contains(text); });
}

// A suite's temporary folder: a new data home per run ("<what>-<n>"), config files beside them.
class RunFolders
{
public:
    QString fresh(const QString &what)
    {
        const QString d = filePath(QStringLiteral("%1-%2").arg(what).arg(++m_runs));
        QDir().mkpath(d);
        return d;
    }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_runs = 0;
};

class WatchProcess : public QObject
{
public:
    WatchProcess(const QString &config, const QString &dataHome) : m_config(config), m_dataHome(dataHome)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { read(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, this,
                         [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~WatchProcess() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Before start(): its stdout goes to this file (a FIFO the test reads), not to keys()/ids().
    void setStandardOutputFile(const QString &path) { m_process.setStandardOutputFile(path); }
    // Before start(): run it through this launcher (program and its arguments; the binary and
    // its arguments follow them); pid() is then the launcher's.
    void setLauncher(const QStringList &launcher) { m_launcher = launcher; }
    bool start()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome);
        env.remove(QStringLiteral("CHANNELTRAY_CONFIG"));
        m_process.setProcessEnvironment(env);
        const QStringList arguments{QStringLiteral("--config"), m_config, QStringLiteral("watch"),
                                    QStringLiteral("--json")};
        if (m_launcher.isEmpty())
            m_process.start(channeltrayBinary(), arguments);
        else
            m_process.start(m_launcher.first(), m_launcher.mid(1) + QStringList{channeltrayBinary()} + arguments);
        return m_process.waitForStarted(10000);
    }
    // start(), then waits until it says it is connected and the server has `streams` streams
    // (this one's and those of the processes started before it).
    bool startConnected(const testserver::GotifyServer &server, int streams = 1)
    {
        if (!start())
            return false;
        const QDeadlineTimer deadline(20000); // the soak program uses this header too: no QtTest here
        while (!(m_connected && server.streamCount() == streams)) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(5);
        }
        return true;
    }
    void kill9()
    {
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(10000);
        read();
    }
    bool stop() // SIGTERM: ends like --timeout would
    {
        m_process.terminate();
        const bool ok = m_process.waitForFinished(20000) && m_process.exitStatus() == QProcess::NormalExit
                        && m_process.exitCode() == 0;
        read();
        return ok;
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    bool connected() const { return m_connected; }
    const QStringList &ids() const { return m_ids; }   // message ids, in printed order
    const QStringList &keys() const { return m_keys; } // "<account> <id>" of each printed message
    int connectedAccounts() const { return int(m_connectedAccounts.size()); }
    qint64 pid() const { return m_process.processId(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    const QList<QJsonObject> &historyLines() const { return m_history; }
    bool saidHistory(const QString &state) const
    {
        for (const QJsonObject &o : m_history)
            if (o.value(QStringLiteral("state")).toString() == state)
                return true;
        return false;
    }
    QByteArray stderrText() const { return m_stderr; }

private:
    void read()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject o = QJsonDocument::fromJson(m_buffer.left(end)).object();
            m_buffer.remove(0, end + 1);
            const QString type = o.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("message")) {
                m_ids << o.value(QStringLiteral("id")).toString();
                m_keys << o.value(QStringLiteral("account")).toString() + QLatin1Char(' ') + m_ids.last();
            } else if (type == QLatin1String("history")) {
                m_history << o;
            } else if (type == QLatin1String("state")
                       && o.value(QStringLiteral("state")).toString() == QLatin1String("connected")) {
                m_connected = true;
                m_connectedAccounts.insert(o.value(QStringLiteral("account")).toString());
            }
        }
    }

    QString m_config;
    QString m_dataHome;
    QStringList m_launcher;
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QStringList m_ids;
    QStringList m_keys;
    QSet<QString> m_connectedAccounts;
    QList<QJsonObject> m_history;
    bool m_connected = false;
};

} // namespace ct::test
