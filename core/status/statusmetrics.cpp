#include "statusmetrics.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace ct {

namespace {

QByteArray escapeLabel(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 15);
}

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += QByteArrayLiteral("# HELP ") + name + ' ' + help + '\n';
        m_out += QByteArrayLiteral("# TYPE ") + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, const QByteArray &labels, const QByteArray &value)
    {
        m_out += name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + value + '\n';
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

QByteArray accountLabels(const AccountStatus &s)
{
    return "account=\"" + escapeLabel(s.address.toString()) + "\",channel=\"" + escapeLabel(s.address.channel)
           + '"';
}

} // namespace

ProcessFigures readProcessFigures()
{
    ProcessFigures f;
#ifdef Q_OS_LINUX
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readAll().split(' ');
        if (fields.size() > 1)
            f.residentBytes = fields[1].toLongLong() * sysconf(_SC_PAGESIZE);
    }
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (fds.exists()) {
        f.openFds = 0;
        f.openSockets = 0;
        for (const QString &name : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
            ++f.openFds;
            char target[64];
            const QByteArray link = QFile::encodeName(fds.filePath(name));
            const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
            if (n > 0 && QByteArray(target, int(n)).startsWith("socket:"))
                ++f.openSockets;
        }
    }
#endif
    return f;
}

QByteArray metricsText(const QList<AccountStatus> &accounts, quint64 storeErrors, const ProcessFigures &process,
                       int heldMessages)
{
    Writer w;
    w.family("channeltray_account_state", "gauge", "1 for the state the account is in, 0 for the others.");
    for (const AccountStatus &s : accounts)
        for (AccountState st :
             {AccountState::Disabled, AccountState::Connecting, AccountState::Connected, AccountState::Backoff,
              AccountState::Refreshing, AccountState::NeedsLogin, AccountState::Failed, AccountState::Offline})
            w.sample("channeltray_account_state",
                     accountLabels(s) + ",state=\"" + accountStateName(st).toUtf8() + '"',
                     s.state == st ? "1" : "0");

    w.family("channeltray_account_state_since_timestamp_seconds", "gauge",
             "When the account entered its current state (Unix time).");
    for (const AccountStatus &s : accounts)
        if (s.since.isValid())
            w.sample("channeltray_account_state_since_timestamp_seconds", accountLabels(s),
                     number(double(s.since.toMSecsSinceEpoch()) / 1000.0));

    w.family("channeltray_account_connected_seconds_total", "counter",
             "Time the account spent connected since the process started.");
    for (const AccountStatus &s : accounts)
        w.sample("channeltray_account_connected_seconds_total", accountLabels(s), number(s.connectedSeconds));

    w.family("channeltray_account_reconnects_total", "counter",
             "Connections established again after the account had been connected once.");
    for (const AccountStatus &s : accounts)
        w.sample("channeltray_account_reconnects_total", accountLabels(s), QByteArray::number(s.reconnects));

    w.family("channeltray_messages_received_total", "counter",
             "Messages delivered (stored once, de-duplicated), by how they arrived.");
    for (const AccountStatus &s : accounts) {
        w.sample("channeltray_messages_received_total", accountLabels(s) + ",via=\"stream\"",
                 QByteArray::number(s.messagesStream));
        w.sample("channeltray_messages_received_total", accountLabels(s) + ",via=\"catchup\"",
                 QByteArray::number(s.messagesCatchup));
    }

    w.family("channeltray_catchup_messages", "histogram",
             "Messages fetched by each catch-up after a (re)connect.");
    for (const AccountStatus &s : accounts) {
        for (size_t i = 0; i < kCatchupBuckets.size(); ++i)
            w.sample("channeltray_catchup_messages_bucket",
                     accountLabels(s) + ",le=\"" + QByteArray::number(kCatchupBuckets[i]) + '"',
                     QByteArray::number(s.catchupBuckets[i]));
        w.sample("channeltray_catchup_messages_bucket", accountLabels(s) + ",le=\"+Inf\"",
                 QByteArray::number(s.catchupCount));
        w.sample("channeltray_catchup_messages_sum", accountLabels(s), QByteArray::number(s.catchupSum));
        w.sample("channeltray_catchup_messages_count", accountLabels(s), QByteArray::number(s.catchupCount));
    }

    w.family("channeltray_token_refresh_attempts_total", "counter",
             "Token refresh attempts by result: ok, retry (failed, another attempt follows), failed (for good).");
    for (const AccountStatus &s : accounts) {
        if (s.address.channel != kOpenImChannel)
            continue;
        w.sample("channeltray_token_refresh_attempts_total", accountLabels(s) + ",result=\"ok\"",
                 QByteArray::number(s.refreshOk));
        w.sample("channeltray_token_refresh_attempts_total", accountLabels(s) + ",result=\"retry\"",
                 QByteArray::number(s.refreshRetry));
        w.sample("channeltray_token_refresh_attempts_total", accountLabels(s) + ",result=\"failed\"",
                 QByteArray::number(s.refreshFailed));
    }

    w.family("channeltray_token_expiry_timestamp_seconds", "gauge",
             "When the account's token expires (Unix time), when known.");
    for (const AccountStatus &s : accounts)
        if (s.tokenExpiresAt.isValid())
            w.sample("channeltray_token_expiry_timestamp_seconds", accountLabels(s),
                     number(double(s.tokenExpiresAt.toMSecsSinceEpoch()) / 1000.0));

    w.family("channeltray_last_message_timestamp_seconds", "gauge",
             "When the account's newest message was delivered (Unix time), when one was.");
    for (const AccountStatus &s : accounts)
        if (s.lastMessageAt.isValid())
            w.sample("channeltray_last_message_timestamp_seconds", accountLabels(s),
                     number(double(s.lastMessageAt.toMSecsSinceEpoch()) / 1000.0));

    w.family("channeltray_unread_messages", "gauge", "Unread messages in the history, per account.");
    for (const AccountStatus &s : accounts)
        if (s.unread >= 0)
            w.sample("channeltray_unread_messages", accountLabels(s), QByteArray::number(s.unread));

    w.family("channeltray_history_store_errors_total", "counter",
             "Batches of messages the history store failed to commit.");
    w.sample("channeltray_history_store_errors_total", {}, QByteArray::number(storeErrors));
    w.family("channeltray_history_held_messages", "gauge",
             "Received messages held in memory because the history does not take writes.");
    w.sample("channeltray_history_held_messages", {}, QByteArray::number(heldMessages));

    if (process.residentBytes >= 0) {
        w.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        w.sample("process_resident_memory_bytes", {}, QByteArray::number(process.residentBytes));
    }
    if (process.openFds >= 0) {
        w.family("process_open_fds", "gauge", "Number of open file descriptors.");
        w.sample("process_open_fds", {}, QByteArray::number(process.openFds));
    }
    if (process.openSockets >= 0) {
        w.family("channeltray_process_open_sockets", "gauge", "Open sockets of the process (network and local).");
        w.sample("channeltray_process_open_sockets", {}, QByteArray::number(process.openSockets));
    }
    return w.take();
}

} // namespace ct
