#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <memory>

namespace ct {

Backoff::Backoff(int initialMs, int maxMs, int maxAttempts, double jitter, RandomSource random)
    : m_initialMs(std::max(0, initialMs)), m_maxMs(std::max(m_initialMs, maxMs)),
      m_maxAttempts(std::max(0, maxAttempts)),
      m_jitter(std::isfinite(jitter) ? std::clamp(jitter, 0.0, 1.0) : 0.0), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

Backoff::RandomSource Backoff::seeded(quint32 seed)
{
    auto generator = std::make_shared<QRandomGenerator>(seed);
    return [generator] { return generator->generateDouble(); };
}

int Backoff::nominalDelay() const
{
    // Double in 64 bits and stop at the cap, so a long outage cannot overflow.
    qint64 delay = m_initialMs;
    for (int i = 0; i < m_attempts && delay < m_maxMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_maxMs));
}

std::optional<int> Backoff::next()
{
    if (exhausted())
        return std::nullopt;
    const double base = nominalDelay();
    ++m_attempts;
    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double jittered = base * (1.0 + m_jitter * (2.0 * r - 1.0));
    return int(std::clamp(std::lround(jittered), 0L, long(m_maxMs)));
}

void Backoff::reset()
{
    m_attempts = 0;
}

} // namespace ct
