#pragma once
// One clock for the keep-alive pings of every connection of a process. Each connection on its
// own timer wakes the process once per account per period (a thousand accounts with a 24 s
// ping: 42 wake-ups a second, each of them polling every socket); on one clock all of them
// ping in the same wake-up and their pongs come back together, so the process wakes a few
// times per period whatever the number of accounts. A connection that has no clock keeps its
// own timer (tests, one-account commands).
//
//   HeartbeatClock clock(kHeartbeatPeriod, kHeartbeatJitter);
//   connection->setHeartbeatClock(&clock); // before start(); it pings on beat()
#include <QObject>
#include <QTimer>

#include <chrono>

namespace ct {

// The beat of the process's clock. OpenIM's gateway drops a connection from which it has read
// nothing for 30 s and renews that deadline on every frame it reads (docs/protocols.md,
// Heartbeat), so a ping every 21-24 s keeps at least 6 s in hand; Gotify only checks for
// silence on the beat (its server pings every 45 s). The jitter keeps processes started
// together (a fleet of bots restarted at once) from pinging their servers in step forever.
inline constexpr std::chrono::milliseconds kHeartbeatPeriod{24000};
inline constexpr std::chrono::milliseconds kHeartbeatJitter{3000};

class HeartbeatClock : public QObject
{
    Q_OBJECT
public:
    // Beats `period` apart, or, with a jitter, each beat between period - jitter and period
    // after the one before (never later than `period`).
    explicit HeartbeatClock(std::chrono::milliseconds period, std::chrono::milliseconds jitter = {},
                            QObject *parent = nullptr);

    // The longest time between two beats.
    std::chrono::milliseconds period() const { return m_period; }
    // How long the wait for the next beat was armed for.
    std::chrono::milliseconds armed() const { return std::chrono::milliseconds(m_timer.interval()); }
    int beats() const { return m_beats; }

Q_SIGNALS:
    // Every period. A receiver that sent a ping on the previous beat and saw no pong since
    // treats the link as dead.
    void beat();

private:
    void arm();

    QTimer m_timer;
    std::chrono::milliseconds m_period;
    std::chrono::milliseconds m_jitter;
    int m_beats = 0;
};

} // namespace ct
