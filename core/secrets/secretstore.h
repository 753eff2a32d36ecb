#pragma once
// Account secrets in the OS keychain (QtKeychain: Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Service "channeltray", key "<channel>/<accountId>/<field>".
//
// Operations are queued and run one at a time in the order they were asked for; the next one
// starts from a queued call, never from inside the previous job's finished handler. Each
// result comes to the optional callback and to finished(). When the keychain is not up yet
// (no backend), an operation is retried once after retryDelayMs(). There is never a
// plain-text fallback. Secret values are never logged.
#include "config/accountaddress.h"
#include "secretresult.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>

namespace QKeychain {
class Job;
}

namespace ct {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    static constexpr QLatin1StringView kDefaultService{"channeltray"};
    // The secret fields an account can have: token (OpenIM), appToken, clientToken (Gotify).
    static QStringList knownFields();
    // "<channel>/<accountId>/<field>"; empty when the address is invalid or the field unknown.
    static QString keyFor(const AccountAddress &address, const QString &field);

    explicit SecretStore(QObject *parent = nullptr);
    // A different service name, for tests that must not touch real entries.
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    // Queued operations that have not finished are dropped without calling their callbacks.
    ~SecretStore() override;

    QString service() const { return m_service; }

    // Each returns a request id (never 0), also carried by finished(). An invalid address or
    // unknown field fails with SecretError::Other without touching the keychain.
    quint64 read(const AccountAddress &address, const QString &field, Callback callback = {});
    quint64 write(const AccountAddress &address, const QString &field, const QString &value,
                  Callback callback = {});
    // Removing an entry that does not exist succeeds.
    quint64 remove(const AccountAddress &address, const QString &field, Callback callback = {});

    // FOR COMMAND-LINE CODE ONLY: queue the operation and spin a local QEventLoop until it
    // finishes or timeoutMs passes (then SecretError::Other). A nested event loop delivers
    // other events (timers, sockets, deleteLater) meanwhile, so never call these from a GUI
    // slot or from inside another SecretStore callback. Needs a QCoreApplication. After a
    // timeout the operation stays queued (later ones wait behind it) until the keychain answers.
    SecretResult readBlocking(const AccountAddress &address, const QString &field, int timeoutMs = 30000);
    SecretResult writeBlocking(const AccountAddress &address, const QString &field, const QString &value,
                               int timeoutMs = 30000);
    SecretResult removeBlocking(const AccountAddress &address, const QString &field, int timeoutMs = 30000);

    int pending() const { return int(m_queue.size()); } // queued, including the running one
    bool busy() const { return m_running; }

    int retryDelayMs() const { return m_retryTimer.interval(); }
    void setRetryDelayMs(int ms) { m_retryTimer.setInterval(ms); }

Q_SIGNALS:
    // After the callback of the same request. `result.value` holds the secret for reads.
    void finished(quint64 requestId, ct::SecretStore::Operation operation, const QString &key,
                  const ct::SecretResult &result);
    // The keychain was not reachable; the request is tried once more after delayMs.
    void retryScheduled(quint64 requestId, int delayMs);

private:
    struct Request
    {
        quint64 id = 0;
        Operation operation = Operation::Read;
        QString key;
        QString value;
        Callback callback;
        int attempt = 0;
        bool invalid = false;
    };

    quint64 enqueue(Operation operation, const AccountAddress &address, const QString &field, const QString &value,
                    Callback callback);
    SecretResult runBlocking(const std::function<quint64(Callback)> &start, int timeoutMs);
    void scheduleNext();
    void startNext();
    void startJob();
    void onJobFinished(QKeychain::Job *job);
    void finishFront(const SecretResult &result);

    QString m_service;
    std::deque<Request> m_queue; // front() is the running request while m_running
    QTimer m_retryTimer;
    quint64 m_nextId = 1;
    bool m_running = false;
    bool m_scheduled = false;
};

} // namespace ct
