#pragma once
// One clock for the keep-alive pings of every connection of a process. Each connection on its
// own timer wakes the process once per account per period (a thousand accounts with a 15 s
// ping: 67 wake-ups a second, each of them polling every socket); on one clock all of them
// ping in the same wake-up and their pongs come back together, so the process wakes a few
// times per period whatever the number of accounts. A connection that has no clock keeps its
// own timer (tests, one-account commands).
//
//   HeartbeatClock clock(15s);
//   connection->setHeartbeatClock(&clock); // before start(); it pings on beat()
#include <QObject>
#include <QTimer>

#include <chrono>

namespace ct {

class HeartbeatClock : public QObject
{
    Q_OBJECT
public:
    explicit HeartbeatClock(std::chrono::milliseconds period, QObject *parent = nullptr);

    std::chrono::milliseconds period() const { return std::chrono::milliseconds(m_timer.interval()); }
    int beats() const { return m_beats; }

Q_SIGNALS:
    // Every period. A receiver that sent a ping on the previous beat and saw no pong since
    // treats the link as dead.
    void beat();

private:
    QTimer m_timer;
    int m_beats = 0;
};

} // namespace ct
