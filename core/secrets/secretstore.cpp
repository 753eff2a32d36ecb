#include "secretstore.h"

#include "keychainerror.h"
#include "logging/logging.h"
#include "secretserviceprobe.h"

#include <QEventLoop>
#include <QPointer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace ct {
namespace {

constexpr int kDefaultRetryDelayMs = 500;

const char *operationName(SecretStore::Operation operation)
{
    switch (operation) {
    case SecretStore::Operation::Read:
        return "read";
    case SecretStore::Operation::Write:
        return "write";
    case SecretStore::Operation::Remove:
        return "remove";
    }
    return "?";
}

} // namespace

QStringList SecretStore::knownFields()
{
    return {QStringLiteral("token"), QStringLiteral("appToken"), QStringLiteral("clientToken")};
}

QString SecretStore::keyFor(const AccountAddress &address, const QString &field)
{
    if (!address.isValid() || address.channel.contains(QLatin1Char('/')) || !knownFields().contains(field))
        return QString();
    return address.toString() + QLatin1Char('/') + field;
}

SecretStore::SecretStore(QObject *parent) : SecretStore(kDefaultService, parent) {}

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(kDefaultRetryDelayMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &SecretStore::startJob);
}

SecretStore::~SecretStore() = default;

quint64 SecretStore::read(const AccountAddress &address, const QString &field, Callback callback)
{
    return enqueue(Operation::Read, address, field, QString(), std::move(callback));
}

quint64 SecretStore::write(const AccountAddress &address, const QString &field, const QString &value,
                           Callback callback)
{
    return enqueue(Operation::Write, address, field, value, std::move(callback));
}

quint64 SecretStore::remove(const AccountAddress &address, const QString &field, Callback callback)
{
    return enqueue(Operation::Remove, address, field, QString(), std::move(callback));
}

quint64 SecretStore::enqueue(Operation operation, const AccountAddress &address, const QString &field,
                             const QString &value, Callback callback)
{
    Request request;
    request.id = m_nextId++;
    request.operation = operation;
    request.key = keyFor(address, field);
    request.invalid = request.key.isEmpty();
    if (request.invalid) // keep something readable for the log and the signal
        request.key = address.toString() + QLatin1Char('/') + field;
    request.value = value;
    request.callback = std::move(callback);
    qCDebug(lcSecrets).noquote() << "queue" << operationName(operation) << request.key << "as" << request.id;
    m_queue.push_back(std::move(request));
    scheduleNext();
    return m_queue.back().id;
}

void SecretStore::scheduleNext()
{
    if (m_scheduled || m_running || m_queue.empty())
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this, [this] { startNext(); }, Qt::QueuedConnection);
}

void SecretStore::startNext()
{
    m_scheduled = false;
    if (m_running || m_queue.empty())
        return;
    m_running = true;
    const Request &request = m_queue.front();
    if (request.invalid) {
        finishFront(SecretResult{SecretError::Other, QString(),
                                 tr("Invalid keychain entry \"%1\": expected "
                                    "<channel>/<account>/<token|appToken|clientToken>.")
                                     .arg(request.key)});
        return;
    }
    startJob();
}

void SecretStore::startJob()
{
    if (!m_running || m_queue.empty())
        return;
    const Request &request = m_queue.front();
    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(request.value);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // The job deletes itself after finished(); it has no parent, so a job still running in
    // libsecret when this store goes away is not freed under it.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(request.key);
    connect(job, &QKeychain::Job::finished, this, &SecretStore::onJobFinished);
    qCDebug(lcSecrets).noquote() << "start" << operationName(request.operation) << request.key << "attempt"
                                 << request.attempt + 1;
    job->start();
}

void SecretStore::onJobFinished(QKeychain::Job *job)
{
    if (!m_running || m_queue.empty())
        return;
    Request &request = m_queue.front();
    if (job->error() != QKeychain::NoError)
        qCDebug(lcSecrets).noquote() << "keychain error" << int(job->error()) << "for" << request.key << "-"
                                     << job->errorString();
    SecretResult result = secretResultFromKeychain(job->error(), job->errorString(), request.key);
    if (result.ok() && request.operation == Operation::Read) {
        if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            result.value = readJob->textData();
    }
    // A locked collection hides its items (libsecret says "not found" when it cannot prompt
    // for the password): the entry may well be there, so say the keychain is locked.
    if (request.operation == Operation::Read && result.error == SecretError::NotFound
        && isSecretCollectionLocked())
        result = SecretResult{SecretError::Locked, QString(),
                              secretErrorMessage(SecretError::Locked, request.key)};
    if (request.operation == Operation::Remove && result.error == SecretError::NotFound)
        result = SecretResult{}; // nothing to remove is what the caller wanted
    if (result.error == SecretError::NoBackend && request.attempt == 0) {
        ++request.attempt;
        qCInfo(lcSecrets).noquote() << "keychain not reachable for" << request.key << "- retrying in"
                                    << m_retryTimer.interval() << "ms";
        // Started by the timer, never from inside this finished handler.
        m_retryTimer.start();
        Q_EMIT retryScheduled(request.id, m_retryTimer.interval());
        return;
    }
    finishFront(result);
}

void SecretStore::finishFront(const SecretResult &result)
{
    Request request = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = false;
    if (result.ok() || result.error == SecretError::NotFound)
        qCDebug(lcSecrets).noquote() << operationName(request.operation) << request.key << "->"
                                     << secretErrorName(result.error);
    else
        qCWarning(lcSecrets).noquote() << operationName(request.operation) << request.key << "->"
                                       << secretErrorName(result.error) << result.message;
    scheduleNext();
    QPointer<SecretStore> self(this);
    if (request.callback)
        request.callback(result);
    if (self)
        Q_EMIT finished(request.id, request.operation, request.key, result);
}

SecretResult SecretStore::runBlocking(const std::function<quint64(Callback)> &start, int timeoutMs)
{
    struct State
    {
        bool done = false;
        SecretResult result;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    state->loop = &loop;
    start([state](const SecretResult &result) {
        state->done = true;
        state->result = result;
        if (state->loop)
            state->loop->quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!state->done)
        loop.exec();
    state->loop = nullptr; // a late answer must not touch the finished loop
    if (!state->done)
        return SecretResult{SecretError::Other, QString(),
                            tr("The keychain did not answer within %1 ms.").arg(timeoutMs)};
    return state->result;
}

SecretResult SecretStore::readBlocking(const AccountAddress &address, const QString &field, int timeoutMs)
{
    return runBlocking([&](Callback cb) { return read(address, field, std::move(cb)); }, timeoutMs);
}

SecretResult SecretStore::writeBlocking(const AccountAddress &address, const QString &field, const QString &value,
                                        int timeoutMs)
{
    return runBlocking([&](Callback cb) { return write(address, field, value, std::move(cb)); }, timeoutMs);
}

SecretResult SecretStore::removeBlocking(const AccountAddress &address, const QString &field, int timeoutMs)
{
    return runBlocking([&](Callback cb) { return remove(address, field, std::move(cb)); }, timeoutMs);
}

} // namespace ct
