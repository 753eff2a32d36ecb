#pragma once
// Reconnect delays: exponential (doubling from initialMs, capped at maxMs) with jitter.
// A value type: copy it, keep one per connection, call reset() after a successful connect.
#include <QtGlobal>

#include <functional>
#include <optional>

namespace ct {

class Backoff
{
public:
    // Returns a uniformly distributed number in [0, 1). Tests pass a fixed or seeded one.
    using RandomSource = std::function<double()>;

    // maxAttempts 0 = unlimited. jitter is a fraction (0.2 = ±20 %), clamped to [0, 1].
    // Without a random source the process-wide QRandomGenerator is used.
    Backoff(int initialMs, int maxMs, int maxAttempts = 0, double jitter = 0.2, RandomSource random = {});

    // A random source from a fixed seed: the same seed gives the same delays.
    static RandomSource seeded(quint32 seed);

    // The delay before the next attempt, and counts that attempt; nullopt once maxAttempts
    // delays were handed out. Never negative, never above maxMs.
    std::optional<int> next();
    // The delay next() would return without jitter (for showing "retry in ~N s").
    int nominalDelay() const;
    void reset();

    int attempts() const { return m_attempts; }
    bool exhausted() const { return m_maxAttempts > 0 && m_attempts >= m_maxAttempts; }
    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }
    int maxAttempts() const { return m_maxAttempts; }
    double jitter() const { return m_jitter; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_maxAttempts;
    double m_jitter;
    RandomSource m_random;
    int m_attempts = 0;
};

} // namespace ct
