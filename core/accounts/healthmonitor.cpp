#include "healthmonitor.h"

#include "accountconnection.h"
#include "logging/logging.h"

#include <QPointer>

#include <algorithm>
#include <limits>

namespace ct {

HealthMonitor::HealthMonitor(ConnectionLookup lookup, QObject *parent)
    : QObject(parent), m_lookup(std::move(lookup))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::onTimer);
}

HealthMonitor::~HealthMonitor() = default;

std::chrono::milliseconds HealthMonitor::intervalFor(const Config &config, const AccountAddress &address)
{
    int minutes = 30;
    if (address.channel == kOpenImChannel) {
        minutes = config.openim.healthCheckIntervalMinutes;
        if (const auto *a = config.openimAccount(address.accountId))
            minutes = a->healthCheckIntervalMinutes;
    } else if (address.channel == kGotifyChannel) {
        minutes = config.gotify.healthCheckIntervalMinutes;
        if (const auto *a = config.gotifyAccount(address.accountId))
            minutes = a->healthCheckIntervalMinutes;
    }
    if (minutes <= 0)
        minutes = 30;
    return std::chrono::minutes(minutes);
}

void HealthMonitor::setAccount(const AccountAddress &address, std::chrono::milliseconds interval, Probe probe)
{
    Entry &e = m_accounts[address];
    e.interval = interval.count() > 0 ? interval : std::chrono::milliseconds(std::chrono::minutes(30));
    e.probe = std::move(probe);
    // Accounts added together are spread over up to a tenth of their interval (by address, so
    // the same account keeps its place), so a thousand of them are not all probed at once.
    const qint64 spread = std::max<qint64>(1, e.interval.count() / 10);
    e.due = QDateTime::currentDateTimeUtc().addMSecs(e.interval.count()
                                                     + qint64(qHash(address) % quint64(spread)));
    ++e.probeGeneration;
    e.probing = false;
    arm();
}

void HealthMonitor::removeAccount(const AccountAddress &address)
{
    m_accounts.remove(address);
    arm();
}

void HealthMonitor::clear()
{
    m_accounts.clear();
    arm();
}

QDateTime HealthMonitor::nextCheckAt(const AccountAddress &address) const
{
    const auto it = m_accounts.constFind(address);
    return it == m_accounts.constEnd() ? QDateTime() : it->due;
}

QDateTime HealthMonitor::timerDueAt() const
{
    return m_timer.isActive() ? m_timerDue : QDateTime();
}

void HealthMonitor::checkNow(const AccountAddress &address)
{
    if (!m_accounts.contains(address))
        return;
    Q_EMIT checkRequested(address);
    check(address);
}

void HealthMonitor::spreadNextChecks(std::chrono::milliseconds from, std::chrono::milliseconds spacing,
                                     const std::function<QString(const AccountAddress &)> &groupOf)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 at = from.count();
    QHash<QString, qint64> turnOfGroup;
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        const QString group = groupOf ? groupOf(it.key()) : QString();
        qint64 turn = at;
        if (const auto shared = turnOfGroup.constFind(group); !group.isEmpty() && shared != turnOfGroup.cend()) {
            turn = *shared;
        } else {
            at += spacing.count();
            if (!group.isEmpty())
                turnOfGroup.insert(group, turn);
        }
        it->due = now.addMSecs(turn);
        it->firstPending = true;
    }
    arm();
}

void HealthMonitor::arm()
{
    QDateTime earliest;
    std::chrono::milliseconds shortest = std::chrono::hours(24);
    for (const Entry &e : std::as_const(m_accounts)) {
        if (!earliest.isValid() || e.due < earliest)
            earliest = e.due;
        shortest = std::min(shortest, e.interval);
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        m_timerDue = {};
        return;
    }
    const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(earliest));
    // Whole-second (or coarser) precision is plenty for checks minutes apart; short test
    // intervals keep the ±5 % coarse timer.
    m_timer.setTimerType(shortest >= std::chrono::minutes(1) ? Qt::VeryCoarseTimer : Qt::CoarseTimer);
    m_timerDue = earliest;
    m_timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void HealthMonitor::onTimer()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<AccountAddress> due;
    // Accounts due within the timer's slack run in this wake-up too.
    const QDateTime horizon = now.addMSecs(500);
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        if (it->due <= horizon) {
            due << it.key();
            it->due = now.addMSecs(it->interval.count());
            if (it->firstPending) {
                const AccountConnection *c = m_lookup ? m_lookup(it.key()) : nullptr;
                const AccountState s = c ? c->state() : AccountState::Disabled;
                if (s == AccountState::Connecting || s == AccountState::Backoff || s == AccountState::Refreshing)
                    it->due = now.addMSecs(std::min<qint64>(1000, it->interval.count())); // not yet
                else
                    it->firstPending = false;
            }
        }
    }
    for (const AccountAddress &address : due)
        check(address);
    arm();
}

void HealthMonitor::check(const AccountAddress &address)
{
    auto it = m_accounts.find(address);
    if (it == m_accounts.end())
        return;
    AccountConnection *connection = m_lookup ? m_lookup(address) : nullptr;
    if (!connection)
        return;
    if (connection->state() == AccountState::Failed) {
        qCInfo(lcAccounts).noquote() << "health check:" << address.toString() << "is failed; reconnecting";
        Q_EMIT retryingFailed(address);
        connection->reconnectNow();
        return;
    }
    if (connection->state() != AccountState::Connected || !it->probe || it->probing)
        return;
    it->probing = true;
    const quint64 generation = ++it->probeGeneration;
    QPointer<HealthMonitor> self(this);
    it->probe([self, address, generation](const ProbeResult &result) {
        if (!self)
            return;
        auto entry = self->m_accounts.find(address);
        if (entry == self->m_accounts.end() || entry->probeGeneration != generation)
            return;
        entry->probing = false;
        Q_EMIT self->probeFinished(address, result);
        if (result.ok && result.latencyMs >= 0)
            Q_EMIT self->latencyMeasured(address, result.latencyMs);
        if (result.tokenRefused) {
            qCInfo(lcAccounts).noquote()
                << "health check:" << address.toString() << "token refused:" << result.error;
            Q_EMIT self->tokenRefused(address, result.error);
            if (self->m_refresh)
                self->m_refresh(address, QStringLiteral("HealthProbe %1").arg(result.error).trimmed());
        } else if (!result.ok) {
            qCInfo(lcAccounts).noquote()
                << "health check:" << address.toString() << "probe failed:" << result.error;
        }
    });
}

} // namespace ct
