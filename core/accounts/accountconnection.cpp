#include "accountconnection.h"

#include "logging/logging.h"

namespace ct {

AccountConnection::AccountConnection(const AccountAddress &address, QObject *parent)
    : QObject(parent), m_address(address)
{
}

void AccountConnection::setState(AccountState state, const QString &detail, const QDateTime &nextRetryAt)
{
    if (m_state == state && m_detail == detail && m_nextRetryAt == nextRetryAt)
        return;
    m_state = state;
    m_detail = detail;
    m_nextRetryAt = nextRetryAt;
    qCInfo(lcAccounts).noquote() << m_address.toString() << "→" << accountStateName(state) << detail;
    Q_EMIT stateChanged(state, detail);
}

void AccountConnection::setLastError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged(error);
}

void AccountConnection::setLatencyMs(int latencyMs)
{
    if (m_latencyMs == latencyMs)
        return;
    m_latencyMs = latencyMs;
    Q_EMIT latencyChanged(latencyMs);
}

void AccountConnection::setTokenExpiresAt(const QDateTime &at)
{
    if (m_tokenExpiresAt == at)
        return;
    m_tokenExpiresAt = at;
    Q_EMIT tokenExpiresAtChanged(at);
}

} // namespace ct
